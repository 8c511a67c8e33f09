import type { ChartListItem } from "@rolemap/contract";
import { describeError } from "../../api/client";
import { useDeleteChart } from "../../api/hooks";
import { Dialog } from "../../components/Dialog";

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
    <Dialog
      open={open}
      onClose={close}
      title={`Delete “${chart.name}”?`}
      testId="delete-chart-dialog"
      onSubmit={() => remove.mutate(chart.id, { onSuccess: close })}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-danger"
            disabled={remove.isPending}
            data-testid="confirm-delete"
          >
            {remove.isPending ? "Deleting…" : "Delete chart"}
          </button>
        </>
      }
    >
      <p>
        The chart, its reporting lines and its responsibility matrix will be deleted for everyone.
        This cannot be undone.
      </p>
      {remove.isError && (
        <p className="field-error" role="alert">
          Deleting failed: {describeError(remove.error)}
        </p>
      )}
    </Dialog>
  );
}
