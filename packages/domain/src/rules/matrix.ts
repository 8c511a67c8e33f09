import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { listLabels, makeFinding } from "../findings";
import { isVacant } from "../roles";

const CODE_WORDS = {
  R: "responsible",
  A: "accountable",
  S: "support",
  C: "consulted",
  I: "informed",
};

/** The raci/* rules: each responsibility's codes on their own. */
export function checkMatrix(index: ChartIndex): Finding[] {
  const { maxResponsible, maxConsulted } = index.settings;
  const findings: Finding[] = [];
  const labels = (ids: readonly string[]) => listLabels(ids, index.roleLabel);

  for (const [id, { R, A, C, I, S }] of index.holders) {
    const name = index.responsibilityName(id);
    const it = [id];

    if (A.length === 0)
      findings.push(
        makeFinding(
          "raci/no-accountable",
          [],
          it,
          `Nobody is accountable for ${name}; exactly one role must be accountable.`,
        ),
      );
    if (A.length >= 2)
      findings.push(
        makeFinding(
          "raci/multiple-accountable",
          A,
          it,
          `${name} has ${A.length} accountable roles (${labels(A)}); exactly one must be accountable.`,
        ),
      );
    if (R.length === 0)
      findings.push(
        makeFinding(
          "raci/no-responsible",
          [],
          it,
          `Nobody is responsible for ${name}; at least one role must do the work.`,
        ),
      );
    if (R.length > maxResponsible)
      findings.push(
        makeFinding(
          "raci/too-many-responsible",
          R,
          it,
          `${name} has ${R.length} responsible roles (${labels(R)}); more than ${maxResponsible} blurs who does the work.`,
        ),
      );
    if (C.length > maxConsulted)
      findings.push(
        makeFinding(
          "raci/too-many-consulted",
          C,
          it,
          `${name} has ${C.length} consulted roles (${labels(C)}); consulting more than ${maxConsulted} slows decisions down.`,
        ),
      );
    if (S.length > 0 && R.length === 0)
      findings.push(
        makeFinding(
          "raci/support-without-responsible",
          S,
          it,
          `${labels(S)} ${S.length === 1 ? "supports" : "support"} ${name}, but nobody is responsible for it to support.`,
        ),
      );
    for (const role of new Set(A)) {
      const holder = index.roles.get(role);
      if (holder !== undefined && isVacant(holder))
        findings.push(
          makeFinding(
            "raci/vacant-accountable",
            [role],
            it,
            `${index.roleLabel(role)} is accountable for ${name}, but the role is vacant.`,
          ),
        );
    }
    findings.push(...findConflicts(index, id, { R, A, S }, { C, I }));
  }
  return findings;
}

/** A role that owns or supports the work (A, R, S) and is also only told about it (C, I). */
function findConflicts(
  index: ChartIndex,
  id: string,
  doing: Record<"R" | "A" | "S", string[]>,
  told: Record<"C" | "I", string[]>,
): Finding[] {
  if (told.C.length + told.I.length === 0) return [];
  const doers = new Set([...doing.A, ...doing.R, ...doing.S]);
  const conflicted = new Set([...told.C, ...told.I].filter((role) => doers.has(role)));
  if (conflicted.size === 0) return [];

  const name = index.responsibilityName(id);
  const words = (role: string, codes: readonly ("A" | "R" | "S" | "C" | "I")[]) =>
    codes
      .filter((code) => (code === "C" || code === "I" ? told[code] : doing[code]).includes(role))
      .map((code) => CODE_WORDS[code])
      .join(" and ");
  return [...conflicted].map((role) =>
    makeFinding(
      "raci/conflicting-codes",
      [role],
      [id],
      `${index.roleLabel(role)} is both ${words(role, ["A", "R", "S"])} and ${words(role, ["C", "I"])} on ${name}; a role that does the work need not be consulted or informed about it.`,
    ),
  );
}
