import { describeError } from "../api/client";

export interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?(): void;
  testId?: string;
}

export function ErrorState({ title, error, onRetry, testId = "error-state" }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert" data-testid={testId}>
      <p className="error-state-title">{title}</p>
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
