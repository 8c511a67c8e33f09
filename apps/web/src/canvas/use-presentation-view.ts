import { type ReactFlowInstance, useStore, type Viewport } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { LineFlowEdge, RoleFlowNode } from "./flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH } from "./geometry";
import { motion } from "./motion";
import { CARD_TITLE_FONT_SIZE, presentationFit, type Rect } from "./presentation-fit";

/** The bounds of the cards, and of the top row of them (the roots); null without cards. */
export function chartBounds(nodes: readonly RoleFlowNode[]): { chart: Rect; top: Rect } | null {
  if (nodes.length === 0) return null;
  const boundsOf = (list: readonly RoleFlowNode[]): Rect => {
    const xs = list.map((node) => node.position.x);
    const ys = list.map((node) => node.position.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return {
      x,
      y,
      width: Math.max(...xs) + CARD_WIDTH - x,
      height: Math.max(...ys) + CARD_HEIGHT - y,
    };
  };
  const chart = boundsOf(nodes);
  const top = boundsOf(nodes.filter((node) => node.position.y < chart.y + CARD_HEIGHT / 2));
  return { chart, top };
}

/**
 * In the presentation view, the chart is fitted for a projector (presentationFit) when the
 * view starts and whenever the pane changes size (going fullscreen, panels hidden); leaving
 * it puts back the view the person had before. It moves the view only, never the chart.
 */
export function usePresentationView({
  flow,
  nodes,
  isPresenting,
}: {
  flow: ReactFlowInstance<RoleFlowNode, LineFlowEdge>;
  nodes: readonly RoleFlowNode[];
  isPresenting: boolean;
}): void {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const latestNodes = useRef(nodes);
  latestNodes.current = nodes;
  const before = useRef<Viewport | null>(null);
  useEffect(() => {
    if (!isPresenting) {
      if (before.current !== null) void flow.setViewport(before.current);
      before.current = null;
      return;
    }
    before.current ??= flow.getViewport();
    const bounds = chartBounds(latestNodes.current);
    if (bounds === null || width === 0 || height === 0) return;
    const { x, y, zoom } = presentationFit({
      ...bounds,
      pane: { width, height },
      titleFontSize: CARD_TITLE_FONT_SIZE,
    });
    void flow.setViewport({ x, y, zoom }, { duration: motion(300) });
  }, [isPresenting, width, height, flow]);
}
