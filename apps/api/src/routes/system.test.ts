import { HealthResponseSchema } from "@rolemap/contract";
import { listTemplates, validateChart } from "@rolemap/domain";
import type { Express } from "express";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectError,
  largeChart,
  SPEC_EXAMPLE_FINDINGS,
  smallChart,
  specExample,
  withoutMessages,
} from "../../test/fixtures/charts";
import { serverUrl, startTestApp, type TestApp } from "../../test/harness";
import { createApp } from "../app";

let t: TestApp;
/** The same database behind an app with a 1 kB body limit (a second database costs seconds). */
let small: Express;
beforeAll(async () => {
  t = await startTestApp();
  small = createApp({
    store: t.store,
    accessStore: t.accessStore,
    logger: pino({ level: "silent" }),
    bodyLimit: "1kb",
  });
});
afterAll(() => t?.close());

describe("GET /api/health", () => {
  it("answers ok with the database kind, having asked the database", async () => {
    const res = await request(t.app).get("/api/health").expect(200);
    expect(res.body).toEqual({
      status: "ok",
      database: serverUrl === undefined ? "embedded" : "postgres",
      databaseReachable: true,
      databaseLatencyMs: expect.any(Number),
    });
    expect(HealthResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("echoes a well-formed request id and makes one up otherwise", async () => {
    const given = await request(t.app).get("/api/health").set("x-request-id", "abc-123");
    expect(given.headers["x-request-id"]).toBe("abc-123");
    const made = await request(t.app).get("/api/health").set("x-request-id", "bad id!");
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("POST /api/validate", () => {
  it("answers the findings of the spec example exactly as rules.md defines them", async () => {
    const res = await request(t.app).post("/api/validate").send(specExample()).expect(200);
    expect(Object.keys(res.body)).toEqual(["findings"]);
    expect(withoutMessages(res.body.findings)).toEqual(SPEC_EXAMPLE_FINDINGS);
    for (const finding of res.body.findings) {
      expect(finding.message).toEqual(expect.any(String));
      // Messages are for people: titles and names, never ids.
      expect(finding.message).not.toMatch(/\b(ceo|cio|cto|infra|product)\b/);
    }
  });

  it("answers no findings for an empty chart", async () => {
    const empty = { ...smallChart(), roles: [], reportingLines: [], responsibilities: [] };
    const res = await request(t.app)
      .post("/api/validate")
      .send({ ...empty, assignments: [] })
      .expect(200);
    expect(res.body).toEqual({ findings: [] });
  });

  it.each([
    {
      what: "an assignment naming an unknown role",
      change: (d: ReturnType<typeof specExample>) => {
        d.assignments[0] = { role: "cxo", responsibility: "infra", code: "A" };
      },
      paths: ["assignments[0].role"],
    },
    {
      what: "a duplicate role id and a bad code",
      change: (d: ReturnType<typeof specExample>) => {
        d.roles.push({ id: "ceo", title: "Another CEO" });
        (d.assignments[1] as { code: string }).code = "X";
      },
      paths: ["roles[3].id", "assignments[1].code"],
    },
    {
      what: "an unknown extra field",
      change: (d: ReturnType<typeof specExample>) => {
        Object.assign(d.roles[0] as object, { titel: "typo" });
      },
      paths: ["roles[0]"],
    },
    {
      what: "a wrong format and a blank name",
      change: (d: ReturnType<typeof specExample>) => {
        Object.assign(d, { format: "rolemap.chart/v2", name: "   " });
      },
      paths: ["format", "name"],
    },
  ])("answers 400 naming every path for $what", async ({ change, paths }) => {
    const document = specExample();
    change(document);
    const res = await request(t.app).post("/api/validate").send(document).expect(400);
    const got = expectError(res.body, "invalid_input");
    expect([...got].sort()).toEqual(expect.arrayContaining([...paths].sort()));
    expect(got).toHaveLength(paths.length);
  });

  it.each([
    ["an array", []],
    ["a document without any field", {}],
  ])("answers 400 invalid_input for %s", async (_what, body) => {
    const res = await request(t.app).post("/api/validate").send(body).expect(400);
    expect(expectError(res.body, "invalid_input").length).toBeGreaterThan(0);
  });

  it.each([
    ["a truncated object", '{"format": "rolemap.chart/v1", "name": '],
    ["a bare string (strict JSON only accepts objects and arrays)", '"hello"'],
    ["single quotes", "{'name': 'x'}"],
  ])("answers 400 malformed_json for %s", async (_what, raw) => {
    const res = await request(t.app)
      .post("/api/validate")
      .set("content-type", "application/json")
      .send(raw)
      .expect(400);
    expectError(res.body, "malformed_json");
  });

  it("answers 400 rather than a 500 when the body is not JSON at all", async () => {
    const res = await request(t.app)
      .post("/api/validate")
      .set("content-type", "text/plain")
      .send("format: rolemap.chart/v1")
      .expect(400);
    expectError(res.body, "invalid_input");
  });

  it("answers 413 payload_too_large for a body over the configured limit", async () => {
    const big = { ...specExample(), name: "x".repeat(2000) };
    const res = await request(small).post("/api/validate").send(big).expect(413);
    expectError(res.body, "payload_too_large");
    // The same app still takes a body under the limit.
    await request(small).post("/api/validate").send(smallChart()).expect(200);
  });

  it("takes a 20,000-role chart with 60,000 assignments under the default limit", async () => {
    const document = largeChart();
    expect(document.roles).toHaveLength(20_000);
    expect(document.responsibilities).toHaveLength(1_000);
    expect(document.assignments).toHaveLength(60_000);
    const body = JSON.stringify(document);
    expect(body.length).toBeLessThan(16 * 1024 * 1024);
    const res = await request(t.app)
      .post("/api/validate")
      .set("content-type", "application/json")
      .send(body)
      .expect(200);
    expect(res.body).toEqual({ findings: validateChart(document) });
    expect(res.body.findings).toEqual([]);
  });
});

describe("GET /api/templates", () => {
  it("lists the six templates without their documents", async () => {
    const res = await request(t.app).get("/api/templates").expect(200);
    expect(res.body).toEqual({ templates: listTemplates() });
    expect(res.body.templates).toHaveLength(6);
    for (const template of res.body.templates) {
      expect(template).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        description: expect.any(String),
        ...(template.demonstrates === undefined ? {} : { demonstrates: expect.any(String) }),
      });
      expect(template).not.toHaveProperty("document");
    }
    expect(res.body.templates.map((x: { id: string }) => x.id)).toContain("classic-split");
  });
});

describe("unknown routes", () => {
  it.each([
    ["GET", "/api/nothing-here"],
    ["PATCH", "/api/charts"],
    ["GET", "/elsewhere"],
  ])("answers %s %s with 404 not_found in the error shape", async (method, path) => {
    const res = await request(t.app)[method.toLowerCase() as "get" | "patch"](path).expect(404);
    expectError(res.body, "not_found");
  });
});
