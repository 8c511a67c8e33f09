import type { ChartDocument, Operation } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import { canonicalDocument } from "./rows";

/**
 * A past version's document: a snapshot with the logged batches after it applied in order.
 * The batches go to the engine as one list (each operation sees the ones before it, as when
 * they were written), so a hundred small batches cost one pass over the chart, not a hundred.
 */
export function replay(
  snapshot: ChartDocument,
  batches: readonly (readonly Operation[])[],
): ChartDocument {
  if (batches.length === 0) return snapshot;
  const applied = applyOperations(snapshot, batches.flat());
  // Every batch was accepted by the write path from exactly this document: a bug if not.
  if (!applied.ok)
    throw new Error(
      `a logged batch no longer applies to its version: ${applied.issues[0]?.path} ${applied.issues[0]?.message}`,
    );
  // As the tables would have read it back (a vacant holder is null, …).
  return canonicalDocument(applied.document);
}
