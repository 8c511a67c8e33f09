import type { ReactNode } from "react";
import styles from "./AuthPage.module.css";

/** The end of an auth page's form: why the last try failed (if it did), and the one button. */
export function SubmitRow({
  failure,
  failureTestId,
  isPending,
  label,
  pendingLabel,
  testId,
}: {
  /** The refusal in words, or nothing. */
  failure: ReactNode;
  failureTestId?: string;
  isPending: boolean;
  label: string;
  pendingLabel: string;
  testId: string;
}) {
  return (
    <>
      {failure ? (
        <p className="field-error" role="alert" data-testid={failureTestId}>
          {failure}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button
          type="submit"
          className="button button-primary"
          disabled={isPending}
          data-testid={testId}
        >
          {isPending ? pendingLabel : label}
        </button>
      </div>
    </>
  );
}
