import {
  ChartDocumentSchema,
  type InputIssue,
  type Operation,
  OperationSchema,
  toInputIssues,
} from "@rolemap/contract";

/**
 * The contract's checks of an edit's field values, as the server makes them first: its zod
 * schemas, in a chunk of their own (see lazy-operation-checks) because building them is a
 * good part of a slow machine's start-up and no edit can come before the chart is shown.
 */
export function operationFieldIssues(operations: readonly Operation[]): InputIssue[] {
  return operations.flatMap((operation, at) => {
    const parsed = OperationSchema.safeParse(operation);
    if (parsed.success) return [];
    return toInputIssues(parsed.error).map((issue) => ({
      path: `operations[${at}]${issue.path === "" ? "" : `.${issue.path}`}`,
      message: issue.message,
    }));
  });
}

/** A new chart name (a plain string in the operation schema) by the document schema. */
export function chartNameIssues(name: string): InputIssue[] {
  const parsed = ChartDocumentSchema.shape.name.safeParse(name);
  if (parsed.success) return [];
  return toInputIssues(parsed.error).map((issue) => ({ ...issue, path: "name" }));
}
