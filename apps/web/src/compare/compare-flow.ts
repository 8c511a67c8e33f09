import type { ChartDocument, Comparison, Position, ReportingLine } from "@rolemap/contract";
import {
  buildLayoutForest,
  hiddenRoleIds,
  missingPositions,
  stackedManagers,
  subtreeSizes,
} from "@rolemap/domain";
import type { Edge, Node } from "@xyflow/react";
import {
  createEdgeMapper,
  createNodeMapper,
  type LineEdgeData,
  lineEdgeId,
  type RoleNodeData,
  targetHandleOf,
} from "../canvas/flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH, COLUMN } from "../canvas/geometry";
import { describeLine, formatFields, type Names } from "./describe-changes";

/**
 * The compare view's canvases as React Flow nodes and edges: the cards of one chart (the
 * editor's own mapping), each marked with what the comparison says of it. Pure.
 *
 * Marks are colour AND words: a coloured outline plus a label with an icon ("+ Added",
 * "− Removed", "↷ Moved", "✎ Edited"), so they read in greyscale and to a screen reader.
 */

export type MarkKind = "added" | "removed" | "moved" | "changed";

export interface RoleMark {
  kind: MarkKind;
  /** On the card: "Added", "Moved · edited". */
  label: string;
  /** In its tooltip and accessible name: "now reports to CIO (was CTO)". */
  detail: string;
}

export const MARK_ICONS: Readonly<Record<MarkKind, string>> = {
  added: "+",
  removed: "−",
  moved: "↷",
  changed: "✎",
};

export type DiffNodeData = RoleNodeData & {
  mark: RoleMark | null;
  /** A role of the first chart that the second does not have, drawn faint where it was. */
  isGhost: boolean;
};
export type DiffFlowNode = Node<DiffNodeData, "role">;
export type DiffEdgeData = LineEdgeData & { mark: MarkKind | null };
export type DiffFlowEdge = Edge<DiffEdgeData, "line">;

export interface SideMarks {
  roles: ReadonlyMap<string, RoleMark>;
  /** By `lineEdgeId`. */
  lines: ReadonlyMap<string, MarkKind>;
}

/** Which side of the comparison a canvas draws: the first chart (before) or the second (after). */
export type Side = "before" | "after";

const asLine = (line: { manager: string; report: string; kind: string }): ReportingLine => ({
  manager: line.manager,
  report: line.report,
  kind: line.kind === "dotted" ? "dotted" : "solid",
});

/** What the comparison says of each role and line of one side. */
export function marksOf(diff: Comparison, side: Side, names: Names): SideMarks {
  const roles = new Map<string, RoleMark>();
  const lines = new Map<string, MarkKind>();
  if (side === "after") {
    for (const role of diff.roles.added)
      roles.set(role.id, { kind: "added", label: "Added", detail: "a new role" });
    for (const line of diff.lines.added) lines.set(lineEdgeId(asLine(line)), "added");
    for (const line of diff.lines.changed)
      lines.set(lineEdgeId(asLine({ ...line, kind: line.to })), "changed");
  } else {
    for (const role of diff.roles.removed)
      roles.set(role.id, { kind: "removed", label: "Removed", detail: "not in the other chart" });
    for (const line of diff.lines.removed) lines.set(lineEdgeId(asLine(line)), "removed");
    for (const line of diff.lines.changed)
      lines.set(lineEdgeId(asLine({ ...line, kind: line.from })), "changed");
  }
  for (const role of diff.roles.moved) {
    const was = role.from === null ? "at the top" : names.roleBefore(role.from);
    const now = role.to === null ? "at the top" : names.role(role.to);
    roles.set(role.id, {
      kind: "moved",
      label: "Moved",
      detail: side === "after" ? `now under ${now} (was ${was})` : `moves to ${now}`,
    });
  }
  for (const role of diff.roles.changed) {
    const moved = roles.get(role.id);
    const fields = formatFields(role.fields);
    roles.set(
      role.id,
      moved === undefined
        ? { kind: "changed", label: "Edited", detail: fields }
        : { ...moved, label: "Moved · edited", detail: `${moved.detail}; ${fields}` },
    );
  }
  return { roles, lines };
}

export interface DocumentFlow {
  nodes: DiffFlowNode[];
  edges: DiffFlowEdge[];
  /** Where each visible card is, by role id. */
  positions: ReadonlyMap<string, Position>;
}

const NO_SELECTION: ReadonlySet<string> = new Set();
const NO_FINDINGS = new Map();

/** One chart's cards and lines, read-only, with `collapsed` roles' reports hidden. */
export function documentFlow(
  document: ChartDocument,
  marks: SideMarks,
  collapsed: ReadonlySet<string>,
): DocumentFlow {
  const forest = buildLayoutForest(document);
  const missing = missingPositions(document, forest);
  const hidden = hiddenRoleIds(forest, collapsed);
  const roleNodes = createNodeMapper()({
    document,
    forest,
    hidden,
    collapsed,
    missing,
    findingStats: NO_FINDINGS,
    descendantCounts: subtreeSizes(forest),
    selectedRoles: NO_SELECTION,
    editingId: null,
    dropTargetId: null,
  });
  const positions = new Map(roleNodes.map((node) => [node.id, node.position]));
  const lineEdges = createEdgeMapper()({
    document,
    hidden,
    selectedLines: NO_SELECTION,
    positions,
    stacked: stackedManagers(forest, positions),
  });
  const nodes = roleNodes.map((node): DiffFlowNode => {
    const mark = marks.roles.get(node.id) ?? null;
    return {
      ...node,
      selectable: false,
      draggable: false,
      ariaLabel: mark === null ? node.ariaLabel : `${node.ariaLabel} (${mark.label.toLowerCase()})`,
      data: { ...node.data, mark, isGhost: false },
    };
  });
  const edges = lineEdges.map((edge): DiffFlowEdge => {
    const mark = marks.lines.get(edge.id) ?? null;
    const line =
      edge.data?.line ?? asLine({ manager: edge.source, report: edge.target, kind: "solid" });
    return {
      ...edge,
      selectable: false,
      ariaLabel: mark === null ? edge.ariaLabel : `${edge.ariaLabel} (${mark})`,
      data: { line, hasToolbar: false, mark },
    };
  });
  return { nodes, edges, positions };
}

/** Grid cells a card at `position` covers (for finding free room quickly). */
function cellsOf(position: Position): string[] {
  const x0 = Math.floor(position.x / CARD_WIDTH);
  const y0 = Math.floor(position.y / CARD_HEIGHT);
  const x1 = Math.floor((position.x + CARD_WIDTH - 1) / CARD_WIDTH);
  const y1 = Math.floor((position.y + CARD_HEIGHT - 1) / CARD_HEIGHT);
  const cells: string[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) cells.push(`${x},${y}`);
  return cells;
}

/**
 * Places for the removed roles' ghosts: where they were in the first chart, moved right a
 * column at a time while a card of the second chart (or another ghost) is in the way.
 */
export function placeGhosts(
  ghosts: readonly { id: string; position: Position }[],
  occupied: Iterable<Position>,
): Map<string, Position> {
  const taken = new Set<string>();
  for (const position of occupied) for (const cell of cellsOf(position)) taken.add(cell);
  const places = new Map<string, Position>();
  for (const ghost of ghosts) {
    let position = ghost.position;
    while (cellsOf(position).some((cell) => taken.has(cell)))
      position = { x: position.x + COLUMN, y: position.y };
    for (const cell of cellsOf(position)) taken.add(cell);
    places.set(ghost.id, position);
  }
  return places;
}

/**
 * The overlay: the second chart as it is, marked (added, moved, edited), with the first
 * chart's removed roles as ghosts where they were and its removed lines as faint dashes.
 */
export function overlayFlow(
  diff: Comparison,
  before: DocumentFlow,
  after: DocumentFlow,
  names: Names,
): { nodes: DiffFlowNode[]; edges: DiffFlowEdge[] } {
  const removed = new Set(diff.roles.removed.map((role) => role.id));
  const ghostsAt = placeGhosts(
    before.nodes
      .filter((node) => removed.has(node.id))
      .map((node) => ({ id: node.id, position: node.position })),
    after.positions.values(),
  );
  const ghosts = before.nodes.flatMap((node): DiffFlowNode[] => {
    const position = ghostsAt.get(node.id);
    if (position === undefined) return [];
    return [{ ...node, position, data: { ...node.data, isGhost: true, reportCount: 0 } }];
  });
  const at = (id: string) => after.positions.get(id) ?? ghostsAt.get(id);
  const ghostLines = diff.lines.removed.flatMap((removedLine): DiffFlowEdge[] => {
    const line = asLine(removedLine);
    const from = at(line.manager);
    const to = at(line.report);
    if (from === undefined || to === undefined) return [];
    const id = `ghost:${lineEdgeId(line)}`;
    const label = `${describeLine(line, names)} (removed)`;
    return [
      {
        id,
        type: "line",
        source: line.manager,
        target: line.report,
        targetHandle: targetHandleOf(line, from, to, false),
        selectable: false,
        ariaLabel: label,
        data: { line, hasToolbar: false, mark: "removed" },
      },
    ];
  });
  return { nodes: [...after.nodes, ...ghosts], edges: [...after.edges, ...ghostLines] };
}
