import { useEffect, useState } from "react";
import { type ChartEditor, type SaveState, selectSave, useEditorSelector } from "../../editor";
import styles from "./SaveIndicator.module.css";

const changes = (n: number) => `${n} ${n === 1 ? "change" : "changes"}`;

function useSecondsUntil(time: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (time === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [time]);
  return time === null ? null : Math.max(0, Math.ceil((time - now) / 1000));
}

function describeSave(save: SaveState, seconds: number | null): { text: string; detail?: string } {
  switch (save.status) {
    case "saved":
      return { text: "All changes saved" };
    case "saving":
      return { text: "Saving…" };
    case "offline":
      return {
        text: `Offline — ${changes(save.pending)} not saved yet`,
        detail: "They are kept here and saved as soon as the connection is back.",
      };
    case "failed":
      return {
        text:
          seconds === null || seconds === 0
            ? "Save failed — retrying"
            : `Save failed — retrying in ${seconds} s`,
        detail: `${changes(save.pending)} not saved yet. ${save.error ?? ""}`.trim(),
      };
  }
}

const ICONS = { saved: "✓", saving: "", failed: "!", offline: "!" } as const;

/** Saved / saving / failed / offline, in words and with an icon (not colour alone). */
export function SaveIndicator({ editor }: { editor: ChartEditor }) {
  const save = useEditorSelector(editor, selectSave);
  const seconds = useSecondsUntil(save.retryAt);
  const { text, detail } = describeSave(save, seconds);
  const isProblem = save.status === "failed" || save.status === "offline";
  return (
    <div className={styles.indicator} data-status={save.status}>
      <span
        role="status"
        className={styles.status}
        data-testid="save-status"
        data-status={save.status}
        title={detail}
      >
        <span className={styles.icon} aria-hidden="true">
          {ICONS[save.status]}
        </span>
        {text}
      </span>
      {isProblem && (
        <button
          type="button"
          className="button button-small"
          onClick={() => editor.retryNow()}
          data-testid="retry-save"
        >
          Retry now
        </button>
      )}
    </div>
  );
}
