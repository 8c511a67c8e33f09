import { z } from "zod";
import { AccessLevelSchema } from "./access";
import { ChartDocumentSchema } from "./chart";
import { FindingSchema } from "./finding";
import { OperationBatchSchema } from "./operations";

/** Schemas of the HTTP API's bodies. The API parses with them; clients infer types. */

export const DatabaseKindSchema = z.enum(["embedded", "postgres"]);
/** `degraded` (HTTP 503): the database did not answer the health check's query in time. */
export const HealthResponseSchema = z.strictObject({
  status: z.enum(["ok", "degraded"]),
  database: DatabaseKindSchema,
  databaseReachable: z.boolean(),
  /** How long the database took to answer; null when it did not. */
  databaseLatencyMs: z.number().nonnegative().nullable(),
});

export const ErrorCodeSchema = z.enum([
  "invalid_input",
  "malformed_json",
  "payload_too_large",
  "not_found",
  "version_conflict",
  "conflict",
  "promote_conflict",
  "locked",
  "unsupported_media_type",
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "cross_site",
  "already_set_up",
  "rate_limited",
  "request_timeout",
  "unknown_host",
  "limit_exceeded",
  "server_busy",
  "database_unavailable",
  "internal",
]);
export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: ErrorCodeSchema,
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
});

export const ChartIdSchema = z.uuid({ error: "chart id must be a UUID" });
export const ChartIdParamsSchema = z.strictObject({ id: ChartIdSchema });

export const ChartRecordSchema = z.strictObject({
  id: ChartIdSchema,
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
  document: ChartDocumentSchema,
  /** What the asker may do with this chart. */
  access: AccessLevelSchema,
  /** For a what-if scenario (history.md): the chart it was copied from and that chart's version then. */
  scenarioOf: ChartIdSchema.optional(),
  baseVersion: z.int().min(1).optional(),
});

export const TemplateSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  demonstrates: z.string().optional(),
});
export const TemplatesResponseSchema = z.strictObject({
  templates: z.array(TemplateSummarySchema),
});

export const CreateChartBodySchema = z.union(
  [
    z.strictObject({ document: z.unknown() }),
    z.strictObject({ template: z.string().min(1), name: z.string().optional() }),
  ],
  { error: 'body must be {"document": …} or {"template": "ID", "name": "…"}' },
);

export const ReplaceChartBodySchema = z.strictObject({
  document: z.unknown(),
  version: z.int({ error: "version must be an integer" }).min(1),
});

export const OperationsBodySchema = z.strictObject({
  operations: OperationBatchSchema,
  /** When given, the batch applies only if the chart is still at this version. */
  version: z.int().min(1).optional(),
});

export const OperationsResponseSchema = z.strictObject({
  id: ChartIdSchema,
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
  findings: z.array(FindingSchema),
});

export const ListChartsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ChartListItemSchema = z.strictObject({
  id: ChartIdSchema,
  name: z.string(),
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
  counts: z.strictObject({
    roles: z.int().min(0),
    responsibilities: z.int().min(0),
    errors: z.int().min(0),
    warnings: z.int().min(0),
    infos: z.int().min(0),
  }),
  /** What the asker may do with this chart. */
  access: AccessLevelSchema,
  /** Who owns it: "shared with me" when that is not the asker. */
  owner: z.strictObject({ id: z.uuid(), name: z.string() }),
  /** For a what-if scenario: the chart it was copied from. */
  scenarioOf: ChartIdSchema.optional(),
});

export const ChartListResponseSchema = z.strictObject({
  charts: z.array(ChartListItemSchema),
  total: z.int().min(0),
  limit: z.int(),
  offset: z.int(),
});

export type DatabaseKind = z.infer<typeof DatabaseKindSchema>;
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type ChartRecord = z.infer<typeof ChartRecordSchema>;
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
export type TemplatesResponse = z.infer<typeof TemplatesResponseSchema>;
export type CreateChartBody = z.infer<typeof CreateChartBodySchema>;
export type ReplaceChartBody = z.infer<typeof ReplaceChartBodySchema>;
export type OperationsBody = z.infer<typeof OperationsBodySchema>;
export type OperationsResponse = z.infer<typeof OperationsResponseSchema>;
export type ListChartsQuery = z.infer<typeof ListChartsQuerySchema>;
export type ChartListItem = z.infer<typeof ChartListItemSchema>;
export type ChartListResponse = z.infer<typeof ChartListResponseSchema>;
