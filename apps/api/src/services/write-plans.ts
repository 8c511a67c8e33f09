import {
  type AccessLevel,
  type ChartDocument,
  ChartNameSchema,
  type Operation,
} from "@rolemap/contract";
import { applyOperations, operationsBetween, structuralConflicts } from "@rolemap/domain";
import { AppError, forbidden, invalidInput } from "../errors";
import type { CommitInput, LockedChart } from "./chart-store";

/**
 * How a write derives its change from the chart as it is, under the chart's row lock
 * (`CommitInput.plan`). Each plan checks what depends on that moment: the facilitator's
 * lock, renames (the owner's), and for operations the merge rules of live.md.
 */

/**
 * What a write derives under the row lock, and (for a big batch) what it can do before:
 * `prepare` applies the batch to the chart as this process last held it, on a turn of the
 * event loop of its own (chart-writer.ts), and the plan uses that result when the lock finds
 * the very same document (and applies again otherwise).
 */
export type Plan = CommitInput["plan"] & { prepare?: (document: ChartDocument) => void };

/** From this many operations a batch is applied ahead of its transaction. */
const APPLY_AHEAD_FROM = 200;

function assertNotLocked(level: AccessLevel, chart: LockedChart) {
  if (chart.lockedBy !== null && level !== "owner")
    throw new AppError(
      "locked",
      "the facilitator has locked this chart: only its owner can change it now; nothing was changed",
    );
}

/** Renaming is the owner's (access.md); an editor's change that renames is refused whole. */
export function assertMayRename(level: AccessLevel, before: ChartDocument, after: ChartDocument) {
  if (level !== "owner" && before.name !== after.name)
    throw forbidden("only the chart's owner may rename it; nothing was changed");
}

/** A rename must give a valid name: the only document rule an operation's schema cannot check. */
function assertNamesValid(operations: readonly Operation[]) {
  operations.forEach((operation, at) => {
    if (operation.op !== "updateChart" || operation.name === undefined) return;
    const parsed = ChartNameSchema.safeParse(operation.name);
    if (!parsed.success)
      throw invalidInput("invalid chart name", [
        {
          path: `operations[${at}].name`,
          message: parsed.error.issues[0]?.message ?? "invalid name",
        },
      ]);
  });
}

/**
 * How a transport's batches merge. Live batches follow live.md's merge rules: a target
 * that is gone, a second solid-line manager or a cycle rejects the batch as `conflict`.
 * HTTP keeps its contract: a missing target is `invalid_input` (400), and a second manager
 * or a cycle is applied and reported as a finding (`org/multiple-managers`, `org/cycle`).
 */
export type MergePolicy = "http" | "live";

/** A batch of operations, applied to the chart as it is (not as it was when it was made). */
export function planOperations(
  level: AccessLevel,
  operations: Operation[],
  policy: MergePolicy,
): Plan {
  assertNamesValid(operations);
  let ahead: { base: ChartDocument; result: ReturnType<typeof applyOperations> } | undefined;
  const plan: Plan = (current) => {
    assertNotLocked(level, current);
    const applied =
      ahead?.base === current.document
        ? ahead.result
        : applyOperations(current.document, operations);
    ahead = undefined;
    if (!applied.ok)
      throw policy === "live"
        ? new AppError(
            "conflict",
            "the operations no longer apply to the chart as it is now; nothing was changed",
            applied.issues,
          )
        : invalidInput("the operations do not apply to this chart", applied.issues);
    assertMayRename(level, current.document, applied.document);
    const conflicts = policy === "live" ? structuralConflicts(applied.document, operations) : [];
    if (conflicts.length > 0)
      throw new AppError(
        "conflict",
        "the operations would give a role a second solid-line manager or close a cycle; nothing was changed",
        conflicts,
      );
    return { document: applied.document, operations };
  };
  if (operations.length >= APPLY_AHEAD_FROM)
    plan.prepare = (document) => {
      ahead = { base: document, result: applyOperations(document, operations) };
    };
  return plan;
}

/**
 * A whole new document (PUT, import): logged as the operations it amounts to, so live
 * clients replay it like any batch.
 */
export function planReplacement(
  level: AccessLevel,
  derive: (current: ChartDocument) => ChartDocument,
): Plan {
  return (current) => {
    assertNotLocked(level, current);
    const document = derive(current.document);
    assertMayRename(level, current.document, document);
    return { document, operations: operationsBetween(current.document, document) };
  };
}
