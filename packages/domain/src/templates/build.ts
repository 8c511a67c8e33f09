import type {
  Assignment,
  ChartDocument,
  Position,
  ReportingLine,
  Responsibility,
  Role,
  Settings,
} from "@rolemap/contract";
import { CHART_FORMAT } from "@rolemap/contract/constants";

/**
 * Helpers that let each template read like an org chart and a RACI table instead of a
 * long list of lines and assignments. They only produce a plain `rolemap.chart/v1`
 * document; nothing here is part of the chart format.
 */

/** One role with its reporting lines. */
export interface RoleSpec {
  id: string;
  title: string;
  /** The person in the role; null when the role is vacant. */
  holder: string | null;
  department: string;
  notes?: string;
  /** The solid-line manager; left out only for the head of the chart. */
  reportsTo?: string;
  /** Functional (dotted-line) managers. */
  dottedTo?: readonly string[];
}

/** One row of the matrix: exactly one accountable role and who else holds which code. */
export interface RaciRow {
  A: string;
  R: readonly string[];
  S?: readonly string[];
  C?: readonly string[];
  I?: readonly string[];
}

export interface ChartSpec<Id extends string> {
  name: string;
  roles: readonly RoleSpec[];
  responsibilities: readonly (Responsibility & { id: Id })[];
  /** A row for every responsibility, no more and no fewer (checked by the compiler). */
  matrix: Readonly<Record<NoInfer<Id>, RaciRow>>;
  settings?: Settings;
}

/** Editor layout: a top-down tree along the solid lines. */
export const LAYOUT = { xStep: 220, yStep: 160 } as const;

const CODE_ORDER = ["A", "R", "S", "C", "I"] as const;

export function buildChart<Id extends string>(spec: ChartSpec<Id>): ChartDocument {
  const positions = layoutTree(spec.roles);
  const roles: Role[] = spec.roles.map(({ id, title, holder, department, notes }) => {
    const role: Role = { id, title, holder, department };
    if (notes !== undefined) role.notes = notes;
    const position = positions.get(id);
    if (position !== undefined) role.position = position;
    return role;
  });

  const reportingLines: ReportingLine[] = [];
  for (const role of spec.roles) {
    if (role.reportsTo !== undefined)
      reportingLines.push({ manager: role.reportsTo, report: role.id, kind: "solid" });
  }
  for (const role of spec.roles) {
    for (const manager of role.dottedTo ?? [])
      reportingLines.push({ manager, report: role.id, kind: "dotted" });
  }

  const assignments: Assignment[] = [];
  for (const { id } of spec.responsibilities) {
    const row: RaciRow = spec.matrix[id];
    for (const code of CODE_ORDER) {
      const holders = code === "A" ? [row.A] : (row[code] ?? []);
      for (const role of holders) assignments.push({ role, responsibility: id, code });
    }
  }

  const document: ChartDocument = {
    format: CHART_FORMAT,
    name: spec.name,
    roles,
    reportingLines,
    responsibilities: spec.responsibilities.map((responsibility) => ({ ...responsibility })),
    assignments,
  };
  if (spec.settings !== undefined) document.settings = { ...spec.settings };
  return document;
}

/**
 * Classic tidy-tree placement: leaves take consecutive columns in role order, a manager
 * sits centred over its first and last direct report, each level is one row lower. The
 * head of the chart is at x = 0.
 */
function layoutTree(roles: readonly RoleSpec[]): Map<string, Position> {
  const reports = new Map<string, string[]>(roles.map((role) => [role.id, []]));
  const heads: string[] = [];
  for (const role of roles) {
    const siblings = role.reportsTo === undefined ? undefined : reports.get(role.reportsTo);
    if (siblings === undefined) heads.push(role.id);
    else siblings.push(role.id);
  }

  const columns = new Map<string, { column: number; depth: number }>();
  let nextColumn = 0;
  const place = (id: string, depth: number): number => {
    const below = (reports.get(id) ?? []).filter((report) => !columns.has(report));
    columns.set(id, { column: Number.NaN, depth });
    let column: number;
    if (below.length === 0) column = nextColumn++;
    else {
      const placed = below.map((report) => place(report, depth + 1));
      column = ((placed[0] ?? 0) + (placed[placed.length - 1] ?? 0)) / 2;
    }
    columns.set(id, { column, depth });
    return column;
  };
  for (const head of heads) place(head, 0);

  const origin = columns.get(heads[0] ?? "")?.column ?? 0;
  const positions = new Map<string, Position>();
  for (const [id, { column, depth }] of columns) {
    positions.set(id, { x: (column - origin) * LAYOUT.xStep, y: depth * LAYOUT.yStep });
  }
  return positions;
}
