import { randomUUID } from "node:crypto";
import type { ChartDocument, ChartRecord } from "@rolemap/contract";
import { getTemplate } from "@rolemap/domain";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, largeChart, smallChart, specExample } from "../../test/fixtures/charts";
import { serverUrl, startTestApp, type TestApp } from "../../test/harness";
import { canonicalDocument } from "../db/rows";

/** PUT, DELETE and findings of /api/charts/:id (creation and reading: charts.test.ts). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function create(document: ChartDocument = specExample()): Promise<ChartRecord> {
  const res = await request(t.app).post("/api/charts").send({ document }).expect(201);
  return res.body;
}

const read = async (id: string): Promise<ChartRecord> =>
  (await request(t.app).get(`/api/charts/${id}`).expect(200)).body;

describe("PUT /api/charts/:id", () => {
  it("replaces the document at the current version and answers the next version", async () => {
    const made = await create();
    const next = smallChart("Replaced");
    const res = await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: next, version: 1 })
      .expect(200);
    expect(res.body).toEqual({
      id: made.id,
      version: 2,
      updatedAt: expect.any(String),
      document: next,
      access: "owner",
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(made.updatedAt));
    expect(await read(made.id)).toEqual(res.body);
    const listed = await request(t.app).get("/api/charts?limit=1").expect(200);
    expect(listed.body.charts[0]).toMatchObject({
      id: made.id,
      name: "Replaced",
      version: 2,
      counts: { roles: 2, responsibilities: 1 },
    });
  });

  it("answers 409 version_conflict for a stale version and changes nothing", async () => {
    const made = await create();
    await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: smallChart("First writer"), version: 1 })
      .expect(200);
    const res = await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: smallChart("Second writer"), version: 1 })
      .expect(409);
    expectError(res.body, "version_conflict");
    expect(res.body.error.message).toContain("version 2");
    const now = await read(made.id);
    expect(now.version).toBe(2);
    expect(now.document.name).toBe("First writer");
  });

  it("answers 400 with document. paths for an invalid document and changes nothing", async () => {
    const made = await create();
    const document = specExample();
    document.assignments.push({ role: "cxo", responsibility: "infra", code: "R" });
    const res = await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document, version: 1 })
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["document.assignments[2].role"]);
    expect(await read(made.id)).toEqual(made);
  });

  it.each([
    ["without a version", (d: ChartDocument) => ({ document: d })],
    ["with a version that is a string", (d: ChartDocument) => ({ document: d, version: "1" })],
    ["with version 0", (d: ChartDocument) => ({ document: d, version: 0 })],
  ])("answers 400 naming the path version for a body %s", async (_what, body) => {
    const made = await create();
    const res = await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send(body(smallChart()))
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["version"]);
    expect((await read(made.id)).version).toBe(1);
  });

  it("answers 404 for an unknown chart", async () => {
    const res = await request(t.app)
      .put(`/api/charts/${randomUUID()}`)
      .send({ document: smallChart(), version: 1 })
      .expect(404);
    expectError(res.body, "not_found");
  });

  it("answers 400 for an id that is not a UUID", async () => {
    const res = await request(t.app)
      .put("/api/charts/42")
      .send({ document: smallChart(), version: 1 })
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["id"]);
  });

  it("answers 400, not a 500, for text the database cannot store, and changes nothing", async () => {
    const made = await create();
    const document = specExample();
    document.responsibilities[1] = { id: "product", name: "Product", description: "\u0000" };
    const res = await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document, version: 1 })
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual([
      "document.responsibilities[1].description",
    ]);
    expect(await read(made.id)).toEqual(made);
  });

  it("keeps the order of every list exactly as the new document gives it", async () => {
    const original = getTemplate("classic-split")?.document as ChartDocument;
    const made = await create(original);
    const reversed: ChartDocument = {
      ...original,
      roles: [...original.roles].reverse(),
      reportingLines: [...original.reportingLines].reverse(),
      responsibilities: [...original.responsibilities].reverse(),
      assignments: [...original.assignments].reverse(),
    };
    await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: reversed, version: 1 })
      .expect(200);
    expect((await read(made.id)).document).toEqual(reversed);
    // And back, with only the lines shuffled (a rotation moves every kept line).
    const lines = original.reportingLines;
    const rotated = { ...original, reportingLines: [...lines.slice(3), ...lines.slice(0, 3)] };
    await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: rotated, version: 2 })
      .expect(200);
    expect((await read(made.id)).document).toEqual(rotated);
  });

  it("stores vacant holders, optional fields and settings as they read back", async () => {
    const made = await create();
    const document = specExample();
    document.roles[0] = { id: "ceo", title: "CEO", holder: "", notes: "", department: "" };
    delete document.settings;
    document.responsibilities[0] = { id: "infra", name: "Infra", description: "All of it" };
    const res = await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document, version: 1 })
      .expect(200);
    expect(res.body.document).toEqual(canonicalDocument(document));
    expect((await read(made.id)).document).toEqual(canonicalDocument(document));
    expect(res.body.document.settings).toBeUndefined();
  });
});

// On PostgreSQL only: writing it takes seconds (more on the embedded database, which runs
// the same Prisma code), and it used to fail there with a 500 when a write outlasted
// Prisma's default 5 s transaction timeout.
describe.runIf(serverUrl !== undefined)("a large chart on PostgreSQL", () => {
  it("is stored, reordered and read back exactly (6,000 roles, 18,000 assignments)", async () => {
    const document = largeChart(6_000, 300);
    const made = await create(document);
    expect((await read(made.id)).document).toEqual(document);
    const reordered = { ...document, assignments: [...document.assignments].reverse() };
    await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: reordered, version: 1 })
      .expect(200);
    expect((await read(made.id)).document).toEqual(reordered);
  }, 120_000);
});

describe("DELETE /api/charts/:id", () => {
  it("deletes a chart with 204, after which it is gone", async () => {
    const made = await create();
    const res = await request(t.app).delete(`/api/charts/${made.id}`).expect(204);
    expect(res.text).toBe("");
    await request(t.app).get(`/api/charts/${made.id}`).expect(404);
    await request(t.app).get(`/api/charts/${made.id}/findings`).expect(404);
    const listed = await request(t.app).get("/api/charts?limit=200").expect(200);
    expect(listed.body.charts.map((c: ChartRecord) => c.id)).not.toContain(made.id);
    await request(t.app).delete(`/api/charts/${made.id}`).expect(404);
  });

  it("answers 404 for an unknown chart and 400 for an id that is not a UUID", async () => {
    expectError(
      (await request(t.app).delete(`/api/charts/${randomUUID()}`).expect(404)).body,
      "not_found",
    );
    const res = await request(t.app).delete("/api/charts/abc").expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["id"]);
  });
});

describe("GET /api/charts/:id/findings", () => {
  it.each(["classic-split", "product-led", "operations-led"])(
    "answers what POST /api/validate answers for the %s template",
    async (id) => {
      const document = getTemplate(id)?.document as ChartDocument;
      const made = await create(document);
      const stored = await request(t.app).get(`/api/charts/${made.id}/findings`).expect(200);
      const direct = await request(t.app).post("/api/validate").send(document).expect(200);
      expect(stored.body).toEqual(direct.body);
    },
  );

  it("answers the spec example's findings for the spec example", async () => {
    const made = await create();
    const stored = await request(t.app).get(`/api/charts/${made.id}/findings`).expect(200);
    const direct = await request(t.app).post("/api/validate").send(specExample()).expect(200);
    expect(stored.body).toEqual(direct.body);
    expect(stored.body.findings).toHaveLength(4);
  });

  it("answers 404 for an unknown chart and 400 for an id that is not a UUID", async () => {
    await request(t.app).get(`/api/charts/${randomUUID()}/findings`).expect(404);
    const res = await request(t.app).get("/api/charts/zzz/findings").expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["id"]);
  });
});
