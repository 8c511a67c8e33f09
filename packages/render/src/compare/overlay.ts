import type {
  ChartDocument,
  Comparison,
  LineKind,
  Position,
  ReportingLine,
  Role,
} from "@rolemap/contract";
import {
  buildLayoutForest,
  EDITOR_LAYOUT_OPTIONS,
  type LayoutForest,
  placeRoles,
} from "@rolemap/domain";
import { CARD } from "../theme";
import type { ChangeMark } from "./describe-changes";
import type { LineChange } from "./marks";

/**
 * The scenario `b` with what it removed from `a` drawn into it: b's roles where b puts them
 * (its positions, or the editor's layout), plus a ghost of each removed role under its old
 * manager (at its old place when b's cards all have places and it is free), plus the lines
 * b removed, so a moved role shows where it came from. What happened to each role and line
 * goes with it for the marks.
 */
export interface Overlay {
  /** b's roles then the ghosts; b's lines then the removed ones (for drawing). */
  document: ChartDocument;
  /** The layout tree: b's solid lines and those that hang each ghost under its old manager. */
  forest: LayoutForest;
  positions: Map<string, Position>;
  roleMarks: Map<string, ChangeMark[]>;
  lineChanges: Map<string, LineChange>;
}

const COLUMN = CARD.width + EDITOR_LAYOUT_OPTIONS.horizontalGap;
const lineKey = (line: { manager: string; report: string }) => `${line.manager}>${line.report}`;
const isLineKind = (kind: string): kind is LineKind => kind === "solid" || kind === "dotted";

export function overlayComparison(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
): Overlay {
  const inB = new Set(b.roles.map((role) => role.id));
  const removed = new Set(
    comparison.roles.removed.map((role) => role.id).filter((id) => !inB.has(id)),
  );
  // Old places are kept only beside b's own: a chart laid out by the editor's layout is
  // laid out again with the ghosts in it.
  const keepPlaces = b.roles.length > 0 && b.roles.every((role) => role.position !== undefined);
  const ghosts: Role[] = a.roles
    .filter((role) => removed.has(role.id))
    .map(({ position, ...role }) =>
      keepPlaces && position !== undefined ? { ...role, position } : role,
    );
  const roles = [...b.roles, ...ghosts];
  const present = new Set(roles.map((role) => role.id));

  const layoutLines = [
    ...b.reportingLines,
    ...a.reportingLines.filter((line) => removed.has(line.report) && present.has(line.manager)),
  ];
  const forest = buildLayoutForest({ roles, reportingLines: layoutLines });
  const positions = placeRoles({ roles, reportingLines: layoutLines }, forest);
  clearGhosts(ghosts, roles, positions);

  const inBLines = new Set(b.reportingLines.map(lineKey));
  const removedLines: ReportingLine[] = [];
  for (const line of comparison.lines.removed)
    if (
      isLineKind(line.kind) &&
      present.has(line.manager) &&
      present.has(line.report) &&
      !inBLines.has(lineKey(line))
    )
      removedLines.push({ manager: line.manager, report: line.report, kind: line.kind });

  return {
    document: { ...b, roles, reportingLines: [...b.reportingLines, ...removedLines] },
    forest,
    positions,
    roleMarks: roleMarksOf(comparison, inB, removed),
    lineChanges: lineChangesOf(comparison),
  };
}

/**
 * Moves each ghost right, a column at a time, until it covers no other card (a kept old
 * place, or a slot under its manager, may be taken in b). O(ghosts × roles) per step.
 */
function clearGhosts(
  ghosts: readonly Role[],
  roles: readonly Role[],
  positions: Map<string, Position>,
): void {
  for (const ghost of ghosts) {
    let at = positions.get(ghost.id);
    if (at === undefined) continue;
    const covers = (spot: Position) =>
      roles.some((role) => {
        if (role.id === ghost.id) return false;
        const other = positions.get(role.id);
        return (
          other !== undefined &&
          Math.abs(other.x - spot.x) < CARD.width + 8 &&
          Math.abs(other.y - spot.y) < CARD.height + 8
        );
      });
    while (covers(at)) at = { x: at.x + COLUMN, y: at.y };
    positions.set(ghost.id, at);
  }
}

function roleMarksOf(
  { roles }: Comparison,
  inB: ReadonlySet<string>,
  removed: ReadonlySet<string>,
): Map<string, ChangeMark[]> {
  const marks = new Map<string, ChangeMark[]>();
  const mark = (id: string, change: ChangeMark) => {
    const list = marks.get(id);
    if (list === undefined) marks.set(id, [change]);
    else if (!list.includes(change)) list.push(change);
  };
  for (const role of roles.added) if (inB.has(role.id)) mark(role.id, "added");
  for (const id of removed) mark(id, "removed");
  for (const role of roles.moved) if (inB.has(role.id)) mark(role.id, "moved");
  for (const role of roles.changed) if (inB.has(role.id)) mark(role.id, "changed");
  return marks;
}

function lineChangesOf({ lines }: Comparison): Map<string, LineChange> {
  const changes = new Map<string, LineChange>();
  for (const line of lines.added) changes.set(lineKey(line), "added");
  for (const line of lines.changed) changes.set(lineKey(line), "changed");
  for (const line of lines.removed)
    if (!changes.has(lineKey(line))) changes.set(lineKey(line), "removed");
  return changes;
}
