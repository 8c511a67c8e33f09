import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { makeFinding } from "../findings";

/** The role/* rules: what each role owns across the whole matrix. */
export function checkOwnership(index: ChartIndex): Finding[] {
  const { maxAccountablePerRole } = index.settings;
  const { roleIds, holders } = index;
  const owns = new Uint8Array(roleIds.length);
  const accountableCount = new Int32Array(roleIds.length);
  for (const { R, A } of holders) {
    for (const role of R) owns[role] = 1;
    for (const role of A) {
      owns[role] = 1;
      accountableCount[role] = (accountableCount[role] ?? 0) + 1;
    }
  }

  const findings: Finding[] = [];
  if (holders.length > 0) {
    for (let role = 0; role < roleIds.length; role++) {
      if (owns[role] === 0)
        findings.push(
          makeFinding(
            "role/no-ownership",
            [roleIds[role] as string],
            [],
            `${index.label(role)} is neither responsible nor accountable for anything in the matrix.`,
          ),
        );
    }
  }

  // Few roles are overloaded: list responsibilities only for those.
  const overloaded = new Map<number, string[]>();
  accountableCount.forEach((count, role) => {
    if (count > maxAccountablePerRole) overloaded.set(role, []);
  });
  if (overloaded.size === 0) return findings;
  holders.forEach(({ A }, row) => {
    for (const role of A)
      overloaded.get(role)?.push(index.document.responsibilities[row]?.id as string);
  });
  for (const [role, responsibilities] of overloaded)
    findings.push(
      makeFinding(
        "role/overloaded",
        [roleIds[role] as string],
        responsibilities,
        `${index.label(role)} is accountable for ${responsibilities.length} responsibilities; more than ${maxAccountablePerRole} is more than one role can own well.`,
      ),
    );
  return findings;
}
