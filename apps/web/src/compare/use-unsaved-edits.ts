import { useCallback, useSyncExternalStore } from "react";
import { useEditorRegistry } from "../editor";

/**
 * "saved": this tab has no edit of these charts that the server lacks. "saving": some are on
 * their way (a comparison now would miss them: wait). "unsent": some cannot be sent now
 * (offline, connection ended): the comparison shows the charts as the server has them.
 */
export type UnsavedEdits = "saved" | "saving" | "unsent";

/** Whether this tab's editors of `a` and `b` (if any: the pages just left) have unsaved edits. */
export function useUnsavedEdits(a: string, b: string): UnsavedEdits {
  const registry = useEditorRegistry();
  const editors = useCallback(
    () => [registry.get(a), registry.get(b)].filter((editor) => editor !== undefined),
    [registry, a, b],
  );
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = editors().map((editor) => editor.subscribe(listener));
      return () => {
        for (const stop of stops) stop();
      };
    },
    [editors],
  );
  const snapshot = useCallback((): UnsavedEdits => {
    let state: UnsavedEdits = "saved";
    for (const editor of editors()) {
      const { status } = editor.getState().save;
      if (status === "saving") return "saving";
      if (status !== "saved") state = "unsent";
    }
    return state;
  }, [editors]);
  return useSyncExternalStore(subscribe, snapshot);
}
