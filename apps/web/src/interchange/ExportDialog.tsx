import type { ExportOptions } from "@rolemap/contract";
import { exportFilename } from "@rolemap/export/naming";
import { type ReactNode, useCallback, useRef, useState } from "react";
import { describeError, type ExportedFile } from "../api/client";
import { Dialog } from "../components/Dialog";
import { type ChartEditor, selectDocument, useEditorSelector } from "../editor";
import { formatFileSize } from "../lib/file-size";
import { saveFile } from "../lib/save-file";
import styles from "./ExportDialog.module.css";
import { ExportPreview } from "./ExportPreview";
import { ExportSettings } from "./ExportSettings";
import { DEFAULT_EXPORT_OPTIONS, exportFormatInfo } from "./export-formats";
import { type ExportDownload, useExportDownload } from "./use-export-download";

export function ExportDialog({
  open,
  onClose,
  editor,
}: {
  open: boolean;
  onClose(): void;
  editor: ChartEditor;
}) {
  return open ? <ExportForm editor={editor} onClose={onClose} /> : null;
}

/** Mounted only while open: every opening starts from the defaults. */
function ExportForm({ editor, onClose }: { editor: ChartEditor; onClose(): void }) {
  const document = useEditorSelector(editor, selectDocument);
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const linkParent = useRef<HTMLDivElement>(null);
  const deliver = useCallback((file: ExportedFile, filename: string) => {
    if (linkParent.current !== null) saveFile(file.blob, filename, linkParent.current);
  }, []);
  const download = useExportDownload(editor, deliver);
  const filename = exportFilename(document.name, options.format);
  const label = exportFormatInfo(options.format).label;
  const isBusy = download.phase.kind === "fetching" || download.phase.kind === "waiting-for-save";

  return (
    <Dialog
      open
      onClose={onClose}
      title="Export chart"
      onSubmit={() => download.start({ options, filename })}
      testId="export-dialog"
      className={styles.dialog}
      footer={
        <>
          <DownloadStatus download={download} onRetrySave={() => editor.retryNow()} />
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={isBusy || download.isBlocked}
            data-testid="export-download"
          >
            {isBusy ? "Preparing…" : `Download ${label}`}
          </button>
        </>
      }
    >
      <div className={styles.layout} ref={linkParent}>
        <ExportSettings options={options} onChange={setOptions} />
        <div className={styles.previewColumn}>
          <ExportPreview document={document} options={options} />
          <p className={styles.filename}>
            File: <span data-testid="export-filename">{filename}</span>
          </p>
        </div>
      </div>
    </Dialog>
  );
}

/** Where the download is, in words: waiting for a save, preparing, done, failed, blocked. */
function DownloadStatus({
  download,
  onRetrySave,
}: {
  download: ExportDownload;
  onRetrySave(): void;
}) {
  const { phase, save, done } = download;
  const changes = `${save.pending} ${save.pending === 1 ? "change" : "changes"}`;
  let content: ReactNode = null;
  let kind: "info" | "problem" | "ok" = "info";
  if (download.isBlocked) {
    kind = "problem";
    content = (
      <>
        {save.status === "offline" ? "Offline: " : "Saving failed: "}
        {changes} not saved yet, so a file now would miss them.{" "}
        <button type="button" className="button button-small" onClick={onRetrySave}>
          Retry saving
        </button>
      </>
    );
  } else if (phase.kind === "waiting-for-save") content = "Saving your latest changes first…";
  else if (phase.kind === "fetching") content = "Preparing the file…";
  else if (phase.kind === "failed") {
    kind = "problem";
    content = `The export failed: ${describeError(phase.error)}`;
  } else if (done !== null) {
    kind = "ok";
    content = `✓ Downloaded ${done.filename} (${formatFileSize(done.size)}).`;
  } else if (save.status === "saving") content = "Your latest changes are being saved.";
  return (
    <p className={styles.status} data-kind={kind} role="status" data-testid="export-status">
      {content}
    </p>
  );
}
