import type {
  CompareResponse,
  ComparisonExportQuery,
  CreateScenarioBody,
  PromoteBody,
  PromoteResponse,
  ScenarioRecord,
  ScenariosResponse,
} from "@rolemap/contract";
import type { JsonRequest } from "./access-client";
import type { ExportedFile } from "./client";

/** The client's way to fetch a file (`Accept: *\/*`): the body as a Blob. */
export type FileRequest = (path: string, signal?: AbortSignal) => Promise<ExportedFile>;

export type ComparisonFormat = ComparisonExportQuery["format"];

/** What-if scenarios, their comparison with the original and promote (history.md). */
export interface ScenariosApi {
  /** The scenarios made from a chart. */
  listScenarios(chartId: string, signal?: AbortSignal): Promise<ScenariosResponse>;
  /** A new scenario: a copy of the chart as it is now, a chart of its own. */
  createScenario(chartId: string, body: CreateScenarioBody): Promise<ScenarioRecord>;
  /** What `b` changes relative to `a` (added = in `b` only), with the findings delta. */
  compareCharts(a: string, b: string, signal?: AbortSignal): Promise<CompareResponse>;
  /**
   * Applies the scenario's changes to its original as one new version. ApiError 409
   * `promote_conflict` (its issues: each clash) when the original changed the same things.
   */
  promoteScenario(scenarioId: string, body?: PromoteBody): Promise<PromoteResponse>;
  /** The comparison as a file for the deck: PDF, PNG or SVG. */
  exportComparison(
    a: string,
    b: string,
    format: ComparisonFormat,
    signal?: AbortSignal,
  ): Promise<ExportedFile>;
}

const chart = (id: string) => `/charts/${encodeURIComponent(id)}`;
const compare = (a: string, b: string) => `${chart(a)}/compare/${encodeURIComponent(b)}`;

export function createScenariosApi(request: JsonRequest, download: FileRequest): ScenariosApi {
  return {
    listScenarios: (chartId, signal) => request("GET", `${chart(chartId)}/scenarios`, { signal }),
    createScenario: (chartId, body) => request("POST", `${chart(chartId)}/scenarios`, { body }),
    compareCharts: (a, b, signal) => request("GET", compare(a, b), { signal }),
    promoteScenario: (scenarioId, body = {}) =>
      request("POST", `${chart(scenarioId)}/promote`, { body }),
    exportComparison: (a, b, format, signal) =>
      download(`${compare(a, b)}/export?${new URLSearchParams({ format })}`, signal),
  };
}
