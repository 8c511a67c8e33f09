import { randomUUID } from "node:crypto";
import {
  type ChartRecord,
  ChartRecordSchema,
  type ErrorBody,
  ImportPreviewSchema,
} from "@rolemap/contract";
import { getTemplate } from "@rolemap/domain";
import { exportMatrixCsv } from "@rolemap/interchange";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const ORG_CSV = [
  "Full name;Job title;Reports to;Department",
  "Dana Smith;Chief Executive Officer;;Board",
  "Alex Ng;Chief Information Officer;Dana Smith;IT",
  '"Sam ""The Builder"" Lee";Chief Technology Officer;Dana Smith;"Engineering',
  'and Product"',
  ";Chief Information Security Officer;Alex Ng;Security",
].join("\r\n");

const BAD_ORG_CSV = [
  "Name,Title,Manager",
  "Dana Smith,CEO,",
  "Alex Ng,CIO,J. Doe",
  "Kim Park,,Dana Smith",
].join("\n");

const importFile = (query: string, body: string, type = "text/csv") =>
  request(t.app).post(`/api/charts/import?${query}`).set("Content-Type", type).send(body);

const chartCount = async () => (await request(t.app).get("/api/charts").expect(200)).body.total;

describe("POST /api/charts/import", () => {
  it("creates a chart from an HR org list and answers 201 with it", async () => {
    const res = await importFile("format=org-csv&name=From%20HR", `\uFEFF${ORG_CSV}`).expect(201);
    const chart: ChartRecord = ChartRecordSchema.parse(res.body);
    expect(res.headers.location).toBe(`/api/charts/${chart.id}`);
    expect(chart.version).toBe(1);
    expect(chart.document.name).toBe("From HR");
    expect(chart.document.roles.map((role) => [role.title, role.holder])).toEqual([
      ["Chief Executive Officer", "Dana Smith"],
      ["Chief Information Officer", "Alex Ng"],
      ["Chief Technology Officer", 'Sam "The Builder" Lee'],
      ["Chief Information Security Officer", null],
    ]);
    expect(chart.document.roles[2]?.department).toBe("Engineering and Product");
    expect(chart.document.reportingLines).toHaveLength(3);
    const stored = await request(t.app).get(`/api/charts/${chart.id}`).expect(200);
    expect(stored.body).toEqual(chart);
  });

  it("lists every problem with its line and column, and stores nothing", async () => {
    const before = await chartCount();
    const res = await importFile("format=org-csv", BAD_ORG_CSV).expect(400);
    expectError(res.body, "invalid_input");
    const { error } = res.body as ErrorBody;
    expect(error.message).toMatch(/2 problems; nothing was stored/);
    expect(error.issues).toEqual([
      {
        path: "line 3, column Manager",
        message: expect.stringContaining('"J. Doe" matches no one'),
      },
      { path: "line 4, column Title", message: expect.any(String) },
    ]);
    expect(await chartCount()).toBe(before);
  });

  it("previews counts and problems without storing anything", async () => {
    const before = await chartCount();
    const good = await importFile("format=org-csv&preview=true", ORG_CSV).expect(200);
    expect(ImportPreviewSchema.parse(good.body)).toEqual({
      counts: { roles: 4, reportingLines: 3, responsibilities: 0, assignments: 0 },
      problems: [],
    });
    const bad = await importFile("format=org-csv&preview=true", BAD_ORG_CSV).expect(200);
    expect(bad.body.problems).toHaveLength(2);
    expect(bad.body.problems[0]).toMatchObject({ line: 3, column: "Manager" });
    expect(await chartCount()).toBe(before);
  });

  it("imports a JSON document sent as application/json, exactly as it was", async () => {
    const document = getTemplate("operations-led")?.document;
    const res = await importFile("format=json", JSON.stringify(document), "application/json");
    expect(res.status).toBe(201);
    expect(res.body.document).toEqual(document);
  });

  it("names the JSON path of an invalid document", async () => {
    const document = { ...getTemplate("classic-split")?.document, format: "nope" };
    const res = await importFile("format=json", JSON.stringify(document), "application/json");
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].message).toMatch(/format/);
  });

  it("merges a matrix CSV into an existing chart under a new version", async () => {
    const created = await request(t.app)
      .post("/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const chart: ChartRecord = created.body;
    const edited = structuredClone(chart.document);
    const first = edited.responsibilities[0];
    if (first === undefined) throw new Error("template without responsibilities");
    edited.assignments = edited.assignments.filter((a) => a.responsibility !== first.id);
    edited.assignments.push({ role: "cto", responsibility: first.id, code: "A" });
    const csv = exportMatrixCsv(edited);

    const preview = await importFile(`format=matrix-csv&into=${chart.id}&preview=1`, csv).expect(
      200,
    );
    expect(preview.body.problems).toEqual([]);
    expect((await request(t.app).get(`/api/charts/${chart.id}`)).body.version).toBe(1);

    const merged = await importFile(`format=matrix-csv&into=${chart.id}`, csv).expect(200);
    expect(merged.body.id).toBe(chart.id);
    expect(merged.body.version).toBe(2);
    expect(merged.body.document.assignments).toEqual(
      expect.arrayContaining([{ role: "cto", responsibility: first.id, code: "A" }]),
    );
    const findings = await request(t.app).get(`/api/charts/${chart.id}/findings`).expect(200);
    expect(findings.body.findings).toEqual(expect.any(Array));
  });

  it("keeps the chart as it was when a merged matrix has a problem", async () => {
    const created = await request(t.app)
      .post("/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const csv = "Responsibility,Chief Executive Officer,Head of Nothing\r\nBudget,A,X\r\n";
    const res = await importFile(`format=matrix-csv&into=${created.body.id}`, csv).expect(400);
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: expect.stringContaining("Head of Nothing") }),
      ]),
    );
    const after = await request(t.app).get(`/api/charts/${created.body.id}`).expect(200);
    expect(after.body).toEqual(created.body);
  });

  it.each([
    ["format=xls", "csv", "format"],
    ["", "csv", "format"],
    ["format=org-csv&into=not-a-uuid", "csv", "into"],
    ["format=org-csv&into=0b6f3c1e-4a8e-4c47-9d2c-2f3c4b5a6d7e", "a,b", "into"],
    ["format=org-csv&colour=red", "csv", ""],
  ])("answers 400 naming the query part for ?%s", async (query, body, path) => {
    const res = await importFile(query, body).expect(400);
    expect(expectError(res.body, "invalid_input")).toContain(path);
  });

  it("answers 400 for an empty file and 404 for an unknown chart to merge into", async () => {
    const empty = await importFile("format=org-csv", "  \r\n").expect(400);
    expect(empty.body.error.message).toMatch(/file to import/);
    const missing = await importFile(`format=matrix-csv&into=${randomUUID()}`, "R,CEO\nX,A").expect(
      404,
    );
    expectError(missing.body, "not_found");
  });

  it("answers 413 for a file over the body limit", async () => {
    const huge = `Name,Title\n${"x,y\n".repeat(5_000_000)}`;
    const res = await importFile("format=org-csv", huge).expect(413);
    expectError(res.body, "payload_too_large");
  });
});
