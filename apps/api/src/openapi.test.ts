import type { Express } from "express";
import pino from "pino";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import type { AccessStore } from "./services/access-store";
import type { ChartStore } from "./services/chart-store";

interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/** The document comes from the contract alone: no database is needed (one takes seconds). */
const noStore = new Proxy({} as ChartStore, {
  get: (_target, name) => {
    throw new Error(`the OpenAPI route must not use the store (${String(name)})`);
  },
});
let app: Express;
let doc: OpenApi;
beforeAll(async () => {
  app = createApp({
    store: noStore,
    accessStore: noStore as unknown as AccessStore,
    logger: pino({ level: "silent" }),
    bodyLimit: "1mb",
  });
  doc = (await request(app).get("/api/openapi.json").expect(200).expect("content-type", /json/))
    .body;
});

/** Every route of the HTTP contract (issues 3 and 5) with its methods and documented statuses. */
const ROUTES: [path: string, method: string, statuses: string[]][] = [
  ["/api/health", "get", ["200"]],
  ["/api/validate", "post", ["200", "400", "413"]],
  ["/api/templates", "get", ["200"]],
  ["/api/charts", "get", ["200", "400"]],
  ["/api/charts", "post", ["201", "400", "413"]],
  ["/api/charts/{id}", "get", ["200", "400", "404"]],
  ["/api/charts/{id}", "put", ["200", "400", "404", "409", "413"]],
  ["/api/charts/{id}", "delete", ["204", "400", "404"]],
  ["/api/charts/{id}/findings", "get", ["200", "404"]],
  ["/api/charts/{id}/operations", "post", ["200", "400", "404", "409", "413"]],
  ["/api/charts/import", "post", ["200", "201", "400", "404", "413"]],
  ["/api/charts/{id}/export", "get", ["200", "400", "404"]],
];

/** Every `$ref` anywhere in a value. */
function refs(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(refs);
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refs(inner),
  );
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document with a title and a version", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  });

  it.each(ROUTES)("documents %s %s with its statuses", (path, method, statuses) => {
    const operation = doc.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(statuses));
  });

  it("documents no route that the contract does not have", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== "parameters")
        .map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(([path, method]) => `${method} ${path}`).sort());
  });

  it("documents the export and import options of the contract as query parameters", () => {
    const names = (item: unknown) =>
      (
        (item as { parameters?: { name: string; in: string; required: boolean }[] }).parameters ??
        []
      )
        .filter((p) => p.in === "query")
        .map((p) => `${p.name}${p.required ? "!" : ""}`);
    expect(names(doc.paths["/api/charts/{id}/export"])).toEqual([
      "format!",
      "scale",
      "page",
      "fit",
      "findings",
    ]);
    expect(names(doc.paths["/api/charts/import"]?.post)).toEqual([
      "format!",
      "into",
      "name",
      "preview",
    ]);
  });

  it("resolves every $ref to a schema under components", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) {
      const name = ref.replace("#/components/schemas/", "");
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });

  it("describes ChartDocument as a strict JSON schema with the required fields", () => {
    const schema = doc.components.schemas.ChartDocument as {
      type: string;
      required: string[];
      additionalProperties: unknown;
      properties: Record<string, { type?: string; items?: { additionalProperties?: unknown } }>;
    };
    expect(schema.type).toBe("object");
    expect([...schema.required].sort()).toEqual(
      ["assignments", "format", "name", "reportingLines", "responsibilities", "roles"].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.roles?.type).toBe("array");
    expect(schema.properties.roles?.items?.additionalProperties).toBe(false);
    expect(schema.properties.format).toMatchObject({ const: "rolemap.chart/v1" });
  });

  it("describes the one error body shape", () => {
    const error = doc.components.schemas.Error as {
      properties: { error: { required: string[] } };
    };
    expect([...error.properties.error.required].sort()).toEqual(["code", "issues", "message"]);
  });

  it("answers the same document every time", async () => {
    const again = await request(app).get("/api/openapi.json").expect(200);
    expect(again.body).toEqual(doc);
  });
});
