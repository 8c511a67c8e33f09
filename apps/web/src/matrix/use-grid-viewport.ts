import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from "react";
import { FALLBACK_VIEWPORT } from "./sizes";

export interface Viewport {
  top: number;
  left: number;
  width: number;
  height: number;
}

const UNMEASURED: Viewport = { top: 0, left: 0, width: 0, height: 0 };

/**
 * The scroll position and visible size of a scrolling element, updated at most once per
 * animation frame, and a `scrollTo` that updates both the element and the state at once
 * (so the next render already includes what was scrolled to).
 */
export function useGridViewport(scroller: RefObject<HTMLElement | null>) {
  // Nothing until the first measurement (a layout effect, before the first paint): cells
  // made for a guessed size would only be laid out and removed again.
  const [viewport, setViewport] = useState<Viewport>(UNMEASURED);
  const frame = useRef<number | null>(null);

  const measure = useCallback(() => {
    const element = scroller.current;
    if (element === null) return;
    const next = {
      top: element.scrollTop,
      left: element.scrollLeft,
      width: element.clientWidth || FALLBACK_VIEWPORT.width,
      height: element.clientHeight || FALLBACK_VIEWPORT.height,
    };
    setViewport((current) =>
      current.top === next.top &&
      current.left === next.left &&
      current.width === next.width &&
      current.height === next.height
        ? current
        : next,
    );
  }, [scroller]);

  useLayoutEffect(() => {
    measure();
    const element = scroller.current;
    if (element === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure, scroller]);

  const onScroll = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      measure();
    });
  }, [measure]);

  useLayoutEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const scrollTo = useCallback(
    (position: { top?: number; left?: number }) => {
      const element = scroller.current;
      if (element === null) return;
      if (position.top !== undefined && position.top !== element.scrollTop)
        element.scrollTop = position.top;
      if (position.left !== undefined && position.left !== element.scrollLeft)
        element.scrollLeft = position.left;
      measure();
    },
    [measure, scroller],
  );

  return { viewport, onScroll, scrollTo };
}
