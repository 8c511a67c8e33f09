import type {
  Assignment,
  ChartDocument,
  ReportingLine,
  Responsibility,
  Role,
  Settings,
} from "@rolemap/contract";
import { CHART_FORMAT } from "@rolemap/contract/constants";
import { EDITOR_LAYOUT_OPTIONS, layoutChart } from "../layout";

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

const CODE_ORDER = ["A", "R", "S", "C", "I"] as const;

export function buildChart<Id extends string>(spec: ChartSpec<Id>): ChartDocument {
  const roles: Role[] = spec.roles.map(({ id, title, holder, department, notes }) => {
    const role: Role = { id, title, holder, department };
    if (notes !== undefined) role.notes = notes;
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
  // Placed as the editor's auto layout would place them, so a new chart opens tidy.
  const positions = layoutChart(document, EDITOR_LAYOUT_OPTIONS);
  for (const role of roles) {
    const position = positions.get(role.id);
    if (position !== undefined) role.position = position;
  }
  return document;
}
