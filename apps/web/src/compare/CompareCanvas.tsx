import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import { useEffect, useLayoutEffect, useMemo, useState } from "react";
import { type CanvasActions, CanvasActionsContext } from "../canvas/canvas-actions";
import { FIT_VIEW_OPTIONS, MIN_ZOOM } from "../canvas/geometry";
import styles from "./CompareCanvas.module.css";
import type { DiffFlowEdge, DiffFlowNode } from "./compare-flow";
import { DiffLineEdge, DiffRoleNode } from "./DiffRoleNode";

// Outside any component: React Flow re-mounts every node when these objects change.
const nodeTypes = { role: DiffRoleNode };
const edgeTypes = { line: DiffLineEdge };
const PRO_OPTIONS = { hideAttribution: false };
const noop = () => {};

export interface CompareCanvasProps {
  /** The flow for a set of collapsed roles (their reports hidden). */
  flowOf(collapsed: ReadonlySet<string>): { nodes: DiffFlowNode[]; edges: DiffFlowEdge[] };
  /** The canvas's accessible name: "Primary: Acme", "Overlay". */
  label: string;
  testId: string;
}

/**
 * A read-only canvas of the compare view: the editor's cards and lines (no dragging,
 * connecting, editing or selecting), fitted to the chart, with pan, zoom and collapse.
 */
export function CompareCanvas(props: CompareCanvasProps) {
  return (
    <ReactFlowProvider>
      <ReadOnlyFlow {...props} />
    </ReactFlowProvider>
  );
}

function ReadOnlyFlow({ flowOf, label, testId }: CompareCanvasProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const { nodes, edges } = useMemo(() => flowOf(collapsed), [flowOf, collapsed]);
  // A card's collapse button is the only action that works here.
  const actions = useMemo<CanvasActions>(
    () => ({
      startEdit: noop,
      finishEdit: noop,
      setLineKind: noop,
      removeLine: noop,
      toggleCollapse: (id) =>
        setCollapsed((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
    }),
    [],
  );
  return (
    <section className={styles.canvas} data-testid={testId} aria-label={label}>
      <CanvasActionsContext.Provider value={actions}>
        <ReactFlow<DiffFlowNode, DiffFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          onlyRenderVisibleElements
          proOptions={PRO_OPTIONS}
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} color="#cbd5e1" />
          <Controls showInteractive={false} position="bottom-left" />
          <MarkScale />
          <RefitOnResize />
        </ReactFlow>
      </CanvasActionsContext.Provider>
    </section>
  );
}

/** How much larger than the chart a mark is drawn: readable on screen at any zoom. */
const markScaleOf = (zoom: number) => Math.min(12, Math.max(1, 0.6 / zoom));

/**
 * Sets `--mark-scale` on the canvas as the zoom changes: one subscriber for every mark,
 * which CSS sizes with it (a card re-renders only when its mark changes form).
 */
function MarkScale() {
  const zoom = useStore((s) => s.transform[2]);
  const domNode = useStore((s) => s.domNode);
  useLayoutEffect(() => {
    domNode?.style.setProperty("--mark-scale", markScaleOf(zoom).toFixed(3));
  }, [domNode, zoom]);
  return null;
}

/**
 * Fits the chart again when the canvas changes size (the window, the other view, the
 * matrix panel): a read-only view has no place of its own to keep.
 */
function RefitOnResize() {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    if (width > 0 && height > 0) void flow.fitView(FIT_VIEW_OPTIONS);
  }, [flow, width, height]);
  return null;
}
