import { act, renderHook } from "@testing-library/react";
import { ReactFlowProvider, useStoreApi } from "@xyflow/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import type { Viewport } from "../editor";
import { createWorkshopDouble, peerPresence } from "../test/workshop-fixtures";
import { useWorkshopPresence } from "./use-workshop-presence";

const wrapper = ({ children }: { children: ReactNode }) => (
  <ReactFlowProvider initialWidth={800} initialHeight={600}>
    {children}
  </ReactFlowProvider>
);

const grace = peerPresence("Grace", { viewport: { x: 100, y: 50, zoom: 1 } });

function setUp() {
  const editor = createWorkshopDouble({ peers: [grace] });
  const flow = {
    screenToFlowPosition: vi.fn((p: { x: number; y: number }) => ({ x: p.x / 2, y: p.y / 2 })),
    setViewport: vi.fn(async (_viewport: Viewport, _options?: { duration?: number }) => true),
  };
  const domNode = document.createElement("div");
  document.body.append(domNode);
  const view = renderHook(
    () => ({ presence: useWorkshopPresence(editor, flow), store: useStoreApi() }),
    { wrapper },
  );
  act(() => view.result.current.store.setState({ domNode }));
  const pan = (x: number, y: number, zoom = 1) =>
    act(() => view.result.current.store.setState({ transform: [x, y, zoom] }));
  return { editor, flow, domNode, view, pan };
}

describe("useWorkshopPresence", () => {
  it("publishes my view as the chart point at the centre and the zoom", () => {
    const { editor, pan } = setUp();
    expect(editor.calls.setPresence).toContainEqual({ viewport: { x: 400, y: 300, zoom: 1 } });
    pan(-100, 0, 2);
    expect(editor.calls.setPresence.at(-1)).toEqual({ viewport: { x: 250, y: 150, zoom: 2 } });
  });

  it("publishes my pointer in chart coordinates, and null when it leaves", () => {
    const { editor, domNode } = setUp();
    act(() => {
      domNode.dispatchEvent(new MouseEvent("pointermove", { clientX: 40, clientY: 20 }));
    });
    expect(editor.calls.setPresence.at(-1)).toEqual({ cursor: { x: 20, y: 10 } });
    act(() => {
      domNode.dispatchEvent(new MouseEvent("pointerleave"));
    });
    expect(editor.calls.setPresence.at(-1)).toEqual({ cursor: null });
  });

  it("moves my view where a summon asks, centred on my canvas, and says who asked", () => {
    const { editor, flow, view } = setUp();
    act(() =>
      editor.requestViewport({
        viewport: { x: 100, y: 50, zoom: 2 },
        reason: "summon",
        by: "Grace",
      }),
    );
    expect(flow.setViewport).toHaveBeenCalledWith(
      { x: 400 - 200, y: 300 - 100, zoom: 2 },
      expect.objectContaining({ duration: expect.any(Number) }),
    );
    expect(view.result.current.presence.notice?.message).toBe(
      "Grace brought everyone to their view",
    );
  });

  it("moves my view with the person I follow, without a notice", () => {
    const { editor, flow, view } = setUp();
    act(() => editor.follow(grace.peer));
    act(() =>
      editor.requestViewport({
        viewport: { x: 100, y: 50, zoom: 1 },
        reason: "follow",
        by: "Grace",
      }),
    );
    expect(flow.setViewport).toHaveBeenCalledWith({ x: 300, y: 250, zoom: 1 }, expect.anything());
    expect(view.result.current.presence.notice).toBeNull();
  });

  it("stops following when I pan myself, not when the view moves for the person I follow", () => {
    const { editor, domNode, pan, view } = setUp();
    act(() => editor.follow(grace.peer));
    pan(10, 10);
    expect(editor.presence.getState().following).toBe(grace.peer);

    act(() => {
      domNode.dispatchEvent(new WheelEvent("wheel", { deltaY: 100 }));
    });
    pan(20, 20, 0.9);
    expect(editor.calls.follow.at(-1)).toBeNull();
    expect(editor.presence.getState().following).toBeNull();
    expect(view.result.current.presence.notice?.message).toBe("Stopped following Grace");
  });
});
