import { act, render } from "@testing-library/react";
import { type ReactFlowInstance, ReactFlowProvider } from "@xyflow/react";
import { describe, expect, it, vi } from "vitest";
import type { ChartEditor } from "../editor";
import { createTestEditor } from "../test/editor-fixtures";
import type { LineFlowEdge, RoleFlowNode } from "./flow-mapping";
import { useCanvasModel } from "./use-canvas-model";
import { useCanvasView } from "./use-canvas-view";
import { revealsSelection, useRevealSelection } from "./use-reveal-selection";

function fakeFlow() {
  return {
    getZoom: () => 1,
    setCenter: vi.fn(async () => true),
  } as unknown as ReactFlowInstance<RoleFlowNode, LineFlowEdge> & {
    setCenter: ReturnType<typeof vi.fn>;
  };
}

function Reveal({
  editor,
  flow,
}: {
  editor: ChartEditor;
  flow: ReactFlowInstance<RoleFlowNode, LineFlowEdge>;
}) {
  const view = useCanvasView();
  const model = useCanvasModel(editor, view.view);
  useRevealSelection({ model, flow, setCollapsed: view.setCollapsed });
  return null;
}

function renderReveal() {
  const { editor } = createTestEditor();
  const flow = fakeFlow();
  render(
    <ReactFlowProvider>
      <Reveal editor={editor} flow={flow} />
    </ReactFlowProvider>,
  );
  return { editor, flow };
}

describe("revealsSelection", () => {
  it.each([
    ["findings", true],
    ["canvas", false],
    ["matrix", false],
    ["matrix-add", false],
    [null, false],
  ])("for origin %s: %s", (origin, expected) => {
    expect(revealsSelection(origin)).toBe(expected);
  });
});

describe("useRevealSelection", () => {
  it("does not move the canvas for a selection from the matrix", () => {
    const { editor, flow } = renderReveal();
    act(() => editor.setSelection({ roles: ["cio"], responsibilities: [], origin: "matrix" }));
    act(() =>
      editor.setSelection({ roles: ["cto", "cio"], responsibilities: ["x"], origin: "matrix" }),
    );
    expect(flow.setCenter).not.toHaveBeenCalled();
  });

  it("moves the canvas to the roles of a finding", () => {
    const { editor, flow } = renderReveal();
    act(() => editor.setSelection({ roles: ["cio"], responsibilities: [], origin: "findings" }));
    expect(flow.setCenter).toHaveBeenCalledTimes(1);
  });
});
