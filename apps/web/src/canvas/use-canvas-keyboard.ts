import { type RefObject, useEffect } from "react";
import type { CanvasEdits } from "./use-canvas-edits";

/** Where typed keys belong to the field, not to the canvas. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !["button", "checkbox", "radio"].includes(target.type)
  );
}

/**
 * Keys of the canvas: Delete/Backspace removes the selected roles and lines (one batch),
 * Enter or F2 on a focused card edits it, Escape clears the selection. They act when the
 * focus is on the canvas, or on nothing at all (after a click on the empty pane), never
 * while typing in a field or working in another panel. On a read-only chart only Escape does.
 */
export function useCanvasKeyboard({
  root,
  edits,
  canEdit,
}: {
  root: RefObject<HTMLDivElement | null>;
  edits: CanvasEdits;
  canEdit: boolean;
}): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (isTextField(target)) return;
      const inCanvas = target instanceof Node && root.current?.contains(target) === true;
      const onNothing = target === document.body || target === document.documentElement;
      if (!inCanvas && !onNothing) return;

      if (event.key === "Escape") edits.clearSelection();
      else if (!canEdit) return;
      else if (event.key === "Delete" || event.key === "Backspace") {
        event.preventDefault();
        edits.deleteSelection();
      } else if ((event.key === "Enter" || event.key === "F2") && inCanvas) {
        const card =
          target instanceof HTMLElement ? target.closest<HTMLElement>(".react-flow__node") : null;
        const id = card?.dataset.id;
        // Only the card itself: Enter on its collapse button presses the button.
        if (id !== undefined && card === target) {
          event.preventDefault();
          edits.actions.startEdit(id);
        }
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [root, edits, canEdit]);
}
