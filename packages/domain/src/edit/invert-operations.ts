import type {
  ChartDocument,
  Operation,
  ReportingLine,
  ResponsibilityChanges,
  Role,
  RoleChanges,
} from "@rolemap/contract";
import { applyOperations } from "./apply-operations";

/**
 * The batch that undoes `operations` on `before`: applying the batch and then its inverse
 * gives `before` back, except that reporting lines and assignments (which the document
 * keeps in insertion order, and the editor treats as sets) may come back in another order.
 *
 * Each operation is inverted against the document as it was just before it (the batch
 * is replayed one operation at a time), and the inverses are returned last first. Removals
 * bring back everything they took with them: `removeRole` is undone by `addRole` at the
 * old index plus the role's lines and assignments. An operation that changed nothing has no
 * inverse, so a batch of no-ops gives `[]`.
 *
 * Pure: neither input is changed. Throws when the batch does not apply to `before`, which
 * is a bug of the caller (an editor only records batches that it has applied).
 */
export function invertOperations(
  before: ChartDocument,
  operations: readonly Operation[],
): Operation[] {
  const inverses: Operation[][] = [];
  let document = before;
  for (const [at, operation] of operations.entries()) {
    const result = applyOperations(document, [operation]);
    if (!result.ok) {
      const problems = result.issues.map((issue) => `${issue.path}: ${issue.message}`);
      throw new Error(`invertOperations: operation ${at} does not apply (${problems.join("; ")})`);
    }
    inverses.push(invertOne(document, operation));
    document = result.document;
  }
  return inverses.reverse().flat();
}

/** The operations that undo one operation which applies to `document`. */
function invertOne(document: ChartDocument, operation: Operation): Operation[] {
  switch (operation.op) {
    case "addRole":
      return [{ op: "removeRole", id: operation.role.id }];
    case "removeRole":
      return restoreRole(document, operation.id);
    case "updateRole":
      return invertUpdateRole(document, operation.id, operation.changes);
    case "moveRole":
      return invertMoveRole(document, operation);
    case "addLine":
      return [{ op: "removeLine", line: operation.line }];
    case "removeLine":
      return [{ op: "addLine", line: operation.line }];
    case "updateLine":
      if (operation.kind === operation.line.kind) return [];
      return [
        {
          op: "updateLine",
          line: { ...operation.line, kind: operation.kind },
          kind: operation.line.kind,
        },
      ];
    case "addResponsibility":
      return [{ op: "removeResponsibility", id: operation.responsibility.id }];
    case "removeResponsibility": {
      const index = document.responsibilities.findIndex((r) => r.id === operation.id);
      const responsibility = document.responsibilities[index];
      if (responsibility === undefined) return [];
      return [
        { op: "addResponsibility", responsibility, index },
        ...document.assignments
          .filter((a) => a.responsibility === operation.id)
          .map((assignment): Operation => ({ op: "addAssignment", assignment })),
      ];
    }
    case "updateResponsibility": {
      const responsibility = document.responsibilities.find((r) => r.id === operation.id);
      if (responsibility === undefined) return [];
      return [
        {
          op: "updateResponsibility",
          id: operation.id,
          changes: previousValues(responsibility, operation.changes) as ResponsibilityChanges,
        },
      ];
    }
    case "moveResponsibility": {
      const from = document.responsibilities.findIndex((r) => r.id === operation.id);
      if (from === operation.index) return [];
      return [{ op: "moveResponsibility", id: operation.id, index: from }];
    }
    case "addAssignment":
      return [{ op: "removeAssignment", assignment: operation.assignment }];
    case "removeAssignment":
      return [{ op: "addAssignment", assignment: operation.assignment }];
    case "updateAssignment":
      if (operation.code === operation.assignment.code) return [];
      return [
        {
          op: "updateAssignment",
          assignment: { ...operation.assignment, code: operation.code },
          code: operation.assignment.code,
        },
      ];
    case "updateChart": {
      const inverse: Extract<Operation, { op: "updateChart" }> = { op: "updateChart" };
      if (operation.name !== undefined) inverse.name = document.name;
      if (operation.settings !== undefined) inverse.settings = document.settings ?? null;
      return inverse.name === undefined && inverse.settings === undefined ? [] : [inverse];
    }
  }
}

/** addRole at the role's index, then its reporting lines and assignments. */
function restoreRole(document: ChartDocument, id: string): Operation[] {
  const index = document.roles.findIndex((role) => role.id === id);
  const role = document.roles[index];
  if (role === undefined) return [];
  return [
    { op: "addRole", role, index },
    ...document.reportingLines
      .filter((line) => line.manager === id || line.report === id)
      .map((line): Operation => ({ op: "addLine", line })),
    ...document.assignments
      .filter((a) => a.role === id)
      .map((assignment): Operation => ({ op: "addAssignment", assignment })),
  ];
}

/**
 * For every key an edit sets: the value it had, or null where it was absent (null clears
 * an optional field).
 */
function previousValues(item: object, changes: object): Record<string, unknown> {
  const old = item as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    previous[key] = old[key] === undefined ? null : old[key];
  }
  return previous;
}

function invertUpdateRole(document: ChartDocument, id: string, changes: RoleChanges): Operation[] {
  const role = document.roles.find((candidate) => candidate.id === id);
  if (role === undefined) return [];
  // `holder: null` means "vacant", not "absent", so an edit that gave a holder to a role
  // without the key cannot be undone field by field: put the whole role back instead.
  if (changes.holder !== undefined && !("holder" in role && role.holder !== undefined))
    return [{ op: "removeRole", id }, ...restoreRole(document, id)];
  return [{ op: "updateRole", id, changes: previousValues(role, changes) as RoleChanges }];
}

function invertMoveRole(
  document: ChartDocument,
  operation: Extract<Operation, { op: "moveRole" }>,
): Operation[] {
  const { id, manager, position } = operation;
  const role = document.roles.find((candidate) => candidate.id === id) as Role;
  const inverse: Operation[] = [];
  if (manager !== undefined) {
    const [first = null, ...others] = document.reportingLines
      .filter((line) => line.report === id && line.kind === "solid")
      .map((line) => line.manager);
    const unchanged = others.length === 0 && first === manager;
    if (!unchanged) {
      inverse.push({ op: "moveRole", id, manager: first });
      for (const other of others) {
        const line: ReportingLine = { manager: other, report: id, kind: "solid" };
        inverse.push({ op: "addLine", line });
      }
    }
  }
  const moved =
    position !== undefined && (position.x !== role.position?.x || position.y !== role.position?.y);
  if (moved)
    inverse.push(
      role.position === undefined
        ? { op: "updateRole", id, changes: { position: null } }
        : { op: "moveRole", id, position: role.position },
    );
  return inverse;
}
