import { randomUUID } from "node:crypto";
import type { ChartRecord } from "@rolemap/contract";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateChart } from "../../../../packages/domain/bench/generate-chart";
import { readZip } from "../../../../packages/export/src/testing/read-zip";
import { expectError } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { createInterchangePool } from "../interchange-pool/pool";

let t: TestApp;
let chart: ChartRecord;
const pool = createInterchangePool();
beforeAll(async () => {
  t = await startTestApp({ interchangePool: pool });
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

/** Health checks that must be answered, one by one, while a large export is still running. */
const HEALTH_CHECKS = 30;

describe("a large export", () => {
  let big: string;
  beforeAll(async () => {
    const document = generateChart({
      roles: 1_000,
      responsibilities: 100,
      assignments: 5_000,
      seed: 1,
    });
    big = (await request(t.app).post("/api/charts").send({ document }).expect(201)).body.id;
  });

  it("runs off the event loop: requests are answered while a 1,000-role PDF is made", async () => {
    // Exporters loaded first, so the big export starts working at once.
    await download("format=pdf").expect(200);
    let finished = false;
    const pdf = request(t.app)
      .get(`/api/charts/${big}/export?format=pdf`)
      .then((res) => {
        finished = true;
        return res;
      });
    await vi.waitFor(() => expect(pool.stats().pending).toBe(1));
    // Made on a worker thread of the pool, not in this one.
    expect(await pool.threads()).toBe(1);
    // One request after another while the PDF is made: all answered before it is done.
    for (let answered = 0; answered < HEALTH_CHECKS; answered++)
      await request(t.app).get("/api/health").expect(200);
    await request(t.app).get(`/api/charts/${chart.id}`).expect(200);
    expect(finished).toBe(false);
    expect((await pdf).status).toBe(200);
    expect(pool.stats().pending).toBe(0);
  });

  it("makes a deck of tens of slides of a 1,000-role chart, not one per role", async () => {
    const res = await request(t.app)
      .get(`/api/charts/${big}/export?format=pptx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const zip = await readZip(new Uint8Array(res.body as Buffer));
    const slides = zip.paths.filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path));
    // Overview, branches, matrix: the deck of this chart had 1,009 slides and 190.9 MB.
    expect(slides.length).toBeGreaterThanOrEqual(20);
    expect(slides.length).toBeLessThanOrEqual(100);
    expect((res.body as Buffer).byteLength).toBeLessThan(20 * 1024 * 1024);
  });
});
