import { type RefCallback, useCallback, useState } from "react";

export interface Size {
  width: number;
  height: number;
}

/**
 * The size an element first has once laid out (null until then), and the ref to attach.
 * Reported by a ResizeObserver, whose callback runs as the browser lays the page out: the
 * render it causes is an ordinary one, not forced to finish before the page is painted as
 * a layout effect's would be. Later changes of size are not reported.
 */
export function useFirstSize<T extends HTMLElement>(): [Size | null, RefCallback<T>] {
  const [size, setSize] = useState<Size | null>(null);
  const ref = useCallback((element: T | null) => {
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box === undefined || box.width === 0 || box.height === 0) return;
      observer.disconnect();
      setSize({ width: box.width, height: box.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [size, ref];
}
