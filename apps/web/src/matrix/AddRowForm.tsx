import { type FormEvent, useEffect, useRef, useState } from "react";
import styles from "./ResponsibilityMatrix.module.css";

export interface AddRowFormProps {
  /** Id of the <datalist> with the chart's categories. */
  categoriesListId: string;
  /** Adds the row; returns false when the name was refused (blank). */
  onAdd(name: string, category: string): boolean;
  onClose(): void;
}

/**
 * Adds responsibilities one after another: Enter adds the row and clears the name for the
 * next one (the category stays), Escape closes.
 */
export function AddRowForm({ categoriesListId, onAdd, onClose }: AddRowFormProps) {
  const [name, setName] = useState("");
  const [category, setCategory] = useState("");
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => nameInput.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!onAdd(name, category)) {
      setError("Give the responsibility a name");
      nameInput.current?.focus();
      return;
    }
    setName("");
    setError(null);
    nameInput.current?.focus();
  };

  return (
    <form
      className={styles.addForm}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
      aria-label="Add a responsibility"
      data-testid="add-row-form"
    >
      <label className={styles.addField}>
        <span className={styles.addLabel}>Name</span>
        <input
          ref={nameInput}
          className="input"
          value={name}
          maxLength={200}
          placeholder="e.g. Vendor management"
          aria-invalid={error !== null}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          data-testid="add-row-name"
        />
      </label>
      <label className={styles.addField}>
        <span className={styles.addLabel}>Category</span>
        <input
          className="input"
          value={category}
          list={categoriesListId}
          maxLength={200}
          placeholder="optional"
          onChange={(event) => setCategory(event.target.value)}
          data-testid="add-row-category"
        />
      </label>
      <button type="submit" className="button button-primary" data-testid="add-row-submit">
        Add
      </button>
      <button type="button" className="button button-ghost" onClick={onClose}>
        Done
      </button>
      {error !== null && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
