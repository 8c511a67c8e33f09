import type { VersionSummary } from "@rolemap/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { useVersionDocument } from "../api/history-hooks";
import type { ChartEditor } from "../editor";
import { createPreviewEditor, type PreviewEditor } from "./preview-editor";

export interface VersionPreview {
  /** The past version shown (its who, when and summary); null: the chart as it is now. */
  selected: VersionSummary | null;
  /** What the canvas and matrix read while a past version is shown; null before it loads. */
  editor: PreviewEditor | null;
  isLoading: boolean;
  error: unknown;
  show(version: VersionSummary): void;
  /** Back to now. */
  close(): void;
}

/**
 * Which past version the page shows instead of the live chart, as a read-only editor the
 * canvas and matrix read (preview-editor.ts). Moving between versions updates that editor in
 * place; going back to now drops it. The live editor goes on meanwhile, unseen.
 */
export function useVersionPreview(live: ChartEditor): VersionPreview {
  const [selected, setSelected] = useState<VersionSummary | null>(null);
  const [editor, setEditor] = useState<PreviewEditor | null>(null);
  const query = useVersionDocument(live.chartId, selected?.version ?? null);
  const current = useRef<PreviewEditor | null>(null);

  useEffect(() => {
    const answer = query.data;
    if (selected === null || answer === undefined || answer.version !== selected.version) return;
    if (current.current === null) {
      current.current = createPreviewEditor(
        live.chartId,
        answer.document,
        answer.version,
        selected.at,
      );
      setEditor(current.current);
    } else current.current.show(answer.document, answer.version, selected.at);
  }, [query.data, selected, live.chartId]);

  const close = useCallback(() => {
    setSelected(null);
    current.current?.dispose();
    current.current = null;
    setEditor(null);
  }, []);

  useEffect(() => () => current.current?.dispose(), []);

  // Escape goes back to now, unless something nearer took it (a dialog, a menu, a field).
  const isPreviewing = selected !== null;
  useEffect(() => {
    if (!isPreviewing) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("dialog, [popover], input, textarea, select") != null) return;
      close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isPreviewing, close]);

  return {
    selected,
    editor: selected === null ? null : editor,
    isLoading: selected !== null && query.isPending,
    error: query.error,
    show: setSelected,
    close,
  };
}
