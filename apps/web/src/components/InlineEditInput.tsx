import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

export interface InlineEditInputProps {
  initialValue: string;
  /** Accessible name of the field ("Chart name"). */
  label: string;
  /** Called with the trimmed new value (only when it changed and is valid). */
  onCommit(value: string): void;
  onCancel(): void;
  /** A message for an invalid value, or null. Blank values are always refused. */
  validate?(value: string): string | null;
  maxLength?: number;
  className?: string;
  testId?: string;
}

/**
 * A text field that edits a value in place: Enter or leaving the field saves, Escape
 * cancels. Opens focused with the text selected.
 */
export function InlineEditInput({
  initialValue,
  label,
  onCommit,
  onCancel,
  validate,
  maxLength = 200,
  className,
  testId,
}: InlineEditInputProps) {
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const problem = (text: string) =>
    text.trim() === "" ? `${label} cannot be empty` : (validate?.(text.trim()) ?? null);

  const commit = (fromBlur: boolean) => {
    if (done.current) return;
    const trimmed = value.trim();
    const message = problem(value);
    if (message !== null) {
      if (fromBlur) {
        done.current = true;
        onCancel();
      } else setError(message);
      return;
    }
    done.current = true;
    if (trimmed === initialValue.trim()) onCancel();
    else onCommit(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(false);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      done.current = true;
      onCancel();
    }
  };

  return (
    <span className="inline-edit">
      <input
        ref={input}
        className={`input ${className ?? ""}`}
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : errorId}
        value={value}
        maxLength={maxLength}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => commit(true)}
        data-testid={testId}
      />
      {error !== null && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
