import { useEffect, useState } from "react";
import {
  type ChartEditor,
  type ConnectionStatus,
  type EditorState,
  type SaveState,
  useEditorSelector,
} from "../../editor";
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

interface Description {
  /** The pill: "Live", "Reconnecting", … */
  label: string;
  /** Beside it: what happens to my edits. */
  text: string;
  /** In the tooltip. */
  detail?: string;
  canRetry: boolean;
}

/** The connection and my edits waiting, in words (pure: the indicator's whole logic). */
export function describeConnection(connection: ConnectionStatus, save: SaveState): Description {
  const waiting = save.pending > 0 ? `${changes(save.pending)} waiting` : null;
  const kept = save.stored
    ? "They are kept in this browser and sent when the connection is back."
    : "They are kept on this page and sent when the connection is back; do not close it.";
  switch (connection) {
    case "live":
      return {
        label: "Live",
        text: save.status === "saving" || save.pending > 0 ? "Saving…" : "All changes saved",
        detail: "Everyone on this chart sees changes as they are made.",
        canRetry: false,
      };
    case "connecting":
      return { label: "Connecting…", text: waiting ?? "", canRetry: false };
    case "reconnecting":
      return {
        label: "Reconnecting",
        text: waiting ?? "",
        detail: waiting === null ? "The connection was lost." : `The connection was lost. ${kept}`,
        canRetry: true,
      };
    case "offline":
      return {
        label: "Offline",
        text:
          save.pending === 0
            ? "no changes waiting"
            : `${changes(save.pending)} kept in this ${save.stored ? "browser" : "page"}`,
        detail: `This device has no network. ${save.pending > 0 ? kept : ""}`.trim(),
        canRetry: true,
      };
    case "closed":
      return {
        label: "Disconnected",
        text: [save.error, save.pending > 0 && `${changes(save.pending)} not sent`]
          .filter(Boolean)
          .join(" — "),
        detail: save.error ?? "The live connection ended.",
        canRetry: false,
      };
  }
}

const selectConnection = (s: EditorState) => s.connection;
const selectSave = (s: EditorState) => s.save;

/**
 * The live connection and my edits waiting: "Live · All changes saved", "Reconnecting — 3
 * changes waiting — next try in 4 s" with Retry now, "Offline — 3 changes kept in this
 * browser", "Disconnected — <why>". In words and with an icon, not colour alone; announced
 * politely when it changes.
 */
export function SaveIndicator({ editor }: { editor: ChartEditor }) {
  const connection = useEditorSelector(editor, selectConnection);
  const save = useEditorSelector(editor, selectSave);
  const seconds = useSecondsUntil(connection === "reconnecting" ? save.retryAt : null);
  const { label, text, detail, canRetry } = describeConnection(connection, save);
  return (
    <div
      className={styles.indicator}
      data-testid="connection-indicator"
      data-status={connection}
      data-save={save.status}
      data-stored={save.stored}
    >
      <span className={styles.status} title={detail}>
        <span className={styles.icon} aria-hidden="true" />
        <span className={styles.label}>{label}</span>
        <span
          className={styles.text}
          role="status"
          data-testid="save-status"
          data-status={save.status}
        >
          <span className="visually-hidden">{text === "" ? label : `${label}: `}</span>
          {text}
        </span>
        {/* The seconds tick: shown, not announced. */}
        {seconds !== null && (
          <span className={styles.countdown} aria-hidden="true" data-testid="retry-countdown">
            {seconds > 0 ? `next try in ${seconds} s` : "trying now"}
          </span>
        )}
      </span>
      {canRetry && (
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
