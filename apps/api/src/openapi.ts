import {
  ChartDocumentSchema,
  ChartIdParamsSchema,
  ChartListResponseSchema,
  ChartRecordSchema,
  CompareParamsSchema,
  ComparisonExportQuerySchema,
  CreateChartBodySchema,
  ErrorBodySchema,
  ExportOptionsSchema,
  FindingsResponseSchema,
  HealthResponseSchema,
  ImportOptionsSchema,
  ImportPreviewSchema,
  ListChartsQuerySchema,
  OperationsBodySchema,
  OperationsResponseSchema,
  ReplaceChartBodySchema,
  TemplatesResponseSchema,
} from "@rolemap/contract";
import { z } from "zod";
import { HEALTH_DEADLINE_MS } from "./db/database-health";
import {
  ACCESS_SCHEMAS,
  accountPaths,
  authPaths,
  CROSS_SITE,
  PUBLIC,
  SECURITY,
  SECURITY_SCHEMES,
} from "./openapi-access";
import { COMMENT_SCHEMAS, commentPaths } from "./openapi-comments";
import { HISTORY_SCHEMAS, historyPaths } from "./openapi-history";
import { ROUND_SCHEMAS, roundPaths } from "./openapi-rounds";
import { SCENARIO_SCHEMAS, scenarioPaths } from "./openapi-scenarios";

const SCHEMAS = {
  ChartDocument: ChartDocumentSchema,
  ChartRecord: ChartRecordSchema,
  ChartList: ChartListResponseSchema,
  CreateChartBody: CreateChartBodySchema,
  ReplaceChartBody: ReplaceChartBodySchema,
  OperationsBody: OperationsBodySchema,
  OperationsResponse: OperationsResponseSchema,
  Findings: FindingsResponseSchema,
  Health: HealthResponseSchema,
  Templates: TemplatesResponseSchema,
  ImportPreview: ImportPreviewSchema,
  ...ACCESS_SCHEMAS,
  ...COMMENT_SCHEMAS,
  ...HISTORY_SCHEMAS,
  ...ROUND_SCHEMAS,
  ...SCENARIO_SCHEMAS,
  Error: ErrorBodySchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;
const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName) => ({ content: { "application/json": { schema: ref(name) } } });
const reply = (description: string, name: SchemaName) => ({ description, ...json(name) });

/** What each error status means in this API (the codes of errors.ts). */
const PROBLEMS: Record<number, string> = {
  400: "invalid_input or malformed_json: error.issues says what is wrong and where",
  401: "unauthenticated: no session cookie, API token or share-link session",
  403: "forbidden: the principal's access does not allow this; or cross_site: a write authenticated by cookie that came from another origin",
  404: "not_found; a chart the principal cannot see answers the same",
  409: "a conflict with the stored state",
  413: "payload_too_large: the body is over the server's limit",
  421: "unknown_host: the request's Host is not a name this server answers to (ALLOWED_HOSTS, APP_ORIGIN); a page on a rebound DNS name gets this",
  423: "locked: the facilitator has locked the chart (live.md); only its owner can change it now",
  429: "rate_limited: too many requests from this principal (or client address); wait and retry",
  503: "database_unavailable: the database is down, unreachable or did not answer in time; retry after Retry-After seconds",
};
/** The export and import pool's limits (apps/api/README.md, "Files in and out"). */
const INTERCHANGE_PROBLEMS: Problem[] = [
  [
    422,
    "limit_exceeded: the export or import took longer than INTERCHANGE_TIMEOUT_MS or needed more than INTERCHANGE_MEMORY_MB, and was stopped",
  ],
  [
    429,
    "rate_limited: this principal already has INTERCHANGE_PER_PRINCIPAL exports or imports running; retry after Retry-After seconds",
  ],
  [
    503,
    "server_busy: every export thread is busy and the queue is full; retry after Retry-After seconds (or database_unavailable)",
  ],
];
/** Answered by the HTTP server itself, before the app: no JSON body. */
const TIMEOUT = {
  description: "the request's headers or body did not arrive in time; the connection is closed",
};

/** An error status, with the general meaning or one particular to the route. */
export type Problem = number | [status: number, meaning: string];

function problems(list: Problem[]) {
  return Object.fromEntries(
    list.map((problem) => {
      const [status, meaning] = typeof problem === "number" ? [problem, undefined] : problem;
      return [status, reply(meaning ?? PROBLEMS[status] ?? `error ${status}`, "Error")];
    }),
  );
}

export interface OperationSpec {
  summary: string;
  description?: string;
  parameters?: object[];
  /** A JSON body by its schema's name, or a whole request body object. */
  body?: SchemaName | object;
  /** The successful answers (and any status answered with another body than Error). */
  responses: Record<number, object>;
  /**
   * The error statuses besides 421, 429 and 503 (every route) and 408 (every route with a
   * body).
   */
  problems?: Problem[];
  /** Omitted: the document's own requirement (a session cookie or an API token). */
  security?: Record<string, string[]>[];
}

/**
 * One operation. Every API request passes the host-name check (421) and the per-principal
 * rate limit (429), may find the database unavailable (503: signing in reads it too), and a
 * body that arrives too slowly is cut off by the server (408).
 */
function operation({ body, responses, problems: listed = [], ...rest }: OperationSpec) {
  const requestBody = typeof body === "string" ? { required: true, ...json(body) } : body;
  return {
    ...rest,
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: {
      ...problems([421, 429, 503, ...listed]),
      ...responses,
      ...(requestBody === undefined ? {} : { 408: TIMEOUT }),
    },
  };
}

/** Parameters from a contract schema of a query string or of a path, one per property. */
function parameters(schema: z.ZodObject, where: "query" | "path") {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required?.includes(name) ?? false),
    schema: property,
  }));
}

/** What openapi-access.ts builds its paths with: handed over, so it never imports this module. */
const builders = { operation, reply, parameters };
export type Builders = typeof builders;

const EXPORT_TYPES = [
  "image/svg+xml",
  "image/png",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "application/json",
];

/** Health, the document itself, validation and templates: no principal needed. */
function publicPaths() {
  return {
    "/api/health": {
      get: operation({
        summary: "Liveness, and whether the database answers",
        security: PUBLIC,
        responses: {
          200: reply("ok: the database answered (databaseLatencyMs)", "Health"),
          503: reply(
            `degraded: the database did not answer within ${HEALTH_DEADLINE_MS / 1000} s; Retry-After says when to ask again`,
            "Health",
          ),
        },
      }),
    },
    "/api/openapi.json": {
      get: operation({
        summary: "This document (OpenAPI 3.1)",
        security: PUBLIC,
        responses: {
          200: {
            description: "the document",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      }),
    },
    "/api/validate": {
      post: operation({
        summary: "Validate a chart document without storing it",
        security: PUBLIC,
        body: "ChartDocument",
        responses: { 200: reply("findings", "Findings") },
        problems: [400, CROSS_SITE, 413],
      }),
    },
    "/api/templates": {
      get: operation({
        summary: "Built-in templates",
        security: PUBLIC,
        responses: { 200: reply("templates", "Templates") },
      }),
    },
  };
}

const VERSION_CONFLICT: Problem = [
  409,
  "version_conflict: the chart has changed; reload, apply again",
];

/** Stored charts, behind the access gate: 401 without a principal, 403 below the level. */
function chartPaths() {
  const chartId = parameters(ChartIdParamsSchema, "path");
  return {
    "/api/charts": {
      get: operation({
        summary: "List the charts the principal can see, newest change first",
        parameters: parameters(ListChartsQuerySchema, "query"),
        responses: { 200: reply("a page of charts", "ChartList") },
        problems: [400, 401],
      }),
      post: operation({
        summary: "Create a chart from a document or a template (accounts, not guests)",
        body: "CreateChartBody",
        responses: { 201: reply("created", "ChartRecord") },
        problems: [400, 401, 403, 413],
      }),
    },
    "/api/charts/{id}": {
      parameters: chartId,
      get: operation({
        summary: "One chart (view access)",
        responses: { 200: reply("the chart", "ChartRecord") },
        problems: [400, 401, 404],
      }),
      put: operation({
        summary:
          "Replace a chart's document (edit access; renaming needs owner) with optimistic concurrency by version",
        body: "ReplaceChartBody",
        responses: { 200: reply("the new version", "ChartRecord") },
        problems: [400, 401, 403, 404, VERSION_CONFLICT, 413, 423],
      }),
      delete: operation({
        summary: "Delete a chart (owner)",
        responses: { 204: { description: "deleted" } },
        problems: [400, 401, 403, 404],
      }),
    },
    "/api/charts/import": {
      post: operation({
        summary:
          "Create a chart from an org list CSV, a matrix CSV or a JSON document (all or nothing); with into=, merge a matrix into a chart (edit access); with preview=true, only count and check",
        parameters: parameters(ImportOptionsSchema, "query"),
        body: {
          required: true,
          description: "the file itself, as UTF-8 text",
          content: { "text/csv": { schema: { type: "string" } }, "application/json": {} },
        },
        responses: {
          200: {
            description: "preview (counts and problems), or the chart a matrix was merged into",
            content: {
              "application/json": {
                schema: { oneOf: [ref("ImportPreview"), ref("ChartRecord")] },
              },
            },
          },
          201: reply("the new chart", "ChartRecord"),
        },
        problems: [400, 401, 403, 404, 413, 423, ...INTERCHANGE_PROBLEMS],
      }),
    },
    "/api/charts/{id}/export": {
      parameters: [...chartId, ...parameters(ExportOptionsSchema, "query")],
      get: operation({
        summary:
          "The whole chart as a file to download (Content-Disposition: attachment; view access)",
        responses: {
          200: {
            description: "the file",
            content: Object.fromEntries(
              EXPORT_TYPES.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
            ),
          },
        },
        problems: [400, 401, 404, ...INTERCHANGE_PROBLEMS],
      }),
    },
    "/api/charts/{a}/compare/{b}/export": {
      parameters: [
        ...parameters(CompareParamsSchema, "path"),
        ...parameters(ComparisonExportQuerySchema, "query"),
      ],
      get: operation({
        summary:
          "What chart b changes relative to chart a, as a file for a deck (Content-Disposition: attachment `<a>-vs-<b>.<format>`; view access to both)",
        description:
          "Chart b drawn as the editor draws it, with added, moved and changed roles marked (a label, an outline pattern and a colour each), removed roles as faded ghost cards and removed lines dashed; a legend; the changes in words and the findings b fixes and opens. SVG and PNG hold it all in one drawing; the PDF puts the marked chart on its page (an overview and tiles when it is large) and the changes and findings on text pages. Made on the export threads, with their limits.",
        responses: {
          200: {
            description: "the file",
            content: Object.fromEntries(
              ["application/pdf", "image/png", "image/svg+xml"].map((type) => [
                type,
                { schema: { type: "string", format: "binary" } },
              ]),
            ),
          },
        },
        problems: [
          400,
          401,
          [404, "not_found: either chart, or one the principal cannot see"],
          ...INTERCHANGE_PROBLEMS,
        ],
      }),
    },
    "/api/charts/{id}/findings": {
      parameters: chartId,
      get: operation({
        summary: "Findings of a stored chart (view access)",
        responses: { 200: reply("findings", "Findings") },
        problems: [400, 401, 404],
      }),
    },
    "/api/charts/{id}/operations": {
      parameters: chartId,
      post: operation({
        summary: "Apply a batch of edits atomically (edit access)",
        body: "OperationsBody",
        responses: { 200: reply("new version and findings", "OperationsResponse") },
        problems: [400, 401, 403, 404, VERSION_CONFLICT, 413, 423],
      }),
    },
    "/api/charts/{id}/live": {
      parameters: chartId,
      get: operation({
        summary:
          "Open the chart's live connection: a WebSocket speaking rolemap.live/v1 (view access)",
        description:
          "Upgrade with `Connection: Upgrade`, `Upgrade: websocket` (subprotocol `rolemap.live/v1` optional). Messages are JSON text frames: `hello`, `ops`, `presence`, `summon`, `lock`, `ping` from the client; `welcome`, `applied`, `ack`, `reject`, `presence`, `leave`, `summon`, `locked`, `error`, `pong`, `comment`, `round` from the server (../shared/spec/live.md; schemas in @rolemap/contract `live.ts`). Every change to the chart, made live or over HTTP, arrives as `applied` in version order; every change of a comment as `comment`. Close codes: 1001 server restarting (reconnect), 1008 too many invalid messages, 4401 session or token ended, 4403 access removed, 4404 chart deleted.",
        responses: {
          101: {
            description: "Switching Protocols: the live connection is open; send `hello` first",
          },
        },
        problems: [
          401,
          [
            403,
            "cross_site: an upgrade authenticated by cookie must come from the app's own origin",
          ],
          404,
        ],
      }),
    },
  };
}

let cached: object | undefined;

/** OpenAPI 3.1 generated from the contract's zod schemas (JSON Schema 2020-12). */
export function openApiDocument(): object {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Rolemap API",
      version: "1.0.0",
      description:
        "Org charts with RACI responsibility matrices, stored and validated. Every route needs a principal (a session cookie or an API token) unless it says `security: []`. A write authenticated by cookie must come from the app's own origin: from another it is refused with 403 cross_site.",
    },
    security: SECURITY,
    paths: {
      ...publicPaths(),
      ...authPaths(builders),
      ...chartPaths(),
      ...accountPaths(builders),
      ...commentPaths(builders),
      ...historyPaths(builders),
      ...roundPaths(builders),
      ...scenarioPaths(builders),
    },
    components: {
      securitySchemes: SECURITY_SCHEMES,
      schemas: Object.fromEntries(
        Object.entries(SCHEMAS).map(([name, schema]) => [
          name,
          z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
        ]),
      ),
    },
  };
  return cached;
}
