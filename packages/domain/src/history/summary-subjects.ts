import type {
  Assignment,
  ChartDocument,
  LineKind,
  Operation,
  RaciCode,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";

/**
 * What a batch of operations names (roles, rows, line pairs, cells, each with the first
 * operation that named it) and the state of just those in a document, for
 * `summariseOperations`.
 */

export const pairKey = (manager: string, report: string) => `${manager}\u0000${report}`;
export const cellKey = (role: string, responsibility: string) => `${role}\u0000${responsibility}`;

/** Keeps the first operation that named a subject. */
const note = <K>(map: Map<K, number>, key: K, at: number) => {
  if (!map.has(key)) map.set(key, at);
};

/** What a batch names, each with the index of the first operation that named it. */
export interface Named {
  roles: Map<string, number>;
  /** Roles whose solid-line manager the batch may have changed. */
  managed: Map<string, number>;
  /** Line pairs (manager, report) and cells (role, responsibility), by key. */
  pairs: Map<string, number>;
  cells: Map<string, number>;
  rows: Map<string, number>;
  /** Roles and rows removed and added again (a replacement's reordering): their lines and cells count too. */
  replacedRoles: Map<string, number>;
  replacedRows: Map<string, number>;
  chart: number;
}

/** Roles and rows removed so far, by the operation that removed them. */
interface Removed {
  roles: Map<string, number>;
  rows: Map<string, number>;
}

/** A role or row added: added again after a removal, it is a replacement's reorder. */
function nameAddition(
  subjects: Map<string, number>,
  replaced: Map<string, number>,
  removed: Map<string, number>,
  id: string,
  at: number,
) {
  const gone = removed.get(id);
  if (gone !== undefined) note(replaced, id, gone);
  note(subjects, id, at);
}

function nameRemoval(
  subjects: Map<string, number>,
  removed: Map<string, number>,
  id: string,
  at: number,
) {
  note(removed, id, at);
  note(subjects, id, at);
}

function nameOperation(named: Named, removed: Removed, operation: Operation, at: number): void {
  switch (operation.op) {
    case "addRole":
      nameAddition(named.roles, named.replacedRoles, removed.roles, operation.role.id, at);
      return;
    case "removeRole":
      nameRemoval(named.roles, removed.roles, operation.id, at);
      return;
    case "updateRole":
      note(named.roles, operation.id, at);
      return;
    case "moveRole":
      if (operation.manager !== undefined) note(named.managed, operation.id, at);
      note(named.roles, operation.id, at);
      return;
    case "addLine":
    case "removeLine":
    case "updateLine": {
      const { manager, report, kind } = operation.line;
      if (kind === "solid" || (operation.op === "updateLine" && operation.kind === "solid"))
        note(named.managed, report, at);
      note(named.pairs, pairKey(manager, report), at);
      return;
    }
    case "addResponsibility": {
      const { id } = operation.responsibility;
      nameAddition(named.rows, named.replacedRows, removed.rows, id, at);
      return;
    }
    case "removeResponsibility":
      nameRemoval(named.rows, removed.rows, operation.id, at);
      return;
    case "updateResponsibility":
    case "moveResponsibility":
      note(named.rows, operation.id, at);
      return;
    case "addAssignment":
    case "updateAssignment":
    case "removeAssignment": {
      const { role, responsibility } = operation.assignment;
      note(named.cells, cellKey(role, responsibility), at);
      return;
    }
    case "updateChart":
      if (named.chart === -1) named.chart = at;
      return;
  }
}

export function nameSubjects(operations: readonly Operation[]): Named {
  const named: Named = {
    roles: new Map(),
    managed: new Map(),
    pairs: new Map(),
    cells: new Map(),
    rows: new Map(),
    replacedRoles: new Map(),
    replacedRows: new Map(),
    chart: -1,
  };
  const removed: Removed = { roles: new Map(), rows: new Map() };
  for (const [at, operation] of operations.entries()) nameOperation(named, removed, operation, at);
  for (const [id, at] of named.replacedRoles) note(named.managed, id, at);
  return named;
}

/** The lines and cells of one document (before or after the batch) that the batch named. */
export interface Links {
  /** Kinds of each named line pair. */
  kinds: Map<string, LineKind[]>;
  /** Solid-line managers of the roles in `managed` and of every role the batch named. */
  managers: Map<string, string[]>;
  /** Codes of each named cell. */
  codes: Map<string, RaciCode[]>;
}

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

/**
 * One pass over the lines and one over the assignments, keeping only what the batch named
 * (so a small batch on a large chart builds small maps); the lines and cells of a replaced
 * role or row are named here.
 */
export function readLinks(document: ChartDocument, named: Named): Links {
  const links: Links = { kinds: new Map(), managers: new Map(), codes: new Map() };
  // A key is built only for a line or cell whose ends the batch named: building one for
  // each of a large chart's 50,000 cells cost ~10 ms per write.
  const pairEnds = endsOf(named.pairs);
  const cellEnds = endsOf(named.cells);
  for (const { manager, report, kind } of document.reportingLines as ReportingLine[]) {
    if (kind === "solid" && (named.managed.has(report) || named.roles.has(report)))
      push(links.managers, report, manager);
    const via = named.replacedRoles.get(manager) ?? named.replacedRoles.get(report);
    if (via === undefined && !(pairEnds.first.has(manager) && pairEnds.second.has(report)))
      continue;
    const key = pairKey(manager, report);
    if (via !== undefined) note(named.pairs, key, via);
    if (named.pairs.has(key)) push(links.kinds, key, kind);
  }
  for (const { role, responsibility, code } of document.assignments as Assignment[]) {
    const via = named.replacedRoles.get(role) ?? named.replacedRows.get(responsibility);
    if (via === undefined && !(cellEnds.first.has(role) && cellEnds.second.has(responsibility)))
      continue;
    const key = cellKey(role, responsibility);
    if (via !== undefined) note(named.cells, key, via);
    if (named.cells.has(key)) push(links.codes, key, code);
  }
  return links;
}

/** The first and second ids of two-part keys (`pairKey`, `cellKey`). */
function endsOf(keys: Map<string, number>) {
  const ends = { first: new Set<string>(), second: new Set<string>() };
  for (const key of keys.keys()) {
    const [first = "", second = ""] = key.split("\u0000");
    ends.first.add(first);
    ends.second.add(second);
  }
  return ends;
}

export interface Rows {
  roles: Map<string, { role: Role; index: number }>;
  rows: Map<string, { row: Responsibility; index: number }>;
}

export function readRows(document: ChartDocument, roleIds: Set<string>, rowIds: Set<string>): Rows {
  const rows: Rows = { roles: new Map(), rows: new Map() };
  document.roles.forEach((role, index) => {
    if (roleIds.has(role.id)) rows.roles.set(role.id, { role, index });
  });
  document.responsibilities.forEach((row, index) => {
    if (rowIds.has(row.id)) rows.rows.set(row.id, { row, index });
  });
  return rows;
}
