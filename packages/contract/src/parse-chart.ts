import { type ChartDocument, ChartDocumentSchema } from "./chart";
import { formatPath, type InputIssue, toInputIssues } from "./issues";
import { checkReferences } from "./references";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/**
 * Parses a chart document and names every problem. zod stops before cross-reference
 * checks when a field is malformed, so those are run on the raw input as well and merged:
 * a user fixing a file sees all of its problems at once.
 */
export function parseChart(input: unknown): ParseResult<ChartDocument> {
  const result = ChartDocumentSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = toInputIssues(result.error);
  const seen = new Set(issues.map((issue) => `${issue.path}\u0000${issue.message}`));
  for (const problem of checkReferences(input)) {
    const issue = { path: formatPath(problem.path), message: problem.message };
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return { ok: false, issues };
}
