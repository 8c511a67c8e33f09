import { randomUUID } from "node:crypto";
import type { ChartRecord } from "@rolemap/contract";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let chart: ChartRecord;
beforeAll(async () => {
  t = await startTestApp();
  chart = (
    await request(t.app)
      .post("/api/charts")
      .send({ template: "classic-split", name: "Tech leadership 2027" })
      .expect(201)
  ).body;
});
afterAll(() => t?.close());

/** Collects the body as bytes whatever its type (supertest only buffers some). */
const download = (query: string) =>
  request(t.app)
    .get(`/api/charts/${chart.id}/export?${query}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });

describe("GET /api/charts/:id/export", () => {
  it.each([
    ["svg", "image/svg+xml", "svg", (b: Buffer) => b.toString("utf8").includes("<svg")],
    ["png", "image/png", "png", (b: Buffer) => b.subarray(1, 4).toString("latin1") === "PNG"],
    ["pdf", "application/pdf", "pdf", (b: Buffer) => b.subarray(0, 5).toString() === "%PDF-"],
    [
      "pptx",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "pptx",
      (b: Buffer) => b.subarray(0, 2).toString() === "PK",
    ],
    [
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "xlsx",
      (b: Buffer) => b.subarray(0, 2).toString() === "PK",
    ],
    ["csv", "text/csv", "csv", (b: Buffer) => b.toString("utf8").includes("Responsibility")],
  ])("sends the whole chart as %s to download", async (format, type, extension, looksRight) => {
    const res = await download(`format=${format}`).expect(200);
    expect(res.headers["content-type"]).toContain(type);
    expect(res.headers["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="?tech-leadership-2027\\.${extension}"?$`),
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(looksRight(res.body as Buffer)).toBe(true);
  });

  it("sends the document as JSON that round-trips exactly", async () => {
    const res = await download("format=json").expect(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(JSON.parse((res.body as Buffer).toString("utf8"))).toEqual(chart.document);
  });

  it("scales a PNG", async () => {
    const width = (png: Buffer) => png.readUInt32BE(16);
    const one = await download("format=png&scale=1").expect(200);
    const three = await download("format=png&scale=3").expect(200);
    expect(Math.abs(width(three.body) - 3 * width(one.body))).toBeLessThanOrEqual(3);
  });

  it.each([
    ["format=gif", "format"],
    ["", "format"],
    ["format=png&scale=9", "scale"],
    ["format=pdf&page=a5", "page"],
    ["format=pdf&findings=perhaps", "findings"],
    ["format=svg&zoom=2", ""],
  ])("answers 400 naming the option for ?%s", async (query, path) => {
    const res = await request(t.app).get(`/api/charts/${chart.id}/export?${query}`).expect(400);
    expect(expectError(res.body, "invalid_input")).toContain(path);
  });

  it("answers 404 for an unknown chart and 400 for a malformed id", async () => {
    const missing = await request(t.app).get(`/api/charts/${randomUUID()}/export?format=svg`);
    expect(missing.status).toBe(404);
    expectError(missing.body, "not_found");
    const malformed = await request(t.app).get("/api/charts/nope/export?format=svg");
    expect(malformed.status).toBe(400);
  });
});
