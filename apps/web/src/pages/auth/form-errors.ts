import type { InputIssue } from "@rolemap/contract";
import { ApiError } from "../../api/client";

/** What a form needs of a zod schema: its problems, each with the path of its field. */
interface Checks {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
  };
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The first problem of each field, by the contract's schema of the request's body. */
export function fieldErrors<F extends string>(schema: Checks, values: Record<F, string>) {
  const errors: FieldErrors<F> = {};
  for (const issue of schema.safeParse(values).error?.issues ?? []) {
    const field = String(issue.path[0] ?? "") as F;
    errors[field] ??= sentence(issue.message);
  }
  return errors;
}

/** The server's problems with the fields of the form (400 `invalid_input` with paths). */
export function serverFieldErrors<F extends string>(error: unknown, fields: readonly F[]) {
  const errors: FieldErrors<F> = {};
  const issues: InputIssue[] = error instanceof ApiError ? error.issues : [];
  for (const issue of issues) {
    const field = fields.find((name) => name === issue.path);
    if (field !== undefined) errors[field] ??= sentence(issue.message);
  }
  return errors;
}

export const hasErrors = (errors: FieldErrors<string>) => Object.keys(errors).length > 0;

/** "password must be at least 10 characters" → "Password must be at least 10 characters." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
