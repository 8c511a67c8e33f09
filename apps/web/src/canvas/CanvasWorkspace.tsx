import type { ReportingLine, Position as XYPosition } from "@rolemap/contract";
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
} from "@xyflow/react";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ChartEditor, selectCanEdit, useEditorSelector } from "../editor";
import { useAfterFirstPaint } from "../lib/use-after-first-paint";
import { WorkshopCanvas } from "../workshop/WorkshopCanvas";
import { ARCHETYPE_MIME, findArchetype, type RoleArchetype } from "./archetypes";
import { CanvasMiniMap } from "./CanvasMiniMap";
import { CanvasToolbar } from "./CanvasToolbar";
import styles from "./ChartCanvas.module.css";
import { CanvasActionsContext } from "./canvas-actions";
import { areDotsMerged, countDots } from "./dotted-lines";
import type { LineFlowEdge, RoleFlowNode } from "./flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH, FIT_VIEW_OPTIONS, MIN_ZOOM, selectIsCompact } from "./geometry";
import { LineEdge } from "./LineEdge";
import { LineLegend } from "./LineLegend";
import { motion } from "./motion";
import { CanvasSide } from "./Palette";
import { RoleNode } from "./RoleNode";
import { useCanvasEdits } from "./use-canvas-edits";
import { useCanvasKeyboard } from "./use-canvas-keyboard";
import type { CanvasModel } from "./use-canvas-model";
import type { CanvasView } from "./use-canvas-view";
import { usePresentationView } from "./use-presentation-view";
import { useRevealSelection } from "./use-reveal-selection";
import { useViewCulling } from "./use-view-culling";
import { ViewportPortalProbe } from "./viewport-portal";

// Outside any component: React Flow re-mounts every node when these objects change.
const nodeTypes = { role: RoleNode };
const edgeTypes = { line: LineEdge };

const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const PRO_OPTIONS = { hideAttribution: false };
const NO_LINES: LineFlowEdge[] = [];

export function hasDottedLine(lines: readonly ReportingLine[]): boolean {
  return lines.some((line) => line.kind === "dotted");
}

export interface WorkspaceProps {
  editor: ChartEditor;
  canvasView: CanvasView;
  model: CanvasModel;
  /** The presentation view: the chart alone, fitted for a projector (no palette, no tools). */
  isPresenting?: boolean;
}

/**
 * The canvas once React Flow's store exists (see ChartCanvas): palette, React Flow with its
 * toolbar, controls and minimap, and every gesture turned into editor batches. For a person
 * who may not edit the chart, the gestures that change it are switched off where React Flow
 * offers them (no dragging, no connecting, no line toolbar, no palette, no edit keys).
 */
export function CanvasWorkspace({
  editor,
  canvasView,
  model,
  isPresenting = false,
}: WorkspaceProps) {
  const canEdit = useEditorSelector(editor, selectCanEdit);
  const flow = useReactFlow<RoleFlowNode, LineFlowEdge>();
  const store = useStoreApi<RoleFlowNode, LineFlowEdge>();
  // React Flow's pan and zoom start from this, not from its store: the view the store was
  // created with (fitted, see ChartCanvas), so the two agree.
  const [defaultViewport] = useState<Viewport>(() => {
    const [x, y, zoom] = store.getState().transform;
    return { x, y, zoom };
  });
  const {
    view: { collapsed, editingId },
    setCollapsed,
    setEditingId,
    setDropTargetId,
    setSelectedLines,
    setDragPositions,
  } = canvasView;
  const root = useRef<HTMLDivElement>(null);

  // Fit the view once React Flow has the nodes of the last render (after an auto layout).
  const isFitPending = useRef(false);
  const requestFit = useCallback(() => {
    isFitPending.current = true;
  }, []);
  useEffect(() => {
    if (!isFitPending.current || model.nodes.length === 0) return;
    isFitPending.current = false;
    void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: motion(300) });
  }, [model.nodes, flow]);

  const edits = useCanvasEdits({
    editor,
    model,
    flow,
    root,
    setCollapsed,
    setEditingId,
    setSelectedLines,
    requestFit,
  });
  useCanvasKeyboard({ root, edits, canEdit });
  useRevealSelection({ model, flow, setCollapsed });
  usePresentationView({ flow, nodes: model.baseNodes, isPresenting });
  // The lines come a frame after the cards: a third of the first render's work on a large
  // chart, and the cards are what a person looks for first.
  const areLinesShown = useAfterFirstPaint();
  const isCulled = useViewCulling(model.nodes.length, useStore(selectIsCompact));
  // Dotted lines are drawn as faint lines where their dots would cost frames (dotted-lines.ts).
  const dots = useMemo(
    () => countDots(model.document.reportingLines, model.positions),
    [model.document.reportingLines, model.positions],
  );
  const areDotsDrawnMerged = useStore((s) => areDotsMerged(s.transform[2], dots));
  const [portalTarget, setPortalTarget] = useState<HTMLElement | null>(null);

  // ---------------------------------------------------------------- React Flow events
  const dragged = useRef<Map<string, XYPosition> | null>(null);
  const setDropTarget = useCallback(
    (id: string | null) => {
      setDropTargetId((current) => (current === id ? current : id));
    },
    [setDropTargetId],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<RoleFlowNode>[]) => {
      let selection: Set<string> | null = null;
      const keyboardMoves: { id: string; position: XYPosition }[] = [];
      for (const change of changes) {
        if (change.type === "position" && change.position !== undefined) {
          if (change.dragging) {
            dragged.current ??= new Map();
            dragged.current.set(change.id, change.position);
          } else if (dragged.current === null)
            keyboardMoves.push({ id: change.id, position: change.position });
        } else if (change.type === "select") {
          selection ??= new Set(edits.selectedRoles());
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (dragged.current !== null) setDragPositions(new Map(dragged.current));
      if (selection !== null) edits.selectRoles([...selection]);
      if (keyboardMoves.length > 0) edits.moveRoles(keyboardMoves, null);
    },
    [edits, setDragPositions],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<LineFlowEdge>[]) => {
      const selects = changes.filter((change) => change.type === "select");
      if (selects.length === 0) return;
      setSelectedLines((current) => {
        const next = new Set(current);
        for (const change of selects) {
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        }
        return next;
      });
    },
    [setSelectedLines],
  );

  const onNodeDrag: OnNodeDrag<RoleFlowNode> = useCallback(
    (event, node, nodes) => {
      setDropTarget(nodes.length === 1 ? edits.dropTargetAt(pointerOf(event), node.id) : null);
    },
    [edits, setDropTarget],
  );

  const onNodeDragStop: OnNodeDrag<RoleFlowNode> = useCallback(
    (event, node, nodes) => {
      const positions = dragged.current ?? new Map<string, XYPosition>();
      dragged.current = null;
      const target = nodes.length === 1 ? edits.dropTargetAt(pointerOf(event), node.id) : null;
      setDropTarget(null);
      setDragPositions(null);
      const moved = [...positions].map(([id, position]) => ({ id, position }));
      edits.moveRoles(moved, target === null ? null : { id: node.id, manager: target });
    },
    [edits, setDropTarget, setDragPositions],
  );

  const onConnect = useCallback(
    ({ source, target }: Connection) => edits.drawLine(source, target),
    [edits],
  );
  const isValidConnection = useCallback(
    (connection: { source: string; target: string }) => connection.source !== connection.target,
    [],
  );
  const onNodeDoubleClick = useCallback(
    (_: unknown, node: RoleFlowNode) => edits.actions.startEdit(node.id),
    [edits],
  );

  // ---------------------------------------------------------------- palette drag and drop
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(ARCHETYPE_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      setDropTarget(edits.dropTargetAt(event, null));
    },
    [edits, setDropTarget],
  );
  const onDragLeave = useCallback(
    (event: DragEvent) => {
      if (!root.current?.contains(event.relatedTarget as Node | null)) setDropTarget(null);
    },
    [setDropTarget],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const archetype = findArchetype(event.dataTransfer.getData(ARCHETYPE_MIME));
      setDropTarget(null);
      if (archetype === undefined) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      edits.addRole(archetype, edits.dropTargetAt(event, null), {
        x: point.x - CARD_WIDTH / 2,
        y: point.y - CARD_HEIGHT / 2,
      });
    },
    [edits, flow, setDropTarget],
  );
  const onPaletteAdd = useCallback(
    (archetype: RoleArchetype) => edits.addRoleFromPalette(archetype),
    [edits],
  );

  const isEmpty = model.document.roles.length === 0;
  const hasDotted = useMemo(
    () => hasDottedLine(model.document.reportingLines),
    [model.document.reportingLines],
  );

  useEffect(() => {
    // A role removed (by undo, say) while being edited: leave edit mode.
    if (editingId !== null && !model.document.roles.some((role) => role.id === editingId))
      setEditingId(null);
  }, [editingId, model.document.roles, setEditingId]);

  return (
    <div
      className={styles.canvas}
      data-testid="chart-canvas"
      data-cards={isCulled ? "view" : "all"}
      data-dots={areDotsDrawnMerged ? "merged" : "apart"}
    >
      {!isPresenting && (
        <CanvasSide canEdit={canEdit} onAdd={onPaletteAdd}>
          <LineLegend hasDotted={hasDotted} />
        </CanvasSide>
      )}
      <div className={styles.flow}>
        <CanvasActionsContext.Provider value={edits.actions}>
          <WorkshopCanvas editor={editor} portalTarget={portalTarget}>
            <ReactFlow<RoleFlowNode, LineFlowEdge>
              ref={root}
              {...(canEdit
                ? {
                    onDragOver,
                    onDragLeave,
                    onDrop,
                    onEdgesChange,
                    onNodeDrag,
                    onNodeDragStop,
                    onConnect,
                    isValidConnection,
                    onNodeDoubleClick,
                  }
                : {})}
              nodesDraggable={canEdit}
              nodesConnectable={canEdit}
              nodes={model.nodes}
              edges={areLinesShown ? model.edges : NO_LINES}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              minZoom={MIN_ZOOM}
              defaultViewport={defaultViewport}
              maxZoom={2}
              zoomOnDoubleClick={false}
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={MULTI_SELECT_KEYS}
              nodeDragThreshold={4}
              onlyRenderVisibleElements={isCulled}
              proOptions={PRO_OPTIONS}
            >
              <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} color="#cbd5e1" />
              {!isPresenting && (
                <>
                  <Panel position="top-left" className={styles.panel}>
                    <CanvasToolbar
                      onAutoLayout={canEdit ? edits.autoLayout : undefined}
                      onFitView={edits.fitAll}
                      collapsedCount={collapsed.size}
                      onExpandAll={edits.expandAll}
                      search={edits.search}
                      focus={edits.focusRole}
                      isEmpty={isEmpty}
                    />
                  </Panel>
                  <Controls showInteractive={false} position="bottom-left" />
                  <CanvasMiniMap />
                </>
              )}
              <ViewportPortalProbe onTarget={setPortalTarget} />
            </ReactFlow>
          </WorkshopCanvas>
        </CanvasActionsContext.Provider>
        {isEmpty && (
          <div className={styles.empty} data-testid="canvas-empty">
            <p className={styles.emptyTitle}>No roles yet</p>
            {canEdit && <p>Drag a role from the palette onto the canvas — start with the CEO.</p>}
          </div>
        )}
      </div>
    </div>
  );
}

/** Where a drag event happened (for touch: the finger that moved or lifted last). */
function pointerOf(event: MouseEvent | TouchEvent): { clientX: number; clientY: number } {
  if ("changedTouches" in event) return event.changedTouches[0] ?? { clientX: 0, clientY: 0 };
  return event;
}
