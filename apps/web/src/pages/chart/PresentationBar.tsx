import { type ChartEditor, selectChartName, useEditorSelector } from "../../editor";
import styles from "./ChartWorkspace.module.css";

/** The presentation view's top line: the chart's name, large, and the way out. */
export function PresentationBar({ editor, onExit }: { editor: ChartEditor; onExit(): void }) {
  const name = useEditorSelector(editor, selectChartName);
  return (
    <div className={styles.presentationBar} data-testid="presentation-bar">
      <h1 className={styles.presentationTitle} title={name}>
        {name}
      </h1>
      <span className={styles.presentationHint}>P or Esc to leave</span>
      <button
        type="button"
        className="button"
        onClick={onExit}
        aria-keyshortcuts="P Escape"
        data-testid="exit-presentation"
      >
        Exit presentation
      </button>
    </div>
  );
}
