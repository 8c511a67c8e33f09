import { describeError } from "../api/client";
import styles from "./History.module.css";
import type { VersionPreview } from "./use-version-preview";
import { formatVersionTime } from "./version-groups";

/**
 * Above the chart while a past version is shown: which one, by whom and when, that it is
 * read-only, Restore (the owner) and Back to now (or Escape).
 */
export function PreviewBanner({
  preview,
  canRestore,
  onRestore,
}: {
  preview: VersionPreview;
  canRestore: boolean;
  onRestore(): void;
}) {
  const { selected } = preview;
  if (selected === null) return null;
  const when = formatVersionTime(selected.at);
  return (
    <section
      className={styles.banner}
      aria-label="Past version"
      aria-live="polite"
      data-testid="version-preview-banner"
      data-version={selected.version}
    >
      <p className={styles.bannerText}>
        {preview.error !== null ? (
          <span role="alert">
            Version {selected.version} could not be loaded: {describeError(preview.error)}
          </span>
        ) : preview.isLoading ? (
          <>Loading version {selected.version}…</>
        ) : (
          <>
            <strong>Viewing version {selected.version}</strong> · {when} by {selected.by.name} —{" "}
            <span className={styles.readOnly}>read-only</span>
          </>
        )}
      </p>
      <div className={styles.bannerActions}>
        {canRestore && preview.editor !== null && (
          <button
            type="button"
            className="button button-small"
            onClick={onRestore}
            data-testid="restore-version-button"
          >
            Restore this version…
          </button>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          onClick={preview.close}
          aria-keyshortcuts="Escape"
          title="Back to the chart as it is now (Escape)"
          data-testid="back-to-now"
        >
          Back to now
        </button>
      </div>
    </section>
  );
}
