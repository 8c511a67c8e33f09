import { type ComponentProps, lazy, Suspense, useEffect } from "react";
import { Dialog } from "../components/Dialog";
import { whenIdle } from "../lib/when-idle";
import type { ExportDialog as EagerExportDialog } from "./ExportDialog";
import type { ImportDialog as EagerImportDialog } from "./ImportDialog";

/**
 * The Export and Import dialogs as chunks of their own: they bring the renderer, the CSV
 * reader and the contract's schemas, which no page needs to show itself. Their code loads
 * when the page is idle (`preloadInterchangeDialogs`), or when one is opened first.
 */
const loadExportDialog = () => import("./ExportDialog");
const loadImportDialog = () => import("./ImportDialog");

const LazyExportDialog = lazy(async () => ({ default: (await loadExportDialog()).ExportDialog }));
const LazyImportDialog = lazy(async () => ({ default: (await loadImportDialog()).ImportDialog }));

export function preloadInterchangeDialogs(): Promise<unknown> {
  return Promise.all([loadExportDialog(), loadImportDialog()]);
}

/** For a page that offers the dialogs: their code loads once the page has nothing else to do. */
export function usePreloadedInterchangeDialogs(): void {
  useEffect(() => whenIdle(preloadInterchangeDialogs), []);
}

/** Until a dialog's code is there: the dialog already open, with its title, saying so. */
function DialogLoading({ title, onClose }: { title: string; onClose(): void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <p aria-busy="true">Loading…</p>
    </Dialog>
  );
}

export function ExportDialog(props: ComponentProps<typeof EagerExportDialog>) {
  if (!props.open) return null;
  return (
    <Suspense fallback={<DialogLoading title="Export chart" onClose={props.onClose} />}>
      <LazyExportDialog {...props} />
    </Suspense>
  );
}

export function ImportDialog(props: ComponentProps<typeof EagerImportDialog>) {
  if (!props.open) return null;
  // The titles ImportDialog gives itself.
  const title =
    props.target.kind === "merge" ? "Import a matrix into this chart" : "Import a chart";
  return (
    <Suspense fallback={<DialogLoading title={title} onClose={props.onClose} />}>
      <LazyImportDialog {...props} />
    </Suspense>
  );
}
