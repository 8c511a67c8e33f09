import type { UseMutationResult } from "@tanstack/react-query";
import { useRef } from "react";
import { Link } from "react-router";
import { describeError, type ExportedFile } from "../api/client";
import type { ComparisonFormat } from "../api/scenarios-client";
import { saveFile } from "../lib/save-file";
import { AppHeader } from "../pages/AppHeader";
import { chartPath } from "../scenarios/scenario-paths";
import type { CompareView } from "./CompareCanvases";
import styles from "./ComparePage.module.css";

const VIEWS: readonly { view: CompareView; label: string }[] = [
  { view: "overlay", label: "Overlay" },
  { view: "side-by-side", label: "Side by side" },
];

const FORMATS: readonly { format: ComparisonFormat; label: string }[] = [
  { format: "pdf", label: "PDF" },
  { format: "png", label: "PNG" },
];

export interface CompareHeaderProps {
  backTo: { id: string; name: string };
  title: { after: string; before: string };
  view: CompareView;
  onView(view: CompareView): void;
  exporting: UseMutationResult<ExportedFile, Error, ComparisonFormat>;
  /** The download's name (without extension) when the server gives none. */
  filename: string;
  /** For a scenario of the first chart: why promote is not possible (null: it is), and how. */
  promote: { block: string | null; start(): void } | null;
}

/** The compare view's header: the way back, what is compared, the view, export, promote. */
export function CompareHeader({
  backTo,
  title,
  view,
  onView,
  exporting,
  filename,
  promote,
}: CompareHeaderProps) {
  const downloads = useRef<HTMLDivElement>(null);
  const isPreparing = (format: ComparisonFormat) =>
    exporting.isPending && exporting.variables === format;
  const exportAs = (format: ComparisonFormat) =>
    exporting.mutate(format, {
      onSuccess: (file) =>
        saveFile(
          file.blob,
          file.filename ?? `${filename}.${format}`,
          downloads.current ?? document.body,
        ),
    });

  return (
    <AppHeader>
      <Link
        to={chartPath(backTo.id)}
        className={`button button-small button-ghost ${styles.back}`}
        data-testid="compare-back"
      >
        <span aria-hidden="true">←</span> Back
        <span className="visually-hidden"> to {backTo.name}</span>
      </Link>
      <h1 className={styles.title}>
        <span className={styles.titleWord}>Compare</span>{" "}
        <span className={styles.titleNames} data-testid="compare-title">
          {title.after} <span className={styles.quiet}>with</span> {title.before}
        </span>
      </h1>
      <div className={styles.tools}>
        {/* biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form's fieldset. */}
        <div className={styles.segmented} role="group" aria-label="View">
          {VIEWS.map((option) => (
            <button
              key={option.view}
              type="button"
              className={styles.segment}
              aria-pressed={view === option.view}
              onClick={() => onView(option.view)}
              data-testid={`view-${option.view}`}
            >
              {option.label}
            </button>
          ))}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fieldset. */}
        <div
          ref={downloads}
          className={styles.exports}
          role="group"
          aria-label="Export the comparison"
        >
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              className="button button-small"
              disabled={exporting.isPending}
              onClick={() => exportAs(format)}
              title={`Export the comparison as ${label}`}
              aria-label={isPreparing(format) ? undefined : `Export ${label}`}
              data-testid={`export-comparison-${format}`}
            >
              {isPreparing(format) ? (
                `Preparing ${label}…`
              ) : (
                <>
                  <span className={styles.exportWord}>Export </span>
                  {label}
                </>
              )}
            </button>
          ))}
          {exporting.isError && (
            <span className="field-error" role="alert" data-testid="export-comparison-error">
              Export failed: {describeError(exporting.error)}
            </span>
          )}
        </div>
        {promote !== null && (
          <button
            type="button"
            className="button button-small button-primary"
            aria-disabled={promote.block !== null}
            aria-describedby={promote.block === null ? undefined : "promote-reason"}
            title={promote.block ?? "Apply the scenario's changes to the primary"}
            onClick={() => {
              if (promote.block === null) promote.start();
            }}
            data-testid="promote-button"
          >
            Promote…
          </button>
        )}
      </div>
    </AppHeader>
  );
}
