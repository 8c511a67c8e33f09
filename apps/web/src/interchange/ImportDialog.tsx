import { IMPORT_FORMATS, type ImportFormat } from "@rolemap/contract";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, describeError } from "../api/client";
import { useImportChart, useImportPreview } from "../api/hooks";
import { Dialog } from "../components/Dialog";
import { type ChartEditor, type SaveState, selectSave, useEditorSelector } from "../editor";
import { formatFileSize } from "../lib/file-size";
import styles from "./ImportDialog.module.css";
import { ImportPreviewPanel } from "./ImportPreviewPanel";
import {
  chartNameFromFileName,
  guessImportFormat,
  IMPORT_FORMAT_LABELS,
  type ImportFile,
  readImportFile,
} from "./import-file";
import { ProblemList } from "./ProblemList";
import { useFileDrop } from "./use-file-drop";

/** A new chart from a file (home page), or a matrix merged into the open chart. */
export type ImportTarget = { kind: "new" } | { kind: "merge"; editor: ChartEditor };

export function ImportDialog({
  open,
  onClose,
  target,
}: {
  open: boolean;
  onClose(): void;
  target: ImportTarget;
}) {
  if (!open) return null;
  return target.kind === "merge" ? (
    <MergeForm editor={target.editor} onClose={onClose} />
  ) : (
    <ImportForm onClose={onClose} editor={null} save={null} />
  );
}

/** The open chart must have every edit saved first: the server merges into its own copy. */
function MergeForm({ editor, onClose }: { editor: ChartEditor; onClose(): void }) {
  const save = useEditorSelector(editor, selectSave);
  return <ImportForm onClose={onClose} editor={editor} save={save} />;
}

/** The name a JSON chart document gives itself, if it does. */
function documentName(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    const name =
      typeof parsed === "object" && parsed !== null && "name" in parsed ? parsed.name : null;
    return typeof name === "string" && name.trim() !== "" ? name.trim().slice(0, 200) : null;
  } catch {
    return null;
  }
}

function defaultName(file: ImportFile, format: ImportFormat): string {
  return (format === "json" ? documentName(file.text) : null) ?? chartNameFromFileName(file.name);
}

/** Mounted only while open: every opening starts with no file. */
function ImportForm({
  editor,
  save,
  onClose,
}: {
  editor: ChartEditor | null;
  /** The open chart's save state when merging into it. */
  save: SaveState | null;
  onClose(): void;
}) {
  const isMerge = editor !== null;
  const navigate = useNavigate();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [format, setFormat] = useState<ImportFormat>(isMerge ? "matrix-csv" : "org-csv");
  const [name, setName] = useState("");
  const [isNameEdited, setNameEdited] = useState(false);
  const importChart = useImportChart();

  const into = editor?.chartId;
  const hasText = file !== null && file.text.trim() !== "";
  const preview = useImportPreview(
    { format, into },
    hasText ? { fileId: file.id, text: file.text } : null,
  );

  const pick = async (picked: File) => {
    setReadError(null);
    importChart.reset();
    try {
      const read = await readImportFile(picked);
      const guessed = isMerge ? "matrix-csv" : guessImportFormat(read.name, read.text);
      setFile(read);
      setFormat(guessed);
      if (!isNameEdited) setName(defaultName(read, guessed));
    } catch (error) {
      setFile(null);
      setReadError(`The file could not be read: ${describeError(error)}`);
    }
  };
  const drop = useFileDrop((dropped) => void pick(dropped));

  const chooseFormat = (next: ImportFormat) => {
    setFormat(next);
    importChart.reset();
    if (file !== null && !isNameEdited) setName(defaultName(file, next));
  };

  const canImport =
    file !== null &&
    hasText &&
    preview.isSuccess &&
    preview.data.problems.length === 0 &&
    !importChart.isPending &&
    (save === null || save.status === "saved");

  const submit = () => {
    if (!canImport || file === null) return;
    const trimmed = name.trim();
    importChart.mutate(
      {
        request: { format, into, name: isMerge || trimmed === "" ? undefined : trimmed },
        text: file.text,
      },
      {
        onSuccess: (record) => {
          if (editor === null) {
            navigate(`/charts/${record.id}`);
            return;
          }
          const counts = preview.data?.counts;
          const what =
            counts === undefined
              ? ""
              : ` (${counts.responsibilities} new ${counts.responsibilities === 1 ? "responsibility" : "responsibilities"}, ${counts.assignments} ${counts.assignments === 1 ? "assignment" : "assignments"} set)`;
          editor.replaceFromServer(
            record,
            `Imported the matrix from “${file.name}”${what}. Undo history was cleared: the import itself cannot be undone with Undo.`,
          );
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={isMerge ? "Import a matrix into this chart" : "Import a chart"}
      onSubmit={submit}
      testId="import-dialog"
      className={styles.dialog}
      dropHandlers={drop.handlers}
      footer={
        <>
          {save !== null && <MergeSaveStatus save={save} />}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!canImport}
            data-testid="import-submit"
          >
            {importChart.isPending ? "Importing…" : isMerge ? "Merge into chart" : "Import"}
          </button>
        </>
      }
    >
      <div
        className={styles.dropZone}
        data-dragging={drop.isDragging}
        data-testid="import-drop-zone"
      >
        <label className={`button ${styles.chooseButton}`}>
          {file === null ? "Choose a file…" : "Choose another file…"}
          <input
            type="file"
            className="visually-hidden"
            accept={
              isMerge ? ".csv,.tsv,.txt,text/csv" : ".csv,.tsv,.txt,.json,text/csv,application/json"
            }
            onChange={(event) => {
              const picked = event.target.files?.[0];
              // Cleared so picking the same file again (after fixing it) reads it again.
              event.target.value = "";
              if (picked !== undefined) void pick(picked);
            }}
            data-testid="import-file-input"
          />
        </label>
        {drop.isDragging ? (
          <span className={styles.dropHint}>Drop the file to read it</span>
        ) : file === null ? (
          <span className={styles.dropHint}>or drop it here</span>
        ) : (
          <span className={styles.fileInfo} data-testid="import-file-name">
            <strong>{file.name}</strong> · {formatFileSize(file.size)}
            {file.encoding === "windows-1252" && (
              <span className={styles.encoding}>
                {" "}
                · not UTF-8: read as Windows-1252 (check accented letters)
              </span>
            )}
          </span>
        )}
      </div>
      {readError !== null && (
        <p className="field-error" role="alert">
          {readError}
        </p>
      )}

      {isMerge ? (
        <p className={styles.mergeNote}>
          A matrix CSV: responsibilities down the first column, this chart's role titles across the
          header, codes R, A, C, I, S in the cells. Each row replaces the codes of its
          responsibility; responsibilities the file does not list keep theirs; new names become new
          responsibilities. Undo cannot take the merge back: export the matrix first to keep a copy.
        </p>
      ) : (
        <div className={styles.fields}>
          <fieldset className={styles.formatGroup}>
            <legend className="field-label">
              File type
              {file !== null && (
                <span className={styles.guessed}>(guessed from the file: change it if wrong)</span>
              )}
            </legend>
            {IMPORT_FORMATS.map((value) => (
              <label key={value} className={styles.format} data-testid={`import-format-${value}`}>
                <input
                  type="radio"
                  name="import-format"
                  value={value}
                  checked={format === value}
                  onChange={() => chooseFormat(value)}
                />
                <span className={styles.formatText}>
                  <span className={styles.formatLabel}>{IMPORT_FORMAT_LABELS[value].label}</span>
                  <span className={styles.formatHint}>{IMPORT_FORMAT_LABELS[value].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field-label">Chart name</span>
            <input
              className="input"
              value={name}
              maxLength={200}
              placeholder="Imported chart"
              onChange={(event) => {
                setName(event.target.value);
                setNameEdited(true);
              }}
              data-testid="import-name"
            />
          </label>
        </div>
      )}

      <section className={styles.previewSection} aria-label="Preview of the import">
        <ImportPreviewPanel file={file} preview={preview} mode={isMerge ? "merge" : "new"} />
      </section>

      {importChart.isError && <ImportFailure error={importChart.error} />}
    </Dialog>
  );
}

/** The merge waits for the open chart's edits to be saved; says so while they are not. */
function MergeSaveStatus({ save }: { save: SaveState }) {
  if (save.status === "saved") return null;
  return (
    <p className={styles.saveStatus} role="status" data-testid="import-save-status">
      {save.status === "saving"
        ? "Saving your latest changes…"
        : "Your latest changes are not saved yet: merge once they are."}
    </p>
  );
}

/** The import was refused (the file changed meaning since the preview, say): every problem. */
function ImportFailure({ error }: { error: unknown }) {
  const problems =
    error instanceof ApiError
      ? error.issues.map((issue) => ({
          where: issue.path === "" ? null : issue.path.replace(/^line/, "Line"),
          message: issue.message,
        }))
      : [];
  return (
    <div className={styles.failure} role="alert" data-testid="import-error">
      <p className="field-error">
        Nothing was imported: {error instanceof ApiError ? error.message : describeError(error)}
      </p>
      {problems.length > 0 && <ProblemList problems={problems} label="Why the import failed" />}
    </div>
  );
}
