import type { z } from "zod";

/** One problem of an invalid input, as the API and CLI report it. */
export interface InputIssue {
  /** JSON path such as `assignments[3].role`; empty for the document itself. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** `assignments[3].role: unknown role "cxo"` — one line per problem. */
export function describeIssue(issue: InputIssue): string {
  return `${issue.path === "" ? "(document)" : issue.path}: ${issue.message}`;
}
