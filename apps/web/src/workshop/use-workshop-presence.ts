import { type ReactFlowInstance, type ReactFlowState, useStore, useStoreApi } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { motion } from "../canvas/motion";
import type { ChartEditor, ViewportRequest } from "../editor";
import { flowViewport, publishedView } from "./viewport-sync";

/** A line under the canvas's toolbar: what the view did on its own, or whom it follows. */
export interface WorkshopNotice {
  id: number;
  message: string;
}

/** How long a view move asked by a peer takes (none for people who ask for reduced motion). */
const SUMMON_MS = 500;
const FOLLOW_MS = 200;
/** An input this recent moved the view itself (a wheel, a drag, a click on the zoom buttons). */
const GESTURE_MS = 300;
const NOTICE_MS = 4000;

const selectDomNode = (s: ReactFlowState) => s.domNode;
// biome-ignore lint/suspicious/noExplicitAny: the hook takes any React Flow instance
type AnyFlow = Pick<ReactFlowInstance<any, any>, "screenToFlowPosition" | "setViewport">;

/**
 * The canvas's side of a workshop: tells peers where my pointer and my view are
 * (`editor.setPresence`, which throttles), moves my view when a peer summons everyone or the
 * person I follow moves theirs, and stops following when I pan or zoom myself. Returns the
 * notice to show ("Stopped following Ada"), or null.
 */
export function useWorkshopPresence(editor: ChartEditor, flow: AnyFlow) {
  const store = useStoreApi();
  const domNode = useStore(selectDomNode);
  const [notice, setNotice] = useState<WorkshopNotice | null>(null);
  const lastGestureAt = useRef(Number.NEGATIVE_INFINITY);

  const show = useCallback((message: string) => {
    setNotice((current) => ({ id: (current?.id ?? 0) + 1, message }));
  }, []);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // My pointer, in chart coordinates; null once it leaves the canvas.
  useEffect(() => {
    if (domNode === null) return;
    const onMove = (event: PointerEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      editor.setPresence({ cursor: { x: Math.round(point.x), y: Math.round(point.y) } });
      if (event.buttons !== 0) lastGestureAt.current = performance.now();
    };
    const onLeave = () => editor.setPresence({ cursor: null });
    const onGesture = () => {
      lastGestureAt.current = performance.now();
    };
    const onClick = (event: MouseEvent) => {
      // The zoom and fit buttons move the view as the person asked.
      if (event.target instanceof Element && event.target.closest(".react-flow__panel"))
        lastGestureAt.current = performance.now();
    };
    domNode.addEventListener("pointermove", onMove);
    domNode.addEventListener("pointerleave", onLeave);
    domNode.addEventListener("wheel", onGesture, { capture: true, passive: true });
    domNode.addEventListener("touchmove", onGesture, { capture: true, passive: true });
    domNode.addEventListener("keydown", onGesture, { capture: true });
    domNode.addEventListener("click", onClick, { capture: true });
    return () => {
      domNode.removeEventListener("pointermove", onMove);
      domNode.removeEventListener("pointerleave", onLeave);
      domNode.removeEventListener("wheel", onGesture, { capture: true });
      domNode.removeEventListener("touchmove", onGesture, { capture: true });
      domNode.removeEventListener("keydown", onGesture, { capture: true });
      domNode.removeEventListener("click", onClick, { capture: true });
      editor.setPresence({ cursor: null });
    };
  }, [domNode, editor, flow]);

  // My view: published on every change (the editor throttles); a change I made myself while
  // following someone ends the following.
  useEffect(() => {
    const publish = (s: ReactFlowState) => {
      if (s.width > 0 && s.height > 0)
        editor.setPresence({ viewport: publishedView(s.transform, s) });
    };
    publish(store.getState());
    return store.subscribe((s, before) => {
      if (
        s.transform === before.transform &&
        s.width === before.width &&
        s.height === before.height
      )
        return;
      publish(s);
      if (s.transform === before.transform) return;
      const following = editor.presence.getState().following;
      if (following === null || performance.now() - lastGestureAt.current > GESTURE_MS) return;
      const name = editor.presence.getState().peers.find((p) => p.peer === following)?.name;
      editor.follow(null);
      show(`Stopped following ${name ?? "them"}`);
    });
  }, [editor, store, show]);

  // Peers moving my view: a summon, or the person I follow (the editor asks at once when I
  // start following, then on each of their moves).
  const moveTo = useCallback(
    (request: Pick<ViewportRequest, "viewport" | "reason">) => {
      const { width, height, minZoom, maxZoom } = store.getState();
      if (width === 0 || height === 0) return;
      const zoom = Math.min(maxZoom, Math.max(minZoom, request.viewport.zoom));
      const target = flowViewport({ ...request.viewport, zoom }, { width, height });
      void flow.setViewport(target, {
        duration: motion(request.reason === "summon" ? SUMMON_MS : FOLLOW_MS),
      });
    },
    [flow, store],
  );
  useEffect(
    () =>
      editor.onViewportRequest((request) => {
        moveTo(request);
        if (request.reason === "summon") show(`${request.by} brought everyone to their view`);
      }),
    [editor, moveTo, show],
  );

  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, dismissNotice: dismiss };
}
