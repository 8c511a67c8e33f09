import type { Viewport } from "../editor";

/**
 * Views travel between screens of different sizes (a laptop and a projector), so a view is
 * published as the chart point at the centre of the canvas and the zoom, not as React Flow's
 * pan offset (which depends on the sender's canvas size): a follower or a summoned peer gets
 * the same part of the chart in the middle of their own canvas. Pure.
 */
export interface CanvasSize {
  width: number;
  height: number;
}

/** React Flow's transform (pan x, y, zoom) on a canvas of `size` → the view to publish. */
export function publishedView(
  transform: readonly [number, number, number],
  size: CanvasSize,
): Viewport {
  const [x, y, zoom] = transform;
  return {
    x: round((size.width / 2 - x) / zoom),
    y: round((size.height / 2 - y) / zoom),
    zoom: Math.round(zoom * 1000) / 1000,
  };
}

/** A published view → React Flow's viewport that shows it on a canvas of `size`. */
export function flowViewport(view: Viewport, size: CanvasSize): Viewport {
  return {
    x: size.width / 2 - view.x * view.zoom,
    y: size.height / 2 - view.y * view.zoom,
    zoom: view.zoom,
  };
}

export function isSameView(a: Viewport | null, b: Viewport | null): boolean {
  return a !== null && b !== null && a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}

const round = (value: number) => Math.round(value * 10) / 10;
