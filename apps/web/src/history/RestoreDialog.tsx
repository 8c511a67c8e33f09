import type { VersionSummary } from "@rolemap/contract";
import { useRestoreVersion } from "../api/history-hooks";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatVersionTime } from "./version-groups";

/** "Restore version 42?": the owner confirms; the chart becomes that version as a new one. */
export function RestoreDialog({
  chartId,
  version,
  onClose,
  onRestored,
}: {
  chartId: string;
  /** The version to restore; null: closed. */
  version: VersionSummary | null;
  onClose(): void;
  onRestored(): void;
}) {
  const restore = useRestoreVersion(chartId);
  const close = () => {
    restore.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={version !== null}
      title={`Restore version ${version?.version ?? ""}?`}
      onClose={close}
      onConfirm={() => {
        if (version === null) return;
        restore.mutate(version.version, {
          onSuccess: () => {
            restore.reset();
            onRestored();
          },
        });
      }}
      confirmLabel={`Restore version ${version?.version ?? ""}`}
      pendingLabel="Restoring…"
      isPending={restore.isPending}
      error={restore.error}
      failure="Restoring failed"
      testId="restore-dialog"
      confirmTestId="confirm-restore"
    >
      {version !== null && (
        <>
          <p>
            The chart goes back to how it was at version {version.version} (
            {formatVersionTime(version.at)}, by {version.by.name}): roles, lines and the matrix.
          </p>
          <p>
            This is a new version on top of the others: nothing is erased, and you can restore
            today's chart the same way. Everyone working on the chart sees it at once.
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}
