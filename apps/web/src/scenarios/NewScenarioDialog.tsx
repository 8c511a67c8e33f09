import { useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../api/client";
import { Dialog } from "../components/Dialog";
import { Field } from "../components/Field";
import type { ChartEditor } from "../editor";
import { chartPath } from "./scenario-paths";
import { useCreateScenario } from "./scenario-queries";
import { whenSaved } from "./when-saved";

/** The contract's limit (ScenarioNameSchema). */
const NAME_MAX = 120;

export interface NewScenarioDialogProps {
  open: boolean;
  onClose(): void;
  primary: { id: string; name: string };
  /** The primary's editor when this page has it: the copy waits for its edits to be saved. */
  primaryEditor?: ChartEditor | undefined;
}

export function NewScenarioDialog(props: NewScenarioDialogProps) {
  return props.open ? <NewScenarioForm {...props} /> : null;
}

/**
 * "New scenario…": a name, then a copy of the primary as it is now, opened at once. Mounted
 * only while open, so every opening starts from an empty name.
 */
function NewScenarioForm({ onClose, primary, primaryEditor }: NewScenarioDialogProps) {
  const create = useCreateScenario(primary.id);
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = () => {
    const trimmed = name.trim();
    if (trimmed === "") {
      setNameError("Name the scenario, for example “CISO under CIO”.");
      return;
    }
    create.mutate(
      {
        name: trimmed,
        ...(primaryEditor === undefined ? {} : { before: () => whenSaved(primaryEditor) }),
      },
      { onSuccess: (record) => navigate(chartPath(record.id)) },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="New scenario"
      onSubmit={submit}
      testId="new-scenario-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending}
            data-testid="new-scenario-submit"
          >
            {create.isPending ? "Creating…" : "Create and open"}
          </button>
        </>
      }
    >
      <p>
        A what-if copy of <strong>{primary.name}</strong> as it is now. Try a change there and
        compare it with the primary; nothing changes in {primary.name} until someone promotes the
        scenario.
      </p>
      <Field
        label="Scenario name"
        value={name}
        maxLength={NAME_MAX}
        placeholder="CISO under CIO"
        error={nameError}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(null);
        }}
        testId="new-scenario-name"
      />
      {create.isError && (
        <p className="field-error" role="alert">
          The scenario could not be made: {describeError(create.error)}
        </p>
      )}
    </Dialog>
  );
}
