import type { AccessLevel } from "@rolemap/contract";
import { accessLevelOf, mayDo, type Principal } from "../auth/principal";
import { forbidden, notFound, unauthenticated } from "../errors";
import type { AccessStore } from "./access-store";

/**
 * The one gate in front of a chart. No principal: 401. A chart the principal cannot see,
 * or that does not exist: the same 404 (no probing for ids). Seen but not allowed: 403.
 */
export function createChartAccess(store: AccessStore) {
  return {
    async require(
      principal: Principal | undefined,
      chartId: string,
      needed: AccessLevel,
    ): Promise<AccessLevel> {
      if (principal === undefined) throw unauthenticated();
      const grant = await store.chartGrant(
        chartId,
        principal.kind === "account" ? principal.account.id : undefined,
      );
      const level = grant === undefined ? undefined : accessLevelOf(principal, chartId, grant);
      if (level === undefined) throw notFound(`chart ${chartId}`);
      if (!mayDo(level, needed))
        throw forbidden(`this needs ${needed} access to the chart; you have ${level} access`);
      return level;
    },
  };
}

export type ChartAccess = ReturnType<typeof createChartAccess>;
