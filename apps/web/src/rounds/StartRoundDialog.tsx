import { useId, useState } from "react";
import { describeError } from "../api/client";
import { Dialog } from "../components/Dialog";
import {
  type ChartEditor,
  selectResponsibilities,
  selectRoles,
  useEditorSelector,
} from "../editor";
import styles from "./Rounds.module.css";
import { useRoundActions } from "./use-round-queries";

/**
 * The facilitator confirms the rows of a new round (the rows selected in the matrix are
 * ticked); every role of the chart is a column. Starting it makes those cells private entry
 * for everyone who can comment.
 */
export function StartRoundDialog({
  editor,
  open,
  onClose,
}: {
  editor: ChartEditor;
  open: boolean;
  onClose(): void;
}) {
  return open ? <StartRoundForm editor={editor} onClose={onClose} /> : null;
}

function StartRoundForm({ editor, onClose }: { editor: ChartEditor; onClose(): void }) {
  const rows = useEditorSelector(editor, selectResponsibilities);
  const roleCount = useEditorSelector(editor, (s) => selectRoles(s).length);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => {
    const selected = new Set(editor.getState().selection.responsibilities);
    return new Set(rows.filter((row) => selected.has(row.id)).map((row) => row.id));
  });
  const { start } = useRoundActions(editor.chartId);
  const hintId = useId();

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const submit = () => {
    if (chosen.size === 0) return;
    // In the chart's order, whatever order they were ticked in.
    const responsibilities = rows.filter((row) => chosen.has(row.id)).map((row) => row.id);
    start.mutate({ responsibilities }, { onSuccess: onClose });
  };

  return (
    <Dialog
      open
      title="Start a silent round"
      onClose={onClose}
      onSubmit={submit}
      testId="start-round-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={chosen.size === 0 || start.isPending}
            data-testid="confirm-start-round"
          >
            {start.isPending
              ? "Starting…"
              : `Start on ${chosen.size} ${chosen.size === 1 ? "row" : "rows"}`}
          </button>
        </>
      }
    >
      <p id={hintId}>
        Everyone who can comment fills in their own codes for these rows ({roleCount}{" "}
        {roleCount === 1 ? "role" : "roles"} each). No one sees another's codes until you reveal
        them; the chart does not change until you adopt a result.
      </p>
      {rows.length === 0 ? (
        <p className={styles.error}>The chart has no responsibilities yet: add rows first.</p>
      ) : (
        <>
          <div className={styles.choiceTools}>
            <button
              type="button"
              className="button button-small"
              onClick={() => setChosen(new Set(rows.map((row) => row.id)))}
            >
              Choose all
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setChosen(new Set())}
              disabled={chosen.size === 0}
            >
              Clear
            </button>
            <span aria-live="polite">
              {chosen.size} of {rows.length} chosen
            </span>
          </div>
          <fieldset className={styles.rowChoices} aria-describedby={hintId}>
            <legend className="visually-hidden">Rows of the round</legend>
            {rows.map((row) => (
              <label key={row.id} className={styles.rowChoice}>
                <input
                  type="checkbox"
                  checked={chosen.has(row.id)}
                  onChange={() => toggle(row.id)}
                  data-testid={`round-choose-${row.id}`}
                />
                {row.name}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {start.error !== null && (
        <p className={styles.error} role="alert">
          The round could not start: {describeError(start.error)}
        </p>
      )}
    </Dialog>
  );
}
