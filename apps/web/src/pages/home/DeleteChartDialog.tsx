import type { ChartListItem } from "@rolemap/contract";
import { useDeleteChart } from "../../api/hooks";
import { ConfirmDialog } from "../../components/ConfirmDialog";

export function DeleteChartDialog({
  chart,
  open,
  onClose,
}: {
  chart: Pick<ChartListItem, "id" | "name">;
  open: boolean;
  onClose(): void;
}) {
  const remove = useDeleteChart();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      onClose={close}
      title={`Delete “${chart.name}”?`}
      testId="delete-chart-dialog"
      onConfirm={() => remove.mutate(chart.id, { onSuccess: close })}
      confirmLabel="Delete chart"
      pendingLabel="Deleting…"
      confirmTestId="confirm-delete"
      isPending={remove.isPending}
      error={remove.error}
      failure="Deleting failed"
    >
      <p>
        The chart, its reporting lines and its responsibility matrix will be deleted for everyone.
        This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
