import type { ChartDocument, Finding, RaciCode, Severity } from "@rolemap/contract";
import { SEVERITIES } from "@rolemap/contract/constants";
import { sortCodes } from "./codes";

/**
 * The responsibility matrix as plain data: what the grid shows, computed once per document
 * and findings. Pure: nothing here reads editor state or changes its input.
 */

export interface MatrixColumn {
  id: string;
  title: string;
  holder: string | null;
  department: string | null;
  isVacant: boolean;
  /** Place among the chart's roles (document order). */
  index: number;
}

export interface MatrixRow {
  id: string;
  name: string;
  category: string | null;
  description: string | null;
  /** Place among the chart's responsibilities (document order). */
  index: number;
}

export type RowCounts = Readonly<Record<RaciCode, number>>;

/** The findings touching one cell, row or role, and the most severe of their severities. */
export interface FindingMarks {
  severity: Severity;
  findings: readonly Finding[];
}

export interface MatrixModel {
  rows: readonly MatrixRow[];
  columns: readonly MatrixColumn[];
  /** Codes per assigned cell (see `cellKey`), in display order; empty cells are absent. */
  cells: ReadonlyMap<string, readonly RaciCode[]>;
  /** How many roles hold each code, per responsibility id. */
  rowCounts: ReadonlyMap<string, RowCounts>;
  /** Findings naming both the role and the responsibility of a cell. */
  cellFindings: ReadonlyMap<string, FindingMarks>;
  /** Findings naming a responsibility, per responsibility id. */
  rowFindings: ReadonlyMap<string, FindingMarks>;
  /** Findings naming a role, per role id. */
  roleFindings: ReadonlyMap<string, FindingMarks>;
  /** Roles holding at least one code. */
  assignedRoles: ReadonlySet<string>;
}

const NO_CODES: readonly RaciCode[] = Object.freeze([]);
const ZERO_COUNTS: RowCounts = Object.freeze({ R: 0, A: 0, C: 0, I: 0, S: 0 });
const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, rank) => [s, rank]));

/** The key of a cell in `MatrixModel.cells` and `cellFindings`. */
export const cellKey = (roleId: string, responsibilityId: string): string =>
  `${roleId}\u0000${responsibilityId}`;

/** The more severe of two severities ("error" beats "warning" beats "info"). */
export function moreSevere(a: Severity, b: Severity): Severity {
  return (SEVERITY_RANK.get(a) ?? 0) <= (SEVERITY_RANK.get(b) ?? 0) ? a : b;
}

const isBlank = (text: string | null | undefined) => text == null || text.trim() === "";

function addMark(
  marks: Map<string, { severity: Severity; findings: Finding[] }>,
  key: string,
  finding: Finding,
) {
  const mark = marks.get(key);
  if (mark === undefined) marks.set(key, { severity: finding.severity, findings: [finding] });
  else {
    mark.severity = moreSevere(mark.severity, finding.severity);
    mark.findings.push(finding);
  }
}

/** The parts of a chart the matrix reads. */
export type MatrixSource = Pick<ChartDocument, "roles" | "responsibilities" | "assignments">;

export function buildMatrixModel(
  document: MatrixSource,
  findings: readonly Finding[],
): MatrixModel {
  const columns = document.roles.map(
    (role, index): MatrixColumn => ({
      id: role.id,
      title: role.title,
      holder: isBlank(role.holder) ? null : (role.holder ?? null),
      department: isBlank(role.department) ? null : (role.department ?? null),
      isVacant: isBlank(role.holder),
      index,
    }),
  );
  const rows = document.responsibilities.map(
    (responsibility, index): MatrixRow => ({
      id: responsibility.id,
      name: responsibility.name,
      category: isBlank(responsibility.category) ? null : (responsibility.category ?? null),
      description: isBlank(responsibility.description)
        ? null
        : (responsibility.description ?? null),
      index,
    }),
  );

  const codes = new Map<string, RaciCode[]>();
  const counts = new Map<string, Record<RaciCode, number>>();
  const assignedRoles = new Set<string>();
  for (const { role, responsibility, code } of document.assignments) {
    const key = cellKey(role, responsibility);
    const held = codes.get(key);
    if (held === undefined) codes.set(key, [code]);
    else if (!held.includes(code)) held.push(code);
    else continue;
    const count = counts.get(responsibility) ?? { ...ZERO_COUNTS };
    count[code] += 1;
    counts.set(responsibility, count);
    assignedRoles.add(role);
  }
  const cells = new Map<string, readonly RaciCode[]>();
  for (const [key, held] of codes) cells.set(key, sortCodes(held));

  const cellFindings = new Map<string, { severity: Severity; findings: Finding[] }>();
  const rowFindings = new Map<string, { severity: Severity; findings: Finding[] }>();
  const roleFindings = new Map<string, { severity: Severity; findings: Finding[] }>();
  for (const finding of findings) {
    for (const responsibility of finding.responsibilities) {
      addMark(rowFindings, responsibility, finding);
      for (const role of finding.roles)
        addMark(cellFindings, cellKey(role, responsibility), finding);
    }
    for (const role of finding.roles) addMark(roleFindings, role, finding);
  }

  return {
    rows,
    columns,
    cells,
    rowCounts: counts,
    cellFindings,
    rowFindings,
    roleFindings,
    assignedRoles,
  };
}

/** The codes of one cell, in display order; empty when the role holds none. */
export function codesAt(
  model: Pick<MatrixModel, "cells">,
  roleId: string,
  responsibilityId: string,
): readonly RaciCode[] {
  return model.cells.get(cellKey(roleId, responsibilityId)) ?? NO_CODES;
}

/** How many roles hold each code on a row; all zero for a row without assignments. */
export function countsOf(
  model: Pick<MatrixModel, "rowCounts">,
  responsibilityId: string,
): RowCounts {
  return model.rowCounts.get(responsibilityId) ?? ZERO_COUNTS;
}
