import type { ChartDocument, ChartRecord, Comparison, PromoteConflict } from "@rolemap/contract";
import { compareCharts, mergeScenario } from "@rolemap/domain";
import { useMemo } from "react";
import { useVersionDocument } from "../api/history-hooks";

/**
 * What a promote will do to the primary, worked out here with the engine's own merge (the
 * server runs the same `mergeScenario` on the same documents): the scenario's changes since
 * its base applied to the primary as it is now. The comparison of the two charts is not
 * that when the primary changed since the scenario was made: it would list the primary's
 * later changes as undone, which a promote keeps.
 */
export type PromotePlan =
  /** What the primary becomes, and that as a comparison with the primary now. */
  | { ok: true; document: ChartDocument; diff: Comparison }
  /** What clashes: the promote would be refused (409 promote_conflict) and change nothing. */
  | { ok: false; conflicts: PromoteConflict[] };

const named = (document: ChartDocument, name: string): ChartDocument =>
  document.name === name ? document : { ...document, name };

/** Pure. A scenario's name is not one of its changes: the primary keeps its own. */
export function planPromote(
  base: ChartDocument,
  scenario: ChartDocument,
  current: ChartDocument,
): PromotePlan {
  const merged = mergeScenario(named(base, current.name), named(scenario, current.name), current);
  if (!merged.ok) return { ok: false, conflicts: merged.conflicts };
  return {
    ok: true,
    document: merged.document,
    diff: compareCharts(current, merged.document),
  };
}

export type PromotePreview =
  | { status: "loading" }
  | { status: "ready"; plan: PromotePlan; primaryMoved: boolean }
  /** The primary's base version cannot be read (or the charts are not a scenario pair). */
  | { status: "unknown" };

/**
 * The plan of promoting `scenario` into `primary`, once the primary's document at the
 * scenario's base is known (asked for only when the primary moved on since).
 */
export function usePromotePreview(primary: ChartRecord, scenario: ChartRecord): PromotePreview {
  const baseVersion = scenario.scenarioOf === primary.id ? scenario.baseVersion : undefined;
  const primaryMoved = baseVersion !== undefined && baseVersion !== primary.version;
  const base = useVersionDocument(primary.id, primaryMoved ? (baseVersion ?? null) : null);
  const baseDocument = primaryMoved ? base.data?.document : primary.document;
  const plan = useMemo(
    () =>
      baseDocument === undefined
        ? undefined
        : planPromote(baseDocument, scenario.document, primary.document),
    [baseDocument, scenario.document, primary.document],
  );
  if (baseVersion === undefined || base.isError) return { status: "unknown" };
  if (plan === undefined) return { status: "loading" };
  return { status: "ready", plan, primaryMoved };
}
