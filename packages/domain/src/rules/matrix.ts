import type { Finding, RaciCode } from "@rolemap/contract";
import type { ChartIndex, CodeHolders } from "../chart-index";
import { listLabels, makeFinding } from "../findings";
import { isVacant } from "../roles";

const CODE_WORDS: Record<RaciCode, string> = {
  R: "responsible",
  A: "accountable",
  S: "support",
  C: "consulted",
  I: "informed",
};
const DOING = ["A", "R", "S"] as const;
const TOLD = ["C", "I"] as const;

/** The raci/* rules: each responsibility's codes on their own. */
export function checkMatrix(index: ChartIndex): Finding[] {
  const { maxResponsible, maxConsulted } = index.settings;
  const { document, roleIds } = index;
  const findings: Finding[] = [];
  const ids = (positions: readonly number[]) =>
    positions.map((position) => roleIds[position] as string);
  const labels = (positions: readonly number[]) => listLabels(ids(positions), index.roleLabel);
  const findConflicts = conflictFinder(index);

  document.responsibilities.forEach(({ id, name }, row) => {
    const holders = index.holders[row] as CodeHolders;
    const { R, A, C, S } = holders;
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
          ids(A),
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
          ids(R),
          it,
          `${name} has ${R.length} responsible roles (${labels(R)}); more than ${maxResponsible} blurs who does the work.`,
        ),
      );
    if (C.length > maxConsulted)
      findings.push(
        makeFinding(
          "raci/too-many-consulted",
          ids(C),
          it,
          `${name} has ${C.length} consulted roles (${labels(C)}); consulting more than ${maxConsulted} slows decisions down.`,
        ),
      );
    if (S.length > 0 && R.length === 0)
      findings.push(
        makeFinding(
          "raci/support-without-responsible",
          ids(S),
          it,
          `${labels(S)} ${S.length === 1 ? "supports" : "support"} ${name}, but nobody is responsible for it to support.`,
        ),
      );
    for (const role of A) {
      if (isVacant(document.roles[role] as { holder?: string | null }))
        findings.push(
          makeFinding(
            "raci/vacant-accountable",
            [roleIds[role] as string],
            it,
            `${index.label(role)} is accountable for ${name}, but the role is vacant.`,
          ),
        );
    }
    findConflicts(row, id, name, holders, findings);
  });
  return findings;
}

/**
 * raci/conflicting-codes: a role that owns or supports the work (A, R, S) and is also
 * only told about it (C, I). Two per-role stamp arrays mark, for the current row, who
 * does the work and who was already reported, so a row costs its codes and no set.
 * Indexed loops: this runs for every row, and `for…of` allocates until optimised.
 */
function conflictFinder(index: ChartIndex) {
  const doingIn = new Int32Array(index.roleIds.length).fill(-1);
  const reportedIn = new Int32Array(index.roleIds.length).fill(-1);
  const words = (role: number, holders: CodeHolders, codes: readonly RaciCode[]) =>
    codes
      .filter((code) => holders[code].includes(role))
      .map((code) => CODE_WORDS[code])
      .join(" and ");

  return (row: number, id: string, name: string, holders: CodeHolders, into: Finding[]) => {
    if (holders.C.length + holders.I.length === 0) return;
    for (const code of DOING) {
      const list = holders[code];
      for (let i = 0; i < list.length; i++) doingIn[list[i] as number] = row;
    }
    for (const code of TOLD) {
      const list = holders[code];
      for (let i = 0; i < list.length; i++) {
        const role = list[i] as number;
        if (doingIn[role] !== row || reportedIn[role] === row) continue;
        reportedIn[role] = row;
        into.push(
          makeFinding(
            "raci/conflicting-codes",
            [index.roleIds[role] as string],
            [id],
            `${index.label(role)} is both ${words(role, holders, DOING)} and ${words(role, holders, TOLD)} on ${name}; a role that does the work need not be consulted or informed about it.`,
          ),
        );
      }
    }
  };
}
