import type { ChartDocument, Operation } from "@rolemap/contract";
import { summariseOperations } from "@rolemap/domain";
import type { CommitInput } from "../services/chart-store";
import { describeTouched } from "./touched-words";

/** A version's change in words, as the version list shows it (history.md). */

/** The summary of a create's row. */
export const CREATED_SUMMARY = "created the chart";

/** From this many operations a batch is described by what it touched (see summaryOf). */
export const LARGE_BATCH = 1_000;

/** A change in words, as the version list shows it. */
export function summaryOf(
  kind: CommitInput["kind"],
  before: ChartDocument,
  operations: readonly Operation[],
  meta: CommitInput["meta"],
  after: ChartDocument,
): string {
  // Naming a whole replacement of a large chart part by part is tens of ms more inside the
  // write's transaction: count what it touched instead.
  const words =
    operations.length > LARGE_BATCH
      ? describeTouched(operations, before)
      : summariseOperations(before, operations, after);
  if (kind === "restore" && meta?.restoredFrom !== undefined)
    return `restored version ${meta.restoredFrom}: ${words}`;
  if (kind === "promote" && meta?.promotedFrom !== undefined)
    return `promoted the scenario "${meta.promotedFrom.name}": ${words}`;
  if (kind === "import") return `imported: ${words}`;
  return words;
}

/**
 * The words for a log row written before summaries were kept, made when it is read: the
 * chart before it cannot be rebuilt (no snapshot reaches back), so by what its operations
 * touched, named from `names` (a later version of the chart); a row without operations (a
 * create, or from before the operation log) by its kind.
 */
export function summaryOfLoggedRow(
  kind: string,
  operations: readonly Operation[] | null,
  names: ChartDocument | undefined,
): string {
  if (kind === "create") return CREATED_SUMMARY;
  if (operations === null)
    return kind === "import" ? "imported a file" : "changed the chart (no details were kept)";
  const words = describeTouched(operations, names);
  return kind === "import" ? `imported: ${words}` : words;
}
