import { randomUUID } from "node:crypto";
import type { ChartDocument, ChartListItem, ChartRecord } from "@rolemap/contract";
import { ChartListResponseSchema, ChartRecordSchema } from "@rolemap/contract";
import { getTemplate, validateChart } from "@rolemap/domain";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, smallChart, specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { canonicalDocument } from "../db/rows";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function create(document: ChartDocument): Promise<ChartRecord> {
  const res = await request(t.app).post("/api/charts").send({ document }).expect(201);
  return res.body;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("POST /api/charts", () => {
  it("stores a document and answers 201 with the record and its location", async () => {
    const res = await request(t.app).post("/api/charts").send({ document: specExample() });
    expect(res.status).toBe(201);
    expect(ChartRecordSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      updatedAt: expect.any(String),
      document: specExample(),
      access: "owner",
    });
    expect(res.headers.location).toBe(`/api/charts/${res.body.id}`);
    const again = await request(t.app).get(`/api/charts/${res.body.id}`).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it("creates a chart from a template under a new name", async () => {
    const res = await request(t.app)
      .post("/api/charts")
      .send({ template: "classic-split", name: "Our split" })
      .expect(201);
    expect(res.body.document).toEqual({
      ...getTemplate("classic-split")?.document,
      name: "Our split",
    });
    expect(res.body.version).toBe(1);
  });

  it("creates a chart from a template alone under the template's name", async () => {
    const res = await request(t.app)
      .post("/api/charts")
      .send({ template: "product-led" })
      .expect(201);
    const template = getTemplate("product-led")?.document as ChartDocument;
    expect(res.body.document).toEqual(canonicalDocument(template));
    expect(res.body.document.name).toBe(template.name);
  });

  it("answers 400 naming the path template for an unknown template", async () => {
    const res = await request(t.app)
      .post("/api/charts")
      .send({ template: "no-such-template", name: "x" })
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["template"]);
    expect(res.body.error.issues[0].message).toContain("classic-split");
  });

  it("answers 400 naming the path name for a blank name on a template", async () => {
    const res = await request(t.app)
      .post("/api/charts")
      .send({ template: "classic-split", name: "  " })
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["name"]);
  });

  it("answers 400 with paths under document. for an invalid document and stores nothing", async () => {
    const before = await request(t.app).get("/api/charts").expect(200);
    const document = specExample();
    document.roles[1] = { id: "ceo", title: "Duplicate" };
    (document.reportingLines[0] as { kind: string }).kind = "wavy";
    const res = await request(t.app).post("/api/charts").send({ document }).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(
      expect.arrayContaining(["document.roles[1].id", "document.reportingLines[0].kind"]),
    );
    const after = await request(t.app).get("/api/charts").expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it.each([
    ["an empty object", {}],
    ["both a document and a template", { document: smallChart(), template: "classic-split" }],
    ["a misspelt key", { templat: "classic-split" }],
    ["an empty template id", { template: "" }],
    ["an array", [smallChart()]],
  ])("answers 400 invalid_input for a body that is %s", async (_what, body) => {
    const res = await request(t.app).post("/api/charts").send(body).expect(400);
    expectError(res.body, "invalid_input");
  });

  it.each([
    ["a NUL character", "a\u0000b"],
    ["a lone surrogate", "a\ud800b"],
  ])(
    "answers 400, not a 500, for text with %s that the database cannot store",
    async (_what, text) => {
      const document = smallChart(text);
      (document.roles[1] as { title: string }).title = text;
      const res = await request(t.app).post("/api/charts").send({ document }).expect(400);
      expect(expectError(res.body, "invalid_input")).toEqual([
        "document.name",
        "document.roles[1].title",
      ]);
      const named = await request(t.app)
        .post("/api/charts")
        .send({ template: "classic-split", name: text })
        .expect(400);
      expect(expectError(named.body, "invalid_input")).toEqual(["name"]);
    },
  );

  it("answers 400 malformed_json for a body that is not JSON", async () => {
    const res = await request(t.app)
      .post("/api/charts")
      .set("content-type", "application/json")
      .send('{"document": {')
      .expect(400);
    expectError(res.body, "malformed_json");
  });
});

describe("GET /api/charts", () => {
  it("lists charts newest change first with their counts, one page at a time", async () => {
    const made: ChartRecord[] = [];
    for (const document of [specExample(), smallChart("Second"), smallChart("Third")]) {
      await sleep(5);
      made.push(await create(document));
    }
    const res = await request(t.app).get("/api/charts?limit=3").expect(200);
    expect(ChartListResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.limit).toBe(3);
    expect(res.body.offset).toBe(0);
    expect(res.body.charts.map((c: ChartListItem) => c.id)).toEqual(
      made.map((c) => c.id).reverse(),
    );
    const spec = res.body.charts[2];
    expect(spec).toEqual({
      id: made[0]?.id,
      name: "Acme technology leadership",
      version: 1,
      updatedAt: made[0]?.updatedAt,
      counts: { roles: 3, responsibilities: 2, errors: 2, warnings: 1, infos: 1 },
      access: "owner",
      owner: { id: t.owner.account.id, name: "Olive Owner" },
    });
    const third = validateChart(smallChart());
    expect(res.body.charts[0].counts).toEqual({
      roles: 2,
      responsibilities: 1,
      errors: third.filter((f) => f.severity === "error").length,
      warnings: third.filter((f) => f.severity === "warning").length,
      infos: third.filter((f) => f.severity === "info").length,
    });
  });

  it("pages through every chart exactly once in updatedAt order", async () => {
    const all = await request(t.app).get("/api/charts?limit=200").expect(200);
    const { total } = all.body;
    expect(total).toBe(all.body.charts.length);
    expect(total).toBeGreaterThanOrEqual(4);
    const sorted = [...all.body.charts].sort(
      (a: ChartListItem, b: ChartListItem) =>
        b.updatedAt.localeCompare(a.updatedAt) || (a.id < b.id ? -1 : 1),
    );
    expect(all.body.charts).toEqual(sorted);
    const pages: ChartListItem[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = await request(t.app).get(`/api/charts?limit=2&offset=${offset}`).expect(200);
      expect(page.body).toMatchObject({ total, limit: 2, offset });
      pages.push(...page.body.charts);
    }
    expect(pages).toEqual(all.body.charts);
    const past = await request(t.app).get(`/api/charts?offset=${total}`).expect(200);
    expect(past.body).toEqual({ charts: [], total, limit: 50, offset: total });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=abc", "limit"],
    ["limit=201", "limit"],
    ["limit=1.5", "limit"],
    ["offset=-1", "offset"],
    ["page=2", ""],
  ])("answers 400 for the query %s naming %j", async (query, path) => {
    const res = await request(t.app).get(`/api/charts?${query}`).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual([path]);
  });
});

describe("GET /api/charts/:id", () => {
  it("reads a classic-split chart back exactly as it was stored", async () => {
    const document = getTemplate("classic-split")?.document as ChartDocument;
    const made = await create(document);
    const res = await request(t.app).get(`/api/charts/${made.id}`).expect(200);
    expect(res.body).toEqual({ ...made, document });
  });

  it("reads vacant roles back in canonical form with holder null", async () => {
    const document = smallChart();
    document.roles.push({ id: "cfo", title: "CFO" }, { id: "cmo", title: "CMO", holder: " " });
    const made = await create(document);
    const res = await request(t.app).get(`/api/charts/${made.id}`).expect(200);
    expect(res.body.document).toEqual(canonicalDocument(document));
    expect(res.body.document.roles[2]).toEqual({ id: "cfo", title: "CFO", holder: null });
  });

  it("answers 404 for an unknown id", async () => {
    const res = await request(t.app).get(`/api/charts/${randomUUID()}`).expect(404);
    expectError(res.body, "not_found");
  });

  it("answers 400 naming the path id for an id that is not a UUID", async () => {
    const res = await request(t.app).get("/api/charts/not-a-uuid").expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["id"]);
  });
});
