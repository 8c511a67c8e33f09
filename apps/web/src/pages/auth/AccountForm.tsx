import { PASSWORD_MIN_LENGTH, SetupBodySchema } from "@rolemap/contract";
import { type ReactNode, useState } from "react";
import { Field } from "../../components/Field";
import { AuthForm, SubmitRow } from "./AuthForm";
import { type FieldErrors, fieldErrors, hasErrors, serverFieldErrors } from "./form-errors";

export interface AccountValues {
  name: string;
  email: string;
  password: string;
}
type AccountField = keyof AccountValues;
const FIELDS: readonly AccountField[] = ["name", "email", "password"];

/**
 * Name, email and a new password, checked with the contract's schema before anything is
 * sent (the setup screen and an invite's page). `error` is the server's refusal.
 */
export function AccountForm({
  onSubmit,
  isPending,
  error,
  failure,
  submitLabel,
  testId,
}: {
  onSubmit(values: AccountValues): void;
  isPending: boolean;
  /** The request's error, for its field problems. */
  error: unknown;
  /** The refusal in words, shown under the fields (its test id: `<testId>-error`). */
  failure: ReactNode;
  submitLabel: string;
  testId: string;
}) {
  const [values, setValues] = useState<AccountValues>({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<AccountField>>({});
  const shown = { ...serverFieldErrors(error, FIELDS), ...errors };

  const change = (field: AccountField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <AuthForm
      testId={testId}
      onSubmit={() => {
        const found = fieldErrors(SetupBodySchema, values);
        setErrors(found);
        if (!hasErrors(found)) onSubmit(values);
      }}
    >
      <Field
        label="Your name"
        autoComplete="name"
        value={values.name}
        onChange={(event) => change("name", event.target.value)}
        error={shown.name}
        maxLength={80}
        testId={`${testId}-name`}
        autoFocus
      />
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        value={values.email}
        onChange={(event) => change("email", event.target.value)}
        error={shown.email}
        testId={`${testId}-email`}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words in a row are easy to remember.`}
        value={values.password}
        onChange={(event) => change("password", event.target.value)}
        error={shown.password}
        testId={`${testId}-password`}
      />
      <SubmitRow
        failure={failure}
        failureTestId={`${testId}-error`}
        isPending={isPending}
        label={submitLabel}
        pendingLabel="Creating the account…"
        testId={`${testId}-submit`}
      />
    </AuthForm>
  );
}
