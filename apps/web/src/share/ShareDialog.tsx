import { Dialog } from "../components/Dialog";
import { LinksSection } from "./LinksSection";
import { MembersSection } from "./MembersSection";
import styles from "./ShareDialog.module.css";

/**
 * The owner's Share dialog: share links per access level (created, copied once, revoked)
 * and members (accounts) with their levels. Every change is saved at once; there is
 * nothing to confirm, so the dialog has one button to close it.
 */
export function ShareDialog({
  chartId,
  chartName,
  open,
  onClose,
}: {
  chartId: string;
  chartName: string;
  open: boolean;
  onClose(): void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Share “${chartName}”`}
      testId="share-dialog"
      className={styles.dialog}
      footer={
        <button type="button" className="button" onClick={onClose} data-testid="share-done">
          Done
        </button>
      }
    >
      {open && (
        <>
          <LinksSection chartId={chartId} />
          <MembersSection chartId={chartId} />
        </>
      )}
    </Dialog>
  );
}
