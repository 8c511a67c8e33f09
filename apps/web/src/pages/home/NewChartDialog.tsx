import { useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { useCreateChart, useTemplates } from "../../api/hooks";
import { Dialog } from "../../components/Dialog";
import { ErrorState } from "../../components/ErrorState";
import styles from "./NewChartDialog.module.css";

const BLANK = "blank";
const BLANK_NAME = "Untitled chart";

export function NewChartDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return open ? <NewChartForm onClose={onClose} /> : null;
}

/** Mounted only while open, so every opening starts from a clean form. */
function NewChartForm({ onClose }: { onClose(): void }) {
  const templates = useTemplates();
  const create = useCreateChart();
  const navigate = useNavigate();
  const [choice, setChoice] = useState<string>(BLANK);
  const [name, setName] = useState(BLANK_NAME);
  const [isNameEdited, setNameEdited] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);

  const selected = templates.data?.templates.find((t) => t.id === choice);
  const defaultName = (id: string) =>
    id === BLANK ? BLANK_NAME : (templates.data?.templates.find((t) => t.id === id)?.name ?? "");

  const choose = (id: string) => {
    setChoice(id);
    if (!isNameEdited) setName(defaultName(id));
  };

  const submit = () => {
    const trimmed = name.trim();
    if (trimmed === "") {
      setNameError("Give the chart a name.");
      return;
    }
    create.mutate(
      choice === BLANK ? { blank: true, name: trimmed } : { template: choice, name: trimmed },
      {
        onSuccess: (record) => navigate(`/charts/${record.id}`),
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="New chart"
      onSubmit={submit}
      testId="new-chart-dialog"
      className={styles.dialog}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending}
            data-testid="create-chart-submit"
          >
            {create.isPending ? "Creating…" : "Create chart"}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          value={name}
          maxLength={200}
          aria-invalid={nameError !== null}
          aria-describedby={nameError === null ? undefined : "new-chart-name-error"}
          onChange={(event) => {
            setName(event.target.value);
            setNameEdited(true);
            setNameError(null);
          }}
          data-testid="new-chart-name"
        />
        {nameError !== null && (
          <span id="new-chart-name-error" className="field-error" role="alert">
            {nameError}
          </span>
        )}
      </label>

      <div className={styles.picker}>
        <fieldset className={styles.choices}>
          <legend className="field-label">Start from</legend>
          <TemplateOption
            id={BLANK}
            name="Blank chart"
            checked={choice === BLANK}
            onChoose={choose}
          />
          {templates.isPending &&
            [1, 2, 3].map((i) => (
              <span key={i} className={`skeleton ${styles.optionSkeleton}`} aria-hidden="true" />
            ))}
          {templates.data?.templates.map((template) => (
            <TemplateOption
              key={template.id}
              id={template.id}
              name={template.name}
              checked={choice === template.id}
              onChoose={choose}
            />
          ))}
        </fieldset>
        <div className={styles.details} id="new-chart-details" aria-live="polite">
          {templates.isError ? (
            <ErrorState
              title="The templates could not be loaded."
              error={templates.error}
              onRetry={() => void templates.refetch()}
            />
          ) : choice === BLANK ? (
            <>
              <h3>Blank chart</h3>
              <p>
                A single CEO role to build under: add roles, reporting lines and responsibilities
                yourself.
              </p>
            </>
          ) : (
            selected !== undefined && (
              <>
                <h3>{selected.name}</h3>
                <p>{selected.description}</p>
                {selected.demonstrates !== undefined && (
                  <p className={styles.demonstrates}>
                    <strong>What its findings show: </strong>
                    {selected.demonstrates}
                  </p>
                )}
              </>
            )
          )}
        </div>
      </div>

      {create.isError && (
        <p className="field-error" role="alert">
          The chart could not be created: {describeError(create.error)}
        </p>
      )}
    </Dialog>
  );
}

function TemplateOption({
  id,
  name,
  checked,
  onChoose,
}: {
  id: string;
  name: string;
  checked: boolean;
  onChoose(id: string): void;
}) {
  return (
    <label className={styles.option} data-testid={`template-option-${id}`}>
      <input
        type="radio"
        name="start-from"
        value={id}
        checked={checked}
        onChange={() => onChoose(id)}
        aria-describedby={checked ? "new-chart-details" : undefined}
      />
      <span className={styles.optionName}>{name}</span>
    </label>
  );
}
