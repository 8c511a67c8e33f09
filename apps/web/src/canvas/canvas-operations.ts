import type {
  ChartDocument,
  LineKind,
  Operation,
  Position,
  ReportingLine,
  Role,
} from "@rolemap/contract";
import { applyOperations, structuralConflicts } from "@rolemap/domain";
import type { RoleArchetype } from "./archetypes";
import { newRoleId } from "./placement";

/**
 * The canvas's edits as operation batches: pure functions from what the user did to what
 * the editor applies (one batch = one undo step). Nothing here reads React or the editor.
 */

/** Whole pixels: positions are stored, and sub-pixel noise would make every drag a change. */
export const roundPosition = (position: Position): Position => ({
  x: Math.round(position.x),
  y: Math.round(position.y),
});

/**
 * Roles shown at a computed position (see `missingPositions`) get it stored with the first
 * edit that could change the layout, so nothing else moves when, say, a new report joins
 * the tree. Part of the same batch: undo puts the chart back exactly as it was.
 */
export function pinOperations(missing: ReadonlyMap<string, Position>): Operation[] {
  return [...missing].map(([id, position]) => ({
    op: "moveRole",
    id,
    position: roundPosition(position),
  }));
}

export interface PaletteDrop {
  archetype: RoleArchetype;
  position: Position;
  /** The role the palette item was dropped on: the new role reports to it. */
  manager: string | null;
}

/** A vacant role from the archetype, and a solid line to the role it was dropped on. */
export function paletteDropOperations(
  document: ChartDocument,
  { archetype, position, manager }: PaletteDrop,
): { roleId: string; operations: Operation[] } {
  const taken = new Set(document.roles.map((role) => role.id));
  const roleId = newRoleId(archetype.id, taken);
  const role: Role = {
    id: roleId,
    title: archetype.title,
    holder: null,
    ...(archetype.department === undefined ? {} : { department: archetype.department }),
    position: roundPosition(position),
  };
  const operations: Operation[] = [{ op: "addRole", role }];
  if (manager !== null)
    operations.push({ op: "addLine", line: { manager, report: roleId, kind: "solid" } });
  return { roleId, operations };
}

/**
 * A finished drag: new places for the moved roles, and when one role was dropped on
 * another, that one becomes its only solid manager (at the place the caller chose).
 */
export function dragStopOperations(
  moved: readonly { id: string; position: Position }[],
  reparent: { id: string; manager: string; position: Position } | null,
): Operation[] {
  const operations: Operation[] = moved
    .filter(({ id }) => id !== reparent?.id)
    .map(({ id, position }) => ({ op: "moveRole", id, position: roundPosition(position) }));
  if (reparent !== null)
    operations.push({
      op: "moveRole",
      id: reparent.id,
      manager: reparent.manager,
      position: roundPosition(reparent.position),
    });
  return operations;
}

/** Whether a new solid line manager → report would add something (not a self-line, not a repeat). */
export function canDrawLine(document: ChartDocument, manager: string, report: string): boolean {
  if (manager === report) return false;
  return !document.reportingLines.some(
    (line) => line.manager === manager && line.report === report && line.kind === "solid",
  );
}

/**
 * A line drawn from `manager` to `report`: solid, unless the report has a solid-line manager
 * already or the line would close a cycle: then dotted, as a second manager is drawn (the
 * server refuses a second solid manager or a cycle, live.md).
 */
export function drawLineOperations(
  document: ChartDocument,
  manager: string,
  report: string,
): Operation[] {
  const solid: Operation[] = [{ op: "addLine", line: { manager, report, kind: "solid" } }];
  const applied = applyOperations(document, solid);
  const isSolidOk = applied.ok && structuralConflicts(applied.document, solid).length === 0;
  if (isSolidOk) return solid;
  const hasDotted = document.reportingLines.some(
    (line) => line.manager === manager && line.report === report && line.kind === "dotted",
  );
  return hasDotted ? [] : [{ op: "addLine", line: { manager, report, kind: "dotted" } }];
}

/** Switches a line to `kind`; nothing when it already is (or the other kind exists too). */
export function lineKindOperations(
  document: ChartDocument,
  line: ReportingLine,
  kind: LineKind,
): Operation[] {
  if (line.kind === kind) return [];
  const clash = document.reportingLines.some(
    (other) =>
      other.manager === line.manager && other.report === line.report && other.kind === kind,
  );
  return clash ? [] : [{ op: "updateLine", line, kind }];
}

/**
 * Removes roles and lines as one batch. Lines touching a removed role go with it (the
 * removeRole operation drops them), so they are not removed twice.
 */
export function deleteOperations(
  roleIds: readonly string[],
  lines: readonly ReportingLine[],
): Operation[] {
  const roles = new Set(roleIds);
  const operations: Operation[] = lines
    .filter((line) => !roles.has(line.manager) && !roles.has(line.report))
    .map((line) => ({ op: "removeLine", line }));
  for (const id of roles) operations.push({ op: "removeRole", id });
  return operations;
}

/** Moves every role whose position differs from the layout's; unchanged roles are left alone. */
export function autoLayoutOperations(
  document: ChartDocument,
  layout: ReadonlyMap<string, Position>,
): Operation[] {
  const operations: Operation[] = [];
  for (const role of document.roles) {
    const target = layout.get(role.id);
    if (target === undefined) continue;
    const position = roundPosition(target);
    if (role.position?.x === position.x && role.position.y === position.y) continue;
    operations.push({ op: "moveRole", id: role.id, position });
  }
  return operations;
}

export interface RoleDraft {
  title: string;
  holder: string;
  department: string;
}

/**
 * The inline edit of a card as one updateRole with the fields that changed: a blank
 * holder makes the role vacant (null), a blank department removes it; a blank title is
 * not allowed and keeps the old one. Nothing when nothing changed.
 */
export function roleEditOperations(role: Role, draft: RoleDraft): Operation[] {
  const changes: { title?: string; holder?: string | null; department?: string | null } = {};
  const title = draft.title.trim();
  if (title !== "" && title !== role.title) changes.title = title;
  const holder = draft.holder.trim();
  const currentHolder = role.holder?.trim() ?? "";
  if (holder !== currentHolder) changes.holder = holder === "" ? null : holder;
  const department = draft.department.trim();
  if (department !== (role.department ?? ""))
    changes.department = department === "" ? null : department;
  return Object.keys(changes).length === 0 ? [] : [{ op: "updateRole", id: role.id, changes }];
}
