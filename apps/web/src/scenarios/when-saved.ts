import type { ChartEditor } from "../editor";

/** Why a copy or a comparison now would miss edits: they cannot reach the server. */
export const UNSAVED_MESSAGE =
  "Your latest edits are not saved yet (no connection), so they would be missing. Try again once they are saved.";

/**
 * Resolves once the server has every edit of this editor (at once when it has); rejects
 * when they cannot be sent now (offline, or the connection ended). A scenario is a copy of
 * the chart as the server has it: made sooner, it would miss the edits still on their way.
 */
export function whenSaved(editor: ChartEditor): Promise<void> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const check = () => {
      const { status, error } = editor.getState().save;
      if (status === "saving") return false;
      stop();
      if (status === "saved") resolve();
      else reject(new Error(error ?? UNSAVED_MESSAGE));
      return true;
    };
    if (!check()) stop = editor.subscribe(check);
  });
}
