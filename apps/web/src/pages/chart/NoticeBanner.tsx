import { type ChartEditor, selectNotice, useEditorSelector } from "../../editor";
import styles from "./NoticeBanner.module.css";

/** What the editor needs the user to know: a reload after a conflict, a refused edit. */
export function NoticeBanner({ editor }: { editor: ChartEditor }) {
  const notice = useEditorSelector(editor, selectNotice);
  if (notice === null) return null;
  const icon = notice.kind === "info" ? "i" : "!";
  return (
    <div
      key={notice.id}
      className={styles.notice}
      data-kind={notice.kind}
      role="alert"
      data-testid="notice"
    >
      <span className={styles.icon} aria-hidden="true">
        {icon}
      </span>
      <p className={styles.message}>{notice.message}</p>
      <button type="button" className="button button-small" onClick={() => editor.dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
