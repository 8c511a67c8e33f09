import type { ExportOptions } from "@rolemap/contract";
import { useCallback, useEffect, useState } from "react";
import type { ExportedFile } from "../api/client";
import { useExportChart } from "../api/hooks";
import { type ChartEditor, type SaveState, selectSave, useEditorSelector } from "../editor";

export interface ExportRequest {
  options: ExportOptions;
  /** The name to save under when the server gives none. */
  filename: string;
}

export type DownloadPhase =
  /** Nothing asked yet, or the last download is done (see `done`). */
  | { kind: "idle" }
  /** Asked while edits were still on their way to the server: waits for them. */
  | { kind: "waiting-for-save" }
  | { kind: "fetching" }
  | { kind: "failed"; error: unknown };

export interface ExportDownload {
  phase: DownloadPhase;
  save: SaveState;
  /** Edits are not saved and not being saved (failed or offline): a file now would miss them. */
  isBlocked: boolean;
  /** The last file handed to the browser. */
  done: { filename: string; size: number } | null;
  start(request: ExportRequest): void;
}

/**
 * Downloads an export of the chart as the server has it, so only once every edit is saved:
 * asked while saving, it waits for the save; while saves fail (or the browser is offline) it
 * refuses rather than hand out a file without the latest edits. `deliver` gives the file to
 * the browser.
 */
export function useExportDownload(
  editor: ChartEditor,
  deliver: (file: ExportedFile, filename: string) => void,
): ExportDownload {
  const save = useEditorSelector(editor, selectSave);
  const exportChart = useExportChart();
  const { mutate, reset } = exportChart;
  const [waiting, setWaiting] = useState<ExportRequest | null>(null);
  const [done, setDone] = useState<ExportDownload["done"]>(null);
  const isBlocked = save.status === "failed" || save.status === "offline";

  const fetchFile = useCallback(
    (request: ExportRequest) =>
      mutate(
        { id: editor.chartId, options: request.options },
        {
          onSuccess: (file) => {
            const filename = file.filename ?? request.filename;
            deliver(file, filename);
            setDone({ filename, size: file.blob.size });
          },
        },
      ),
    [mutate, editor, deliver],
  );

  useEffect(() => {
    if (waiting === null) return;
    if (save.status === "saved") {
      setWaiting(null);
      fetchFile(waiting);
    } else if (save.status === "failed" || save.status === "offline") setWaiting(null);
  }, [waiting, save.status, fetchFile]);

  const start = (request: ExportRequest) => {
    if (exportChart.isPending || waiting !== null) return;
    setDone(null);
    reset();
    const status = editor.getState().save.status;
    if (status === "saved") fetchFile(request);
    else if (status === "saving") setWaiting(request);
  };

  const phase: DownloadPhase =
    waiting !== null
      ? { kind: "waiting-for-save" }
      : exportChart.isPending
        ? { kind: "fetching" }
        : exportChart.isError
          ? { kind: "failed", error: exportChart.error }
          : { kind: "idle" };
  return { phase, save, isBlocked, done, start };
}
