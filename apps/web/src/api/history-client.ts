import type {
  ChartRecord,
  RestoreBody,
  VersionDocument,
  VersionsResponse,
} from "@rolemap/contract";
import type { JsonRequest } from "./access-client";

/** A chart's versions, a version's document and restore (history.md). */
export interface HistoryApi {
  /** Newest first; `before` pages to older ones (the answer's `next`). */
  listVersions(
    chartId: string,
    page?: { before?: number; limit?: number },
    signal?: AbortSignal,
  ): Promise<VersionsResponse>;
  /** The chart's document as it was at `version`. */
  getVersion(chartId: string, version: number, signal?: AbortSignal): Promise<VersionDocument>;
  /** Owner: a new version whose document equals `version`'s (it also arrives live). */
  restoreVersion(chartId: string, body: RestoreBody): Promise<ChartRecord>;
}

const chart = (id: string) => `/charts/${encodeURIComponent(id)}`;

export function createHistoryApi(request: JsonRequest): HistoryApi {
  return {
    listVersions: (chartId, page = {}, signal) => {
      const query = new URLSearchParams();
      if (page.before !== undefined) query.set("before", String(page.before));
      if (page.limit !== undefined) query.set("limit", String(page.limit));
      const text = query.toString();
      return request("GET", `${chart(chartId)}/versions${text === "" ? "" : `?${text}`}`, {
        signal,
      });
    },
    getVersion: (chartId, version, signal) =>
      request("GET", `${chart(chartId)}/versions/${version}`, { signal }),
    restoreVersion: (chartId, body) => request("POST", `${chart(chartId)}/restore`, { body }),
  };
}
