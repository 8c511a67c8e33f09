import type {
  ChartDocument,
  Finding,
  Position,
  ReportingLine,
  Role,
  Severity,
} from "@rolemap/contract";
import { isVacant, type LayoutForest } from "@rolemap/domain";
import type { Edge, Node, NodeHandle } from "@xyflow/react";
import { CARD_HEIGHT, CARD_WIDTH, HANDLE_SIZE } from "./geometry";

/**
 * Editor state → React Flow. Pure, and incremental: a mapper keeps the node (and edge)
 * object of every role whose inputs did not change, so after an edit React Flow re-renders
 * only the cards and lines that changed, and a 2,000-role chart costs one pass of cheap
 * comparisons per edit.
 */

export type RoleNodeData = {
  title: string;
  /** null when the role is vacant (no holder, or a blank one). */
  holder: string | null;
  department: string | null;
  findingCount: number;
  worstSeverity: Severity | null;
  /** Direct reports in the tree (the collapse button shows when there are any). */
  reportCount: number;
  /** Everyone below the role in the tree: the "+N" of a collapsed card. */
  descendantCount: number;
  isCollapsed: boolean;
  isEditing: boolean;
  /** A dragged card or palette item is over this card: dropping makes it report here. */
  isDropTarget: boolean;
};
export type RoleFlowNode = Node<RoleNodeData, "role">;

export type LineEdgeData = {
  line: ReportingLine;
  /** The only selected line shows the switch solid/dotted and delete toolbar. */
  hasToolbar: boolean;
};
export type LineFlowEdge = Edge<LineEdgeData, "line">;

export interface FindingStat {
  count: number;
  worst: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How many findings touch each role and the most severe of them. */
export function findingStatsByRole(findings: readonly Finding[]): Map<string, FindingStat> {
  const stats = new Map<string, FindingStat>();
  for (const finding of findings)
    for (const id of finding.roles) {
      const stat = stats.get(id);
      if (stat === undefined) stats.set(id, { count: 1, worst: finding.severity });
      else {
        stat.count++;
        if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[stat.worst])
          stat.worst = finding.severity;
      }
    }
  return stats;
}

export const SIDE_HANDLE = "side";
export const RIGHT_HANDLE = "right";

/**
 * Handles at fixed places, so React Flow needs no DOM measurement to draw the lines. The
 * top one comes first: it is where lines end unless they name the side handle.
 */
const HANDLES: NodeHandle[] = [
  {
    type: "target",
    position: "top" as NodeHandle["position"],
    x: CARD_WIDTH / 2 - HANDLE_SIZE / 2,
    y: -HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    // The side entry of a stacked report (see isStackedUnder); also accepts connections.
    id: SIDE_HANDLE,
    type: "target",
    position: "left" as NodeHandle["position"],
    x: -HANDLE_SIZE / 2,
    y: CARD_HEIGHT / 2 - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    // Where a dotted line from a manager further right comes in.
    id: RIGHT_HANDLE,
    type: "target",
    position: "right" as NodeHandle["position"],
    x: CARD_WIDTH - HANDLE_SIZE / 2,
    y: CARD_HEIGHT / 2 - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    type: "source",
    position: "bottom" as NodeHandle["position"],
    x: CARD_WIDTH / 2 - HANDLE_SIZE / 2,
    y: CARD_HEIGHT - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];
const MEASURED = { width: CARD_WIDTH, height: CARD_HEIGHT };

export interface NodeInputs {
  document: ChartDocument;
  forest: LayoutForest;
  /** Descendants of collapsed roles: not rendered at all. */
  hidden: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  /** Computed places of roles that have no position (see `missingPositions`). */
  missing: ReadonlyMap<string, Position>;
  findingStats: ReadonlyMap<string, FindingStat>;
  /** Everyone below each role in the tree, index-aligned with `forest.ids`. */
  descendantCounts: Int32Array;
  selectedRoles: ReadonlySet<string>;
  editingId: string | null;
  dropTargetId: string | null;
}

const ORIGIN: Position = { x: 0, y: 0 };

export function positionOf(role: Role, missing: ReadonlyMap<string, Position>): Position {
  return role.position ?? missing.get(role.id) ?? ORIGIN;
}

export function describeRole(role: Pick<Role, "title" | "holder" | "department">): string {
  const holder = isVacant(role) ? "vacant" : role.holder?.trim();
  return [role.title, holder, role.department].filter(Boolean).join(", ");
}

interface NodeEntry {
  role: Role;
  position: Position;
  stat: FindingStat | undefined;
  reportCount: number;
  descendantCount: number;
  isCollapsed: boolean;
  isSelected: boolean;
  isEditing: boolean;
  isDropTarget: boolean;
  node: RoleFlowNode;
}

const sameEntry = (a: NodeEntry, b: Omit<NodeEntry, "node">) =>
  a.role === b.role &&
  a.position.x === b.position.x &&
  a.position.y === b.position.y &&
  a.stat?.count === b.stat?.count &&
  a.stat?.worst === b.stat?.worst &&
  a.reportCount === b.reportCount &&
  a.descendantCount === b.descendantCount &&
  a.isCollapsed === b.isCollapsed &&
  a.isSelected === b.isSelected &&
  a.isEditing === b.isEditing &&
  a.isDropTarget === b.isDropTarget;

function buildNode(entry: Omit<NodeEntry, "node">): RoleFlowNode {
  const { role, stat } = entry;
  const holder = isVacant(role) ? null : (role.holder?.trim() ?? null);
  return {
    id: role.id,
    type: "role",
    position: entry.position,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    measured: MEASURED,
    handles: HANDLES,
    selected: entry.isSelected,
    ariaLabel: describeRole(role),
    data: {
      title: role.title,
      holder,
      department: role.department?.trim() || null,
      findingCount: stat?.count ?? 0,
      worstSeverity: stat?.worst ?? null,
      reportCount: entry.reportCount,
      descendantCount: entry.descendantCount,
      isCollapsed: entry.isCollapsed,
      isEditing: entry.isEditing,
      isDropTarget: entry.isDropTarget,
    },
  };
}

/** A function from the editor's state to the visible cards, reusing unchanged node objects. */
export function createNodeMapper(): (inputs: NodeInputs) => RoleFlowNode[] {
  let cache = new Map<string, NodeEntry>();
  return (inputs) => {
    const next = new Map<string, NodeEntry>();
    const nodes: RoleFlowNode[] = [];
    const { forest } = inputs;
    for (const role of inputs.document.roles) {
      if (inputs.hidden.has(role.id)) continue;
      const index = forest.indexOf.get(role.id) ?? -1;
      const reportCount = forest.children[index]?.length ?? 0;
      const candidate = {
        role,
        position: positionOf(role, inputs.missing),
        stat: inputs.findingStats.get(role.id),
        reportCount,
        descendantCount: inputs.descendantCounts[index] ?? 0,
        isCollapsed: reportCount > 0 && inputs.collapsed.has(role.id),
        isSelected: inputs.selectedRoles.has(role.id),
        isEditing: inputs.editingId === role.id,
        isDropTarget: inputs.dropTargetId === role.id,
      };
      const previous = cache.get(role.id);
      const entry =
        previous !== undefined && sameEntry(previous, candidate)
          ? previous
          : { ...candidate, node: buildNode(candidate) };
      next.set(role.id, entry);
      nodes.push(entry.node);
    }
    cache = next;
    return nodes;
  };
}

/** A stable, unique edge id per line: (manager, report, kind) is unique in a valid chart. */
export function lineEdgeId(line: ReportingLine): string {
  return `${encodeURIComponent(line.manager)}>${encodeURIComponent(line.report)}:${line.kind}`;
}

export interface EdgeInputs {
  document: ChartDocument;
  hidden: ReadonlySet<string>;
  selectedLines: ReadonlySet<string>;
  /** Where each visible card is (to route lines into stacked cards from the side). */
  positions: ReadonlyMap<string, Position>;
  /** Managers whose reports are all stacked under them (`stackedManagers`). */
  stacked: ReadonlySet<string>;
}

interface EdgeEntry {
  line: ReportingLine;
  isSelected: boolean;
  hasToolbar: boolean;
  label: string;
  targetHandle: string | null;
  edge: LineFlowEdge;
}

/** A function from the editor's state to the visible lines, reusing unchanged edge objects. */
export function createEdgeMapper(): (inputs: EdgeInputs) => LineFlowEdge[] {
  let cache = new Map<string, EdgeEntry>();
  return ({ document, hidden, selectedLines, positions, stacked }) => {
    const titles = new Map(document.roles.map((role) => [role.id, role.title]));
    let visibleSelected = 0;
    for (const line of document.reportingLines)
      if (
        selectedLines.has(lineEdgeId(line)) &&
        !hidden.has(line.manager) &&
        !hidden.has(line.report)
      )
        visibleSelected++;
    const next = new Map<string, EdgeEntry>();
    const edges: LineFlowEdge[] = [];
    for (const line of document.reportingLines) {
      if (hidden.has(line.manager) || hidden.has(line.report)) continue;
      const id = lineEdgeId(line);
      const isSelected = selectedLines.has(id);
      const hasToolbar = isSelected && visibleSelected === 1;
      const report = titles.get(line.report) ?? line.report;
      const manager = titles.get(line.manager) ?? line.manager;
      const label =
        line.kind === "solid"
          ? `${report} reports to ${manager} (solid line)`
          : `${report} has a dotted line to ${manager}`;
      const from = positions.get(line.manager);
      const to = positions.get(line.report);
      const targetHandle = targetHandleOf(line, from, to, stacked.has(line.manager));
      const previous = cache.get(id);
      const entry =
        previous !== undefined &&
        previous.line === line &&
        previous.isSelected === isSelected &&
        previous.hasToolbar === hasToolbar &&
        previous.label === label &&
        previous.targetHandle === targetHandle
          ? previous
          : {
              line,
              isSelected,
              hasToolbar,
              label,
              targetHandle,
              edge: {
                id,
                type: "line" as const,
                source: line.manager,
                target: line.report,
                targetHandle,
                selected: isSelected,
                ariaLabel: label,
                data: { line, hasToolbar },
              },
            };
      next.set(id, entry);
      edges.push(entry.edge);
    }
    cache = next;
    return edges;
  };
}

/**
 * Where a line enters its report's card: solid lines from a manager whose reports are
 * stacked come from the side (down the manager's centre line, then in); dotted lines from a manager to the right
 * of the card come in from the right, so they do not cross the cards stacked above it;
 * every other line ends at the top.
 */
export function targetHandleOf(
  line: ReportingLine,
  manager: Position | undefined,
  report: Position | undefined,
  managerStacksReports: boolean,
): string | null {
  if (manager === undefined || report === undefined) return null;
  if (line.kind === "solid") return managerStacksReports ? SIDE_HANDLE : null;
  return manager.x + CARD_WIDTH / 2 > report.x + CARD_WIDTH ? RIGHT_HANDLE : null;
}

/**
 * Roles whose title or holder contains the query (case and accents ignored), in document
 * order, titles matching before holders.
 */
export function searchRoles(roles: readonly Role[], query: string): string[] {
  const needle = fold(query.trim());
  if (needle === "") return [];
  const byTitle: string[] = [];
  const byHolder: string[] = [];
  for (const role of roles) {
    if (fold(role.title).includes(needle)) byTitle.push(role.id);
    else if (role.holder != null && fold(role.holder).includes(needle)) byHolder.push(role.id);
  }
  return [...byTitle, ...byHolder];
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
