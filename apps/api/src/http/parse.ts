import { type InputIssue, toInputIssues } from "@rolemap/contract";
import type { z } from "zod";
import { invalidInput } from "../errors";

/** Parses a request part with its contract schema; a failure is a 400 naming each path. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(`invalid ${where}`, prefixIssues(toInputIssues(result.error), ""));
}

/** Puts a prefix before each issue path: `document` + `roles[0].id` → `document.roles[0].id`. */
export function prefixIssues(issues: InputIssue[], prefix: string): InputIssue[] {
  if (prefix === "") return issues;
  return issues.map((issue) => ({
    ...issue,
    path:
      issue.path === ""
        ? prefix
        : issue.path.startsWith("[")
          ? `${prefix}${issue.path}`
          : `${prefix}.${issue.path}`,
  }));
}
