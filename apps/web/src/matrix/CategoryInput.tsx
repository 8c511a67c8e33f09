import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import styles from "./ResponsibilityMatrix.module.css";

export interface CategoryInputProps {
  initialValue: string;
  /** Id of a <datalist> with the chart's categories. */
  listId: string;
  /** Called with the new category ("" clears it). */
  onCommit(value: string): void;
  onCancel(): void;
}

/** Edits a row's category in place: suggestions from the chart, Enter or leaving saves, Escape cancels. */
export function CategoryInput({ initialValue, listId, onCommit, onCancel }: CategoryInputProps) {
  const [value, setValue] = useState(initialValue);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && value.trim() !== initialValue.trim()) onCommit(value);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      finish(event.key === "Enter");
    }
  };

  return (
    <input
      ref={input}
      className={`input ${styles.rowInput}`}
      aria-label="Category (empty for none)"
      placeholder="Category"
      list={listId}
      value={value}
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
      data-testid="row-category-input"
    />
  );
}
