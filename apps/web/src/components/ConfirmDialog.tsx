import type { ReactNode } from "react";
import { describeError } from "../api/client";
import { Dialog } from "./Dialog";

/**
 * "Delete …?": what will happen, Cancel, and a danger button that says what it does (and
 * what it is doing while the request runs); a failure is said under the text.
 */
export function ConfirmDialog({
  open = true,
  title,
  onClose,
  onConfirm,
  confirmLabel,
  pendingLabel,
  isPending,
  error,
  failure,
  testId,
  confirmTestId,
  children,
}: {
  open?: boolean;
  title: string;
  onClose(): void;
  onConfirm(): void;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  /** The request's error, if it failed. */
  error: unknown;
  /** "Deleting failed": the words before the error's. */
  failure: string;
  testId: string;
  confirmTestId: string;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      testId={testId}
      onSubmit={onConfirm}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-danger"
            disabled={isPending}
            data-testid={confirmTestId}
          >
            {isPending ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error != null && (
        <p className="field-error" role="alert">
          {failure}: {describeError(error)}
        </p>
      )}
    </Dialog>
  );
}
