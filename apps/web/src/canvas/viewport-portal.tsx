import { type ReactFlowState, useStore } from "@xyflow/react";
import { createContext, type ReactNode, useContext, useLayoutEffect } from "react";
import { createPortal } from "react-dom";

/**
 * React Flow's viewport portal (the layer above the cards that pans and zooms with them),
 * looked up once per canvas. React Flow's own `<ViewportPortal>` looks it up with a
 * `querySelector` in a store selector: once per line that uses it on every store update,
 * which is every frame of a drag. With a thousand dotted lines mounted that was most of a
 * frame.
 */
export const ViewportPortalContext = createContext<HTMLElement | null>(null);

const selectDomNode = (s: ReactFlowState) => s.domNode;

/** Inside `<ReactFlow>`: reports its viewport portal element once it is there. */
export function ViewportPortalProbe({
  onTarget,
}: {
  onTarget: (target: HTMLElement | null) => void;
}) {
  const domNode = useStore(selectDomNode);
  useLayoutEffect(() => {
    onTarget(domNode?.querySelector<HTMLElement>(".react-flow__viewport-portal") ?? null);
  }, [domNode, onTarget]);
  return null;
}

/** Renders `children` in the viewport portal (nothing until React Flow has mounted it). */
export function InViewportPortal({ children }: { children: ReactNode }) {
  const target = useContext(ViewportPortalContext);
  return target === null ? null : createPortal(children, target);
}
