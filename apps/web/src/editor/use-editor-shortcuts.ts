import { useEffect } from "react";
import type { ChartEditor } from "./types";

/** Fields where Ctrl+Z belongs to the text being typed, not to the chart. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["button", "checkbox", "radio", "range", "color", "file", "submit", "reset"].includes(
    target.type,
  );
}

/** "undo", "redo" or null for a key press: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y. */
export function historyShortcut(event: KeyboardEvent): "undo" | "redo" | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}

/** In an open dialog: it is modal, so the keys are for it, not for the chart behind it. */
function isInDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("dialog[open]") !== null;
}

/** Undo/redo shortcuts on the whole page, except while typing in a field or in a dialog. */
export function useUndoRedoShortcuts(editor: ChartEditor): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = historyShortcut(event);
      if (action === null || event.defaultPrevented) return;
      if (isTextField(event.target) || isInDialog(event.target)) return;
      event.preventDefault();
      if (action === "undo") editor.undo();
      else editor.redo();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [editor]);
}

/**
 * Asks before closing or reloading the tab while edits are neither on the server nor kept
 * in this browser's storage (edits waiting in the outbox are sent on the next visit).
 */
export function useWarnBeforeLeavingUnsaved(editor: ChartEditor): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { save } = editor.getState();
      if (save.pending === 0 || save.stored) return;
      event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [editor]);
}
