import { randomUUID } from "node:crypto";
import type {
  ChartRecord,
  RestoreBody,
  VersionDocument,
  VersionsQuery,
  VersionsResponse,
} from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import type { Principal } from "../auth/principal";
import { AppError, notFound, unauthenticated } from "../errors";
import type { ChartAccess } from "./chart-access";
import { authorOf, toRecord } from "./chart-service";
import type { ChartWriter } from "./chart-writer";
import type { CountsRefresher } from "./counts-refresher";
import type { HistoryStore, Rebuilt } from "./history-store";
import { planReplacement } from "./write-plans";

/** Why version `v` of a chart cannot be shown, in words (404 not_found). */
function unavailable(id: string, version: number, rebuilt: Exclude<Rebuilt, { status: "found" }>) {
  switch (rebuilt.status) {
    case "no_chart":
      return notFound(`chart ${id}`);
    case "future":
      return new AppError(
        "not_found",
        `chart ${id} has no version ${version}: it is at version ${rebuilt.current}`,
      );
    case "unrecorded":
      return new AppError(
        "not_found",
        `version ${version} of chart ${id} was written before its history was kept; versions from ${rebuilt.firstRecorded} on can be shown`,
      );
    case "compacted":
      return new AppError(
        "not_found",
        `version ${version} of chart ${id} was compacted away: of old versions, only named ones (created, restored, promoted, restored to) are kept; the version list shows which remain`,
      );
  }
}

/**
 * The version list, a version's document and restore (history.md), independent of HTTP.
 * Every method passes the access gate first: view to read, owner to restore.
 */
export function createHistoryService(
  history: HistoryStore,
  access: ChartAccess,
  writer: ChartWriter,
  counts: CountsRefresher,
) {
  const documentAt = async (id: string, version: number) => {
    const rebuilt = await history.rebuild(id, version);
    if (rebuilt.status !== "found") throw unavailable(id, version, rebuilt);
    return rebuilt.document;
  };

  return {
    async versions(
      principal: Principal | undefined,
      id: string,
      query: VersionsQuery,
    ): Promise<VersionsResponse> {
      await access.require(principal, id, "view");
      const page = await history.listVersions(id, query);
      if (page === undefined) throw notFound(`chart ${id}`);
      return page;
    },

    async version(
      principal: Principal | undefined,
      id: string,
      version: number,
    ): Promise<VersionDocument> {
      await access.require(principal, id, "view");
      return { id, version, document: await documentAt(id, version) };
    },

    /** A new version whose document is version `v`'s, through the one write path. */
    async restore(
      principal: Principal | undefined,
      id: string,
      body: RestoreBody,
    ): Promise<ChartRecord> {
      if (principal === undefined) throw unauthenticated();
      const level = await access.require(principal, id, "owner");
      // A past version never changes: rebuilt outside the write, applied under its lock.
      const document = await documentAt(id, body.version);
      const outcome = await writer.write({
        chartId: id,
        batchId: randomUUID(),
        kind: "restore",
        author: authorOf(principal, null),
        meta: { restoredFrom: body.version },
        plan: planReplacement(level, () => document),
      });
      if (outcome.status === "not_found") throw notFound(`chart ${id}`);
      // No expected version and a fresh batch id: anything else is a bug.
      if (outcome.status !== "committed")
        throw new Error(`restore of chart ${id}: ${outcome.status}`);
      const { chart } = outcome;
      await counts.save(chart, validateChart(chart.document));
      return toRecord(chart, level);
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
