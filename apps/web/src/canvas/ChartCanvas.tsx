import "@xyflow/react/dist/style.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { type ChartEditor, selectCanEdit, useEditorSelector } from "../editor";
import { type Size, useFirstSize } from "../lib/use-first-size";
import { CanvasWorkspace, hasDottedLine, type WorkspaceProps } from "./CanvasWorkspace";
import styles from "./ChartCanvas.module.css";
import { FIT_VIEW_OPTIONS, MIN_ZOOM } from "./geometry";
import { LineLegend } from "./LineLegend";
import { CanvasSide } from "./Palette";
import { useCanvasModel } from "./use-canvas-model";
import { useCanvasView } from "./use-canvas-view";

/**
 * The org chart: React Flow over the editor state. Cards and lines are derived from the
 * document (use-canvas-model); every user gesture becomes one operation batch through
 * `editor.apply` (use-canvas-edits), so undo, saving and findings work the same as for
 * every other view. Drag positions stay local until the drop.
 */
export function ChartCanvas({
  editor,
  isPresenting = false,
}: {
  editor: ChartEditor;
  /** The presentation view (CanvasWorkspace). */
  isPresenting?: boolean;
}) {
  const canvasView = useCanvasView();
  const model = useCanvasModel(editor, canvasView.view);
  const [size, measure] = useFirstSize<HTMLDivElement>();
  const canEdit = useEditorSelector(editor, selectCanEdit);
  if (size === null)
    return (
      // One frame, to learn the canvas's size: React Flow then starts with the chart fitted.
      <div className={styles.canvas} inert>
        {!isPresenting && (
          <CanvasSide canEdit={canEdit} onAdd={ignore}>
            <LineLegend hasDotted={hasDottedLine(model.document.reportingLines)} />
          </CanvasSide>
        )}
        <div className={styles.flow} ref={measure} />
      </div>
    );
  return (
    <FittedCanvas
      editor={editor}
      canvasView={canvasView}
      model={model}
      size={size}
      isPresenting={isPresenting}
    />
  );
}

const ignore = () => {};

/**
 * React Flow's store created with the first cards and the view already fitted to them, so
 * its first render draws the chart where it belongs. Handed the nodes later (its `nodes`
 * prop, set in an effect), it would draw them in a second render that the browser must
 * finish, with the fit after it, before it paints anything. React Flow's pan and zoom start
 * from the store's fitted view (CanvasWorkspace); the lines come a frame after the cards.
 */
function FittedCanvas({ size, ...props }: WorkspaceProps & { size: Size }) {
  // Read once by the provider; kept so that `fitView` says the same of the same cards.
  const [initialNodes] = useState(props.model.nodes);
  return (
    <ReactFlowProvider
      initialNodes={initialNodes}
      initialWidth={size.width}
      initialHeight={size.height}
      fitView={initialNodes.length > 0}
      initialFitViewOptions={FIT_VIEW_OPTIONS}
      initialMinZoom={MIN_ZOOM}
      initialMaxZoom={FIT_VIEW_OPTIONS.maxZoom}
    >
      <CanvasWorkspace {...props} />
    </ReactFlowProvider>
  );
}
