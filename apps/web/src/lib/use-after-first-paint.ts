import { startTransition, useEffect, useState } from "react";

/**
 * False until the browser has painted the component's first render, then true: for a part
 * of the page that can come a frame later so that the rest shows sooner. `asTransition`:
 * the render that follows is a transition, which gives way to input (for a large one).
 */
export function useAfterFirstPaint({ asTransition = false } = {}): boolean {
  const [isPainted, setPainted] = useState(false);
  useEffect(() => {
    // A frame callback runs just before the paint; a task it queues runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        asTransition ? startTransition(() => setPainted(true)) : setPainted(true),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [asTransition]);
  return isPainted;
}
