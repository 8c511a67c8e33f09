import type { AccessLevel } from "@rolemap/contract";
import { accessLevelOf, mayDo, type Principal } from "../auth/principal";
import { forbidden, notFound, unauthenticated } from "../errors";
import type { AccessStore } from "./access-store";

/**
 * The one gate in front of a chart. No principal: 401. A chart the principal cannot see,
 * or that does not exist: the same 404 (no probing for ids). Seen but not allowed: 403.
 */
export function createChartAccess(
  store: AccessStore,
  /** Told when a chart is removed (the access cache drops its grants). */
  chartRemoved: (chartId: string) => void = () => {},
) {
  /** The principal's level on the chart; undefined when it cannot see it (or it is gone). */
  const level = async (principal: Principal, chartId: string): Promise<AccessLevel | undefined> => {
    const grant = await store.chartGrant(
      chartId,
      principal.kind === "account" ? principal.account.id : undefined,
    );
    return grant === undefined ? undefined : accessLevelOf(principal, chartId, grant);
  };

  return {
    level,
    chartRemoved,

    /** The chart a scenario was made from (its access passes through it); undefined otherwise. */
    async originalOf(chartId: string): Promise<string | undefined> {
      return (await store.chartGrant(chartId, undefined))?.original?.id;
    },

    async require(
      principal: Principal | undefined,
      chartId: string,
      needed: AccessLevel,
    ): Promise<AccessLevel> {
      if (principal === undefined) throw unauthenticated();
      const found = await level(principal, chartId);
      if (found === undefined) throw notFound(`chart ${chartId}`);
      if (!mayDo(found, needed))
        throw forbidden(`this needs ${needed} access to the chart; you have ${found} access`);
      return found;
    },
  };
}

export type ChartAccess = ReturnType<typeof createChartAccess>;
