import { tmpdir } from "node:os";
import path from "node:path";
import { PASSWORD_MIN_LENGTH } from "@rolemap/contract";
import type { Express } from "express";
import pino from "pino";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { listRoutes } from "../test/route-list";
import { createApp } from "./app";
import type { AccessStore } from "./services/access-store";
import type { ChartStore } from "./services/chart-store";
import type { CommentStore } from "./services/comment-store";
import type { HistoryStore } from "./services/history-store";
import type { RoundStore } from "./services/round-store";

interface Operation {
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema?: unknown }> };
  security?: Record<string, string[]>[];
}
interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

/**
 * The document comes from the contract alone: no database is needed (one takes seconds).
 * Only the store's kind may be read (the app picks its caches by it when it is built).
 */
const noStore = new Proxy({} as ChartStore, {
  get: (_target, name) => {
    if (name === "kind") return "embedded";
    throw new Error(`the OpenAPI route must not use the store (${String(name)})`);
  },
});
let app: Express;
let doc: OpenApi;
beforeAll(async () => {
  app = createApp({
    store: noStore,
    accessStore: noStore as unknown as AccessStore,
    comments: noStore as unknown as CommentStore,
    history: noStore as unknown as HistoryStore,
    rounds: noStore as unknown as RoundStore,
    logger: pino({ level: "silent" }),
    bodyLimit: "1mb",
    // With a web app, the app also serves its shell (a route that is not the API's).
    webDist: path.join(tmpdir(), "rolemap-openapi-test-no-web-app"),
  });
  doc = (await request(app).get("/api/openapi.json").expect(200).expect("content-type", /json/))
    .body;
});

/**
 * Every route of the HTTP contract (issues 3 and 5, access.md) with its method and its
 * documented statuses. Every route may answer 429 (the per-principal rate limit), and every
 * route with a body 408 (a body too slow), so the table lists those too.
 */
const ROUTES: [path: string, method: string, statuses: string[]][] = [
  ["/api/health", "get", ["200", "429", "503"]],
  ["/api/openapi.json", "get", ["200", "429"]],
  ["/api/validate", "post", ["200", "400", "403", "408", "413", "429"]],
  ["/api/templates", "get", ["200", "429"]],
  ["/api/auth/state", "get", ["200", "429"]],
  ["/api/auth/setup", "post", ["201", "400", "403", "408", "409", "413", "429"]],
  ["/api/auth/signup", "post", ["201", "400", "403", "408", "413", "429"]],
  ["/api/auth/login", "post", ["200", "400", "401", "403", "408", "413", "429"]],
  ["/api/auth/guest", "post", ["200", "400", "403", "404", "408", "413", "429"]],
  ["/api/auth/logout", "post", ["204", "403", "429"]],
  ["/api/auth/me", "get", ["200", "401", "429"]],
  ["/api/charts", "get", ["200", "400", "401", "429"]],
  ["/api/charts", "post", ["201", "400", "401", "403", "408", "413", "429"]],
  ["/api/charts/{id}", "get", ["200", "400", "401", "404", "429"]],
  [
    "/api/charts/{id}",
    "put",
    ["200", "400", "401", "403", "404", "408", "409", "413", "423", "429"],
  ],
  ["/api/charts/{id}", "delete", ["204", "400", "401", "403", "404", "429"]],
  ["/api/charts/{id}/findings", "get", ["200", "400", "401", "404", "429"]],
  [
    "/api/charts/{id}/operations",
    "post",
    ["200", "400", "401", "403", "404", "408", "409", "413", "423", "429"],
  ],
  ["/api/charts/{id}/live", "get", ["101", "401", "403", "404", "429"]],
  ["/api/charts/{id}/versions", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{id}/versions/{v}", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{id}/restore", "post", ["200", "400", "401", "403", "404", "408", "413", "429"]],
  [
    "/api/charts/import",
    "post",
    ["200", "201", "400", "401", "403", "404", "408", "413", "423", "429"],
  ],
  ["/api/charts/{id}/export", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{id}/members", "get", ["200", "400", "401", "403", "404", "429"]],
  ["/api/charts/{id}/members", "put", ["200", "400", "401", "403", "404", "408", "413", "429"]],
  [
    "/api/charts/{id}/members/{accountId}",
    "put",
    ["200", "400", "401", "403", "404", "408", "413", "429"],
  ],
  ["/api/charts/{id}/members/{accountId}", "delete", ["204", "400", "401", "403", "404", "429"]],
  ["/api/charts/{id}/links", "get", ["200", "400", "401", "403", "404", "429"]],
  ["/api/charts/{id}/links", "post", ["201", "400", "401", "403", "404", "408", "413", "429"]],
  ["/api/charts/{id}/links/{linkId}", "delete", ["204", "400", "401", "403", "404", "429"]],
  ["/api/charts/{id}/rounds", "get", ["200", "400", "401", "404", "429"]],
  [
    "/api/charts/{id}/rounds",
    "post",
    ["201", "400", "401", "403", "404", "408", "409", "413", "429"],
  ],
  ["/api/charts/{id}/rounds/{rid}", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{id}/rounds/{rid}", "delete", ["204", "400", "401", "403", "404", "429"]],
  [
    "/api/charts/{id}/rounds/{rid}/votes",
    "put",
    ["200", "400", "401", "403", "404", "408", "409", "413", "429"],
  ],
  ["/api/charts/{id}/rounds/{rid}/reveal", "post", ["200", "400", "401", "403", "404", "429"]],
  [
    "/api/charts/{id}/rounds/{rid}/votes.csv",
    "get",
    ["200", "400", "401", "403", "404", "409", "429"],
  ],
  ["/api/charts/{id}/scenarios", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{id}/scenarios", "post", ["201", "400", "401", "403", "404", "408", "413", "429"]],
  ["/api/charts/{a}/compare/{b}", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{a}/compare/{b}/export", "get", ["200", "400", "401", "404", "422", "429", "503"]],
  [
    "/api/charts/{id}/promote",
    "post",
    ["200", "400", "401", "403", "404", "408", "409", "413", "429"],
  ],
  ["/api/charts/{id}/comments", "get", ["200", "400", "401", "404", "429"]],
  ["/api/charts/{id}/comments", "post", ["201", "400", "401", "403", "404", "408", "413", "429"]],
  [
    "/api/charts/{id}/comments/{cid}",
    "patch",
    ["200", "400", "401", "403", "404", "408", "413", "429"],
  ],
  ["/api/charts/{id}/comments/{cid}", "delete", ["204", "400", "401", "403", "404", "429"]],
  ["/api/tokens", "get", ["200", "401", "403", "429"]],
  ["/api/tokens", "post", ["201", "400", "401", "403", "408", "413", "429"]],
  ["/api/tokens/{id}", "delete", ["204", "400", "401", "403", "404", "429"]],
  ["/api/admin/accounts", "get", ["200", "401", "403", "429"]],
  ["/api/admin/accounts/{id}", "delete", ["204", "400", "401", "403", "404", "429"]],
  ["/api/admin/invites", "get", ["200", "401", "403", "429"]],
  ["/api/admin/invites", "post", ["201", "400", "401", "403", "408", "413", "429"]],
  ["/api/admin/invites/{id}", "delete", ["204", "400", "401", "403", "404", "429"]],
];

/** The routes access.md leaves open to anyone: no principal needed. */
const PUBLIC = [
  "get /api/health",
  "get /api/openapi.json",
  "post /api/validate",
  "get /api/templates",
  "get /api/auth/state",
  "post /api/auth/setup",
  "post /api/auth/signup",
  "post /api/auth/login",
  "post /api/auth/guest",
];

/** Every documented operation as "method /path". */
function operations(doc: OpenApi): [route: string, operation: Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([key]) => key !== "parameters")
      .map(([method, operation]): [string, Operation] => [`${method} ${path}`, operation]),
  );
}

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
    const documented = operations(doc).map(([route]) => route);
    expect(documented.sort()).toEqual(ROUTES.map(([path, method]) => `${method} ${path}`).sort());
  });

  it("documents every route the app serves, and only those", () => {
    const all = listRoutes(app);
    // The web app's shell is served for every other path (one route, a regex): not the API's.
    const served = all.filter((route) => route.includes(" /api/"));
    expect(all.filter((route) => !served.includes(route))).toEqual([
      String.raw`GET /^\/(?!api\/).*/`,
    ]);
    const documented = operations(doc).map(([route]) => {
      const [method = "", path = ""] = route.split(" ");
      return `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`;
    });
    // The live connection is served by the HTTP server's upgrade handler, not by Express.
    expect(documented.sort()).toEqual([...served, "GET /api/charts/:id/live"].sort());
  });

  it("describes the session cookie and API tokens, either of which the API requires", () => {
    expect(doc.components.securitySchemes).toMatchObject({
      cookieAuth: { type: "apiKey", in: "cookie", name: "rolemap_session" },
      bearerAuth: { type: "http", scheme: "bearer" },
    });
    expect(doc.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }]);
  });

  it("opens the public routes to anyone (security: []) and no other", () => {
    const open = operations(doc)
      .filter(([, operation]) => operation.security?.length === 0)
      .map(([route]) => route);
    expect(open.sort()).toEqual([...PUBLIC].sort());
    expect(doc.paths["/api/auth/logout"]?.post?.security).toEqual([{ cookieAuth: [] }]);
  });

  it("answers 401 on every route that needs a principal, 429 everywhere, 408 and 413 with a body", () => {
    for (const [route, operation] of operations(doc)) {
      const statuses = Object.keys(operation.responses);
      const needsPrincipal = !PUBLIC.includes(route) && route !== "post /api/auth/logout";
      expect(statuses.includes("401"), route).toBe(
        needsPrincipal || route === "post /api/auth/login",
      );
      expect(statuses, route).toContain("429");
      if (operation.requestBody !== undefined)
        expect(statuses, route).toEqual(expect.arrayContaining(["408", "413"]));
    }
  });

  it("names every path parameter, from the contract's schemas of params", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = ((item.parameters ?? []) as unknown as { name: string; in: string }[])
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => parameter.name);
      expect(declared, path).toEqual(inPath);
    }
    expect(doc.paths["/api/charts/{id}/members/{accountId}"]?.parameters).toMatchObject([
      { name: "id", required: true, schema: { type: "string", format: "uuid" } },
      { name: "accountId", required: true, schema: { type: "string", format: "uuid" } },
    ]);
  });

  it("describes the access bodies and answers from the contract", () => {
    const body = (route: string, method: string) =>
      doc.paths[route]?.[method]?.requestBody?.content["application/json"]?.schema;
    expect(body("/api/auth/setup", "post")).toEqual({ $ref: "#/components/schemas/SetupBody" });
    expect(body("/api/charts/{id}/links", "post")).toEqual({
      $ref: "#/components/schemas/CreateLinkBody",
    });
    const schemas = doc.components.schemas;
    expect(schemas.SetupBody).toMatchObject({
      required: ["email", "name", "password"],
      additionalProperties: false,
      properties: { password: { minLength: PASSWORD_MIN_LENGTH } },
    });
    expect(schemas.SignupBody?.required).toContain("invite");
    expect(schemas.CreateLinkBody).toMatchObject({
      required: ["access"],
      properties: { access: { enum: ["view", "comment", "edit"] } },
    });
    expect(schemas.Me?.anyOf).toHaveLength(2);
    expect(schemas.CreatedToken?.required).toContain("token");
    expect(schemas.TokenList).not.toHaveProperty("properties.tokens.items.properties.token");
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
    expect(names(doc.paths["/api/charts/{a}/compare/{b}/export"])).toEqual(["format!"]);
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
