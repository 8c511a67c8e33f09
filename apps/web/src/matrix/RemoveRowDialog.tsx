import { Dialog } from "../components/Dialog";
import type { ChartEditor } from "../editor";
import type { MatrixRow } from "./matrix-model";
import { removeRowEdit } from "./row-operations";

export interface RemoveRowDialogProps {
  editor: ChartEditor;
  /** The row to remove; null keeps the dialog closed. */
  row: MatrixRow | null;
  assignmentCount: number;
  onDone(removed: boolean): void;
}

/** Asks before a row and its assignments go (undo brings them back, and says so). */
export function RemoveRowDialog({ editor, row, assignmentCount, onDone }: RemoveRowDialogProps) {
  const remove = () => {
    if (row === null) return;
    const edit = removeRowEdit(row);
    editor.apply(edit.operations, edit.label);
    onDone(true);
  };
  return (
    <Dialog
      open={row !== null}
      title={row === null ? "Remove responsibility" : `Remove “${row.name}”?`}
      onClose={() => onDone(false)}
      onSubmit={remove}
      testId="remove-row-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" data-testid="confirm-remove-row">
            Remove
          </button>
        </>
      }
    >
      <p>
        {assignmentCount === 0
          ? "The row has no assignments."
          : `Its ${assignmentCount} ${assignmentCount === 1 ? "assignment goes" : "assignments go"} with it.`}{" "}
        You can undo this with Ctrl+Z.
      </p>
    </Dialog>
  );
}
