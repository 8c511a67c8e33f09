import {
  ChartIdParamsSchema,
  RestoreBodySchema,
  VersionDocumentSchema,
  VersionParamsSchema,
  VersionsQuerySchema,
  VersionsResponseSchema,
} from "@rolemap/contract";
import type { Builders, Problem } from "./openapi";

/** A chart's history (apps/api/README.md, "History") in the OpenAPI document. */

export const HISTORY_SCHEMAS = {
  Versions: VersionsResponseSchema,
  VersionDocument: VersionDocumentSchema,
  RestoreBody: RestoreBodySchema,
} as const;

const NO_SUCH_VERSION: Problem = [
  404,
  "not_found: the chart (or one the principal cannot see), a version it has not reached, or a version that cannot be rebuilt: compacted away (HISTORY_COMPACT_AFTER_DAYS) or written before the chart's history was kept; the message says which",
];

export function historyPaths({ operation, reply, parameters }: Builders) {
  const chartId = parameters(ChartIdParamsSchema, "path");
  return {
    "/api/charts/{id}/versions": {
      parameters: [...chartId, ...parameters(VersionsQuerySchema, "query")],
      get: operation({
        summary:
          "The chart's versions, newest first (view access): who, when, kind and the change in words; `next` is the `before` of the next page",
        responses: { 200: reply("a page of versions", "Versions") },
        problems: [400, 401, 404],
      }),
    },
    "/api/charts/{id}/versions/{v}": {
      parameters: parameters(VersionParamsSchema, "path"),
      get: operation({
        summary: "The chart's document as it was at version v (view access)",
        responses: { 200: reply("the document at that version", "VersionDocument") },
        problems: [400, 401, NO_SUCH_VERSION],
      }),
    },
    "/api/charts/{id}/restore": {
      parameters: chartId,
      post: operation({
        summary:
          "Restore a version (owner): a new version whose document equals it; nothing is erased; announced live as `applied`",
        body: "RestoreBody",
        responses: { 200: reply("the chart at its new version", "ChartRecord") },
        problems: [400, 401, 403, NO_SUCH_VERSION, 413],
      }),
    },
  };
}
