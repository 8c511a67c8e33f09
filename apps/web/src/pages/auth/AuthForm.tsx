import type { ReactNode } from "react";
import styles from "./AuthPage.module.css";

/** An auth page's form: checked by the page (not the browser), submitted by Enter or its button. */
export function AuthForm({
  onSubmit,
  testId,
  children,
}: {
  onSubmit(): void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <form
      className={styles.form}
      noValidate
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

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
