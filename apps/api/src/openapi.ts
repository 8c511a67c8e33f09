import {
  ChartDocumentSchema,
  ChartListResponseSchema,
  ChartRecordSchema,
  CreateChartBodySchema,
  ErrorBodySchema,
  ExportOptionsSchema,
  FindingsResponseSchema,
  HealthResponseSchema,
  ImportOptionsSchema,
  ImportPreviewSchema,
  OperationsBodySchema,
  OperationsResponseSchema,
  ReplaceChartBodySchema,
  TemplatesResponseSchema,
} from "@rolemap/contract";
import { z } from "zod";

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
  Error: ErrorBodySchema,
} as const;

type SchemaName = keyof typeof SCHEMAS;
const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName) => ({ content: { "application/json": { schema: ref(name) } } });
const reply = (description: string, name: SchemaName) => ({ description, ...json(name) });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, reply(`error ${status}`, "Error")]));
const idParameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};

/** Query parameters from a contract schema of a query string, one per property. */
function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const EXPORT_TYPES = [
  "image/svg+xml",
  "image/png",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "application/json",
];

let cached: object | undefined;

/** OpenAPI 3.1 generated from the contract's zod schemas (JSON Schema 2020-12). */
export function openApiDocument(): object {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Rolemap API",
      version: "1.0.0",
      description: "Org charts with RACI responsibility matrices, stored and validated.",
    },
    paths: {
      "/api/health": {
        get: { summary: "Liveness and database kind", responses: { 200: reply("ok", "Health") } },
      },
      "/api/validate": {
        post: {
          summary: "Validate a chart document without storing it",
          requestBody: { required: true, ...json("ChartDocument") },
          responses: { 200: reply("findings", "Findings"), ...errors(400, 413) },
        },
      },
      "/api/templates": {
        get: { summary: "Built-in templates", responses: { 200: reply("templates", "Templates") } },
      },
      "/api/charts": {
        get: {
          summary: "List charts, newest change first",
          parameters: [
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
            },
            { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
          ],
          responses: { 200: reply("a page of charts", "ChartList"), ...errors(400) },
        },
        post: {
          summary: "Create a chart from a document or a template",
          requestBody: { required: true, ...json("CreateChartBody") },
          responses: { 201: reply("created", "ChartRecord"), ...errors(400, 413) },
        },
      },
      "/api/charts/{id}": {
        parameters: [idParameter],
        get: {
          summary: "One chart",
          responses: { 200: reply("the chart", "ChartRecord"), ...errors(400, 404) },
        },
        put: {
          summary: "Replace a chart's document (optimistic concurrency by version)",
          requestBody: { required: true, ...json("ReplaceChartBody") },
          responses: {
            200: reply("the new version", "ChartRecord"),
            ...errors(400, 404, 409, 413),
          },
        },
        delete: {
          summary: "Delete a chart",
          responses: { 204: { description: "deleted" }, ...errors(400, 404) },
        },
      },
      "/api/charts/import": {
        post: {
          summary:
            "Create a chart from an org list CSV, a matrix CSV or a JSON document (all or nothing); with into=, merge a matrix into a chart; with preview=true, only count and check",
          parameters: queryParameters(ImportOptionsSchema),
          requestBody: {
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
            ...errors(400, 404, 413),
          },
        },
      },
      "/api/charts/{id}/export": {
        parameters: [idParameter, ...queryParameters(ExportOptionsSchema)],
        get: {
          summary: "The whole chart as a file to download (Content-Disposition: attachment)",
          responses: {
            200: {
              description: "the file",
              content: Object.fromEntries(
                EXPORT_TYPES.map((type) => [
                  type,
                  { schema: { type: "string", format: "binary" } },
                ]),
              ),
            },
            ...errors(400, 404),
          },
        },
      },
      "/api/charts/{id}/findings": {
        parameters: [idParameter],
        get: {
          summary: "Findings of a stored chart",
          responses: { 200: reply("findings", "Findings"), ...errors(404) },
        },
      },
      "/api/charts/{id}/operations": {
        parameters: [idParameter],
        post: {
          summary: "Apply a batch of edits atomically",
          requestBody: { required: true, ...json("OperationsBody") },
          responses: {
            200: reply("new version and findings", "OperationsResponse"),
            ...errors(400, 404, 409, 413),
          },
        },
      },
    },
    components: {
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
