import type {
  Assignment,
  ChartDocument,
  InputIssue,
  Operation,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";
import type { ApplyResult } from "../edit/apply-operations";

// Compared field by field: a key string per row would allocate for all 50,000 assignments
// of a large chart on every lookup (the cost of a live batch would grow with the chart).
const sameLine = (a: ReportingLine, b: ReportingLine) =>
  a.manager === b.manager && a.report === b.report && a.kind === b.kind;
const sameAssignment = (a: Assignment, b: Assignment) =>
  a.role === b.role && a.responsibility === b.responsibility && a.code === b.code;
const describeLine = (line: ReportingLine) =>
  `${line.kind} line from "${line.report}" to "${line.manager}"`;
const describeAssignment = (a: Assignment) =>
  `"${a.code}" for role "${a.role}" on "${a.responsibility}"`;

/** Sets or (for null) removes optional keys; `undefined` leaves a key as it is. */
function patch<T extends object>(
  target: T,
  changes: Record<string, unknown>,
  clearable: readonly string[],
): T {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null && clearable.includes(key)) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/**
 * The engine's `applyOperations` as it was before it kept indexes (edit/editable-rows.ts):
 * every lookup scans, every removal filters. Kept for tests only, as the plain statement of
 * what the batch must do: the property tests check the indexed one gives the same answer.
 *
 * Applies a batch of edits to a copy of the document, all or nothing. Each operation
 * sees the result of the ones before it. Problems name the operation
 * (`operations[2].id: unknown role "cxo"`); the input document is never changed. The
 * caller re-parses the result with the contract, which checks every field.
 */
export function applyOperationsByScanning(
  document: ChartDocument,
  operations: readonly Operation[],
): ApplyResult {
  let roles: Role[] = [...document.roles];
  let lines: ReportingLine[] = [...document.reportingLines];
  let responsibilities: Responsibility[] = [...document.responsibilities];
  let assignments: Assignment[] = [...document.assignments];
  let { name, settings } = document;
  const issues: InputIssue[] = [];

  const roleIndex = (id: string) => roles.findIndex((role) => role.id === id);
  const responsibilityIndex = (id: string) => responsibilities.findIndex((r) => r.id === id);
  const hasLine = (line: ReportingLine) => lines.some((l) => sameLine(l, line));
  const hasAssignment = (a: Assignment) => assignments.some((x) => sameAssignment(x, a));

  const applyOne = (operation: Operation, at: number): void => {
    const fail = (field: string, message: string) =>
      issues.push({ path: `operations[${at}]${field === "" ? "" : `.${field}`}`, message });
    const needRole = (id: string, field: string) => {
      const index = roleIndex(id);
      if (index === -1) fail(field, `unknown role "${id}"`);
      return index;
    };
    const needResponsibility = (id: string, field: string) => {
      const index = responsibilityIndex(id);
      if (index === -1) fail(field, `unknown responsibility "${id}"`);
      return index;
    };
    // Every end is checked (no short-circuit), so one answer names every unknown id.
    const checkLineEnds = (line: ReportingLine) => {
      const ends = [needRole(line.manager, "line.manager"), needRole(line.report, "line.report")];
      if (ends.includes(-1)) return false;
      if (line.manager === line.report)
        fail("line", `role "${line.manager}" cannot report to itself`);
      return line.manager !== line.report;
    };
    const checkAssignmentEnds = (a: Assignment) =>
      ![
        needRole(a.role, "assignment.role"),
        needResponsibility(a.responsibility, "assignment.responsibility"),
      ].includes(-1);

    switch (operation.op) {
      case "addRole": {
        const { role, index = roles.length } = operation;
        if (roleIndex(role.id) !== -1)
          return void fail("role.id", `role "${role.id}" already exists`);
        if (index > roles.length)
          return void fail("index", `index ${index} is past the end (${roles.length} roles)`);
        roles = [...roles.slice(0, index), role, ...roles.slice(index)];
        return;
      }
      case "updateRole": {
        const index = needRole(operation.id, "id");
        if (index !== -1)
          roles[index] = patch(roles[index] as Role, operation.changes, [
            "department",
            "notes",
            "position",
          ]);
        return;
      }
      case "removeRole": {
        if (needRole(operation.id, "id") === -1) return;
        roles = roles.filter((role) => role.id !== operation.id);
        lines = lines.filter((l) => l.manager !== operation.id && l.report !== operation.id);
        assignments = assignments.filter((a) => a.role !== operation.id);
        return;
      }
      case "moveRole": {
        const index = needRole(operation.id, "id");
        if (index === -1) return;
        const { manager, position } = operation;
        if (position !== undefined) roles[index] = { ...(roles[index] as Role), position };
        if (manager === undefined) return;
        if (manager !== null) {
          if (needRole(manager, "manager") === -1) return;
          if (manager === operation.id)
            return void fail("manager", `role "${manager}" cannot report to itself`);
        }
        const current = lines.filter((l) => l.report === operation.id && l.kind === "solid");
        // Already under exactly this manager: nothing to change (and nothing to reorder).
        if (current.length === 1 && current[0]?.manager === manager) return;
        lines = lines.filter((l) => !(l.report === operation.id && l.kind === "solid"));
        if (manager !== null) lines.push({ manager, report: operation.id, kind: "solid" });
        return;
      }
      case "addLine":
        if (!checkLineEnds(operation.line)) return;
        if (hasLine(operation.line))
          fail("line", `the ${describeLine(operation.line)} already exists`);
        else lines.push(operation.line);
        return;
      case "updateLine":
      case "removeLine": {
        const { line } = operation;
        if (!hasLine(line)) return void fail("line", `there is no ${describeLine(operation.line)}`);
        if (operation.op === "updateLine" && operation.kind === operation.line.kind) return;
        lines = lines.filter((l) => !sameLine(l, line));
        if (operation.op === "removeLine") return;
        const changed = { ...operation.line, kind: operation.kind };
        if (hasLine(changed)) fail("kind", `the ${describeLine(changed)} already exists`);
        else lines.push(changed);
        return;
      }
      case "addResponsibility": {
        const { responsibility, index = responsibilities.length } = operation;
        if (responsibilityIndex(responsibility.id) !== -1)
          return void fail(
            "responsibility.id",
            `responsibility "${responsibility.id}" already exists`,
          );
        if (index > responsibilities.length)
          return void fail(
            "index",
            `index ${index} is past the end (${responsibilities.length} rows)`,
          );
        responsibilities = [
          ...responsibilities.slice(0, index),
          responsibility,
          ...responsibilities.slice(index),
        ];
        return;
      }
      case "updateResponsibility": {
        const index = needResponsibility(operation.id, "id");
        if (index !== -1)
          responsibilities[index] = patch(
            responsibilities[index] as Responsibility,
            operation.changes,
            ["category", "description"],
          );
        return;
      }
      case "removeResponsibility":
        if (needResponsibility(operation.id, "id") === -1) return;
        responsibilities = responsibilities.filter((r) => r.id !== operation.id);
        assignments = assignments.filter((a) => a.responsibility !== operation.id);
        return;
      case "moveResponsibility": {
        const from = needResponsibility(operation.id, "id");
        if (from === -1) return;
        if (operation.index >= responsibilities.length)
          return void fail(
            "index",
            `index ${operation.index} is past the last row (${responsibilities.length - 1})`,
          );
        const [moved] = responsibilities.splice(from, 1);
        responsibilities.splice(operation.index, 0, moved as Responsibility);
        return;
      }
      case "addAssignment":
        if (!checkAssignmentEnds(operation.assignment)) return;
        if (hasAssignment(operation.assignment))
          fail("assignment", `${describeAssignment(operation.assignment)} is already assigned`);
        else assignments.push(operation.assignment);
        return;
      case "updateAssignment":
      case "removeAssignment": {
        const { assignment } = operation;
        if (!hasAssignment(assignment))
          return void fail(
            "assignment",
            `there is no assignment of ${describeAssignment(operation.assignment)}`,
          );
        if (operation.op === "updateAssignment" && operation.code === operation.assignment.code)
          return;
        assignments = assignments.filter((a) => !sameAssignment(a, assignment));
        if (operation.op === "removeAssignment") return;
        const changed = { ...operation.assignment, code: operation.code };
        if (hasAssignment(changed))
          fail("code", `${describeAssignment(changed)} is already assigned`);
        else assignments.push(changed);
        return;
      }
      case "updateChart":
        if (operation.name !== undefined) name = operation.name;
        if (operation.settings === null) settings = undefined;
        else if (operation.settings !== undefined) settings = operation.settings;
        return;
    }
  };
  operations.forEach(applyOne);

  if (issues.length > 0) return { ok: false, issues };
  const { settings: _, ...rest } = document;
  return {
    ok: true,
    document: {
      ...rest,
      name,
      roles,
      reportingLines: lines,
      responsibilities,
      assignments,
      ...(settings === undefined ? {} : { settings }),
    },
  };
}
