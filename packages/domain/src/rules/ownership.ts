import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { makeFinding } from "../findings";

/** The role/* rules: what each role owns across the whole matrix. */
export function checkOwnership(index: ChartIndex): Finding[] {
  const { maxAccountablePerRole } = index.settings;
  const owners = new Set<string>();
  const accountableFor = new Map<string, string[]>();
  for (const [responsibility, { R, A }] of index.holders) {
    for (const role of R) owners.add(role);
    for (const role of new Set(A)) {
      owners.add(role);
      const list = accountableFor.get(role);
      if (list === undefined) accountableFor.set(role, [responsibility]);
      else list.push(responsibility);
    }
  }

  const findings: Finding[] = [];
  if (index.responsibilities.size > 0) {
    for (const role of index.roles.keys()) {
      if (!owners.has(role))
        findings.push(
          makeFinding(
            "role/no-ownership",
            [role],
            [],
            `${index.roleLabel(role)} is neither responsible nor accountable for anything in the matrix.`,
          ),
        );
    }
  }
  for (const [role, responsibilities] of accountableFor) {
    if (responsibilities.length > maxAccountablePerRole)
      findings.push(
        makeFinding(
          "role/overloaded",
          [role],
          responsibilities,
          `${index.roleLabel(role)} is accountable for ${responsibilities.length} responsibilities; more than ${maxAccountablePerRole} is more than one role can own well.`,
        ),
      );
  }
  return findings;
}
