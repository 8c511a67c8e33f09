import type { ChartDocument, Position } from "@rolemap/contract";
import {
  buildLayoutForest,
  hiddenRoleIds,
  type LayoutForest,
  missingPositions,
  stackedManagers,
  subtreeSizes,
} from "@rolemap/domain";
import { useMemo, useState } from "react";
import {
  type ChartEditor,
  type Selection,
  selectDocument,
  selectFindings,
  selectSelection,
  useEditorSelector,
} from "../editor";
import {
  createEdgeMapper,
  createNodeMapper,
  findingStatsByRole,
  type LineFlowEdge,
  type RoleFlowNode,
} from "./flow-mapping";

/** What only the canvas knows: not part of the chart, not shared with other views. */
export interface CanvasViewState {
  collapsed: ReadonlySet<string>;
  editingId: string | null;
  dropTargetId: string | null;
  selectedLines: ReadonlySet<string>;
  /** Places of the cards being dragged, until the drop is sent as one moveRole batch. */
  dragPositions: ReadonlyMap<string, Position> | null;
}

export interface CanvasModel {
  document: ChartDocument;
  selection: Selection;
  forest: LayoutForest;
  hidden: ReadonlySet<string>;
  /** Computed places of roles without a stored position. */
  missing: ReadonlyMap<string, Position>;
  /** Visible cards at their stored (or computed) places, without drag positions. */
  baseNodes: RoleFlowNode[];
  /** Where each of baseNodes is, by role id. */
  positions: ReadonlyMap<string, Position>;
  /** What React Flow draws: baseNodes with the drag positions applied. */
  nodes: RoleFlowNode[];
  edges: LineFlowEdge[];
}

/**
 * Derives React Flow's nodes and edges from the editor state and the canvas's own state.
 * Every step is memoised on the parts of the state it reads: an edit of one role maps
 * one new node; a drag frame only replaces the dragged nodes.
 */
export function useCanvasModel(editor: ChartEditor, view: CanvasViewState): CanvasModel {
  const document = useEditorSelector(editor, selectDocument);
  const findings = useEditorSelector(editor, selectFindings);
  const selection = useEditorSelector(editor, selectSelection);
  const { roles, reportingLines } = document;

  const forest = useMemo(
    () => buildLayoutForest({ roles, reportingLines }),
    [roles, reportingLines],
  );
  const descendantCounts = useMemo(() => subtreeSizes(forest), [forest]);
  const missing = useMemo(
    () => missingPositions({ roles, reportingLines }, forest),
    [roles, reportingLines, forest],
  );
  const hidden = useMemo(() => hiddenRoleIds(forest, view.collapsed), [forest, view.collapsed]);
  const findingStats = useMemo(() => findingStatsByRole(findings), [findings]);
  const selectedRoles = useMemo(() => new Set(selection.roles), [selection.roles]);

  const [mapNodes] = useState(createNodeMapper);
  const [mapEdges] = useState(createEdgeMapper);

  const baseNodes = useMemo(
    () =>
      mapNodes({
        document,
        forest,
        hidden,
        collapsed: view.collapsed,
        missing,
        findingStats,
        descendantCounts,
        selectedRoles,
        editingId: view.editingId,
        dropTargetId: view.dropTargetId,
      }),
    [
      mapNodes,
      document,
      forest,
      hidden,
      view.collapsed,
      missing,
      findingStats,
      descendantCounts,
      selectedRoles,
      view.editingId,
      view.dropTargetId,
    ],
  );

  const { dragPositions } = view;
  const nodes = useMemo(() => {
    if (dragPositions === null || dragPositions.size === 0) return baseNodes;
    return baseNodes.map((node) => {
      const position = dragPositions.get(node.id);
      return position === undefined ? node : { ...node, position, dragging: true };
    });
  }, [baseNodes, dragPositions]);

  const positions = useMemo(
    () => new Map(baseNodes.map((node) => [node.id, node.position])),
    [baseNodes],
  );
  // Lines come into a card's side only under a manager whose reports are all stacked (the
  // exports draw it the same way). Recomputed with the cards' places, not while dragging.
  const stacked = useMemo(() => stackedManagers(forest, positions), [forest, positions]);
  const edges = useMemo(
    () => mapEdges({ document, hidden, selectedLines: view.selectedLines, positions, stacked }),
    [mapEdges, document, hidden, view.selectedLines, positions, stacked],
  );

  return { document, selection, forest, hidden, missing, baseNodes, positions, nodes, edges };
}
