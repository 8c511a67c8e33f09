import type { Round } from "@rolemap/contract";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useRoundActions } from "./use-round-queries";

/** Asks before a round and everyone's codes in it are removed for good. */
export function RemoveRoundDialog({
  round,
  open,
  onClose,
}: {
  round: Round;
  open: boolean;
  onClose(): void;
}) {
  const { remove } = useRoundActions(round.chartId);
  const isOpen = round.status === "open";
  return (
    <ConfirmDialog
      open={open}
      title={isOpen ? "Cancel the silent round?" : "Remove the silent round?"}
      onClose={onClose}
      onConfirm={() => remove.mutate(round.id, { onSuccess: onClose })}
      confirmLabel={isOpen ? "Cancel round" : "Remove round"}
      pendingLabel="Removing…"
      isPending={remove.isPending}
      error={remove.error}
      failure="Removing failed"
      testId="remove-round-dialog"
      confirmTestId="confirm-remove-round"
    >
      <p>
        {round.participants === 0
          ? "No one has filled in codes yet."
          : `The codes ${round.participants} ${round.participants === 1 ? "person" : "people"} filled in go with it, for everyone.`}{" "}
        {isOpen
          ? "The chart does not change."
          : "Results you adopted stay in the chart. Download the votes first to keep them."}
      </p>
    </ConfirmDialog>
  );
}
