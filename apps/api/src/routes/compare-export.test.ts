import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { ErrorBody } from "@rolemap/contract";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../../../packages/export/src/testing/read-pdf";
import { expectError } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { type Credentials, call, inviteAccount, shareLink } from "../../test/principals";
import { createInterchangePool, type InterchangePool } from "../interchange-pool/pool";

/**
 * GET /api/charts/:a/compare/:b/export (issue 18, item 3): a comparison as PDF, PNG or SVG
 * for the deck after the workshop, made on the export threads; view access to both charts.
 * Carla owns the primary and its scenario; Zed is a stranger with a chart of his own.
 */

let t: TestApp;
let carla: Credentials;
let zed: Credentials;
let primary: string;
let scenario: string;
let zedsChart: string;
const pool = createInterchangePool();

beforeAll(async () => {
  t = await startTestApp({ interchangePool: pool });
  carla = (await inviteAccount(t, "Carla")).session;
  zed = (await inviteAccount(t, "Zed")).session;
  primary = (
    await call(t.anonymous, carla, "post", "/api/charts")
      .send({ template: "classic-split", name: "Primary 2027" })
      .expect(201)
  ).body.id;
  scenario = (
    await call(t.anonymous, carla, "post", `/api/charts/${primary}/scenarios`)
      .send({ name: "CISO under CTO" })
      .expect(201)
  ).body.id;
  // The what-if: the CISO's dotted line to the CTO becomes its solid line, the enterprise
  // architect goes, the CDO is renamed.
  await call(t.anonymous, carla, "post", `/api/charts/${scenario}/operations`)
    .send({
      operations: [
        { op: "removeLine", line: { manager: "cio", report: "ciso", kind: "solid" } },
        {
          op: "updateLine",
          line: { manager: "cto", report: "ciso", kind: "dotted" },
          kind: "solid",
        },
        { op: "removeRole", id: "enterprise-architect" },
        { op: "updateRole", id: "cdo", changes: { title: "Chief Data & AI Officer" } },
      ],
    })
    .expect(200);
  zedsChart = (
    await call(t.anonymous, zed, "post", "/api/charts")
      .send({ template: "product-led", name: "Zed's" })
      .expect(201)
  ).body.id;
}, 60_000);
afterAll(async () => {
  await t?.close();
  await pool.close();
});

/** The comparison's file as bytes, whatever its type. */
const download = (who: Credentials, a: string, b: string, query: string) =>
  call(t.anonymous, who, "get", `/api/charts/${a}/compare/${b}/export?${query}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });

const errorOf = (res: { body: unknown }) => JSON.parse(String(res.body)) as ErrorBody;

describe("GET /api/charts/:a/compare/:b/export", () => {
  it("sends a PDF of the marked chart, the changes and the findings delta to download", async () => {
    const res = await download(carla, primary, scenario, "format=pdf").expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      "attachment; filename=primary-2027-vs-ciso-under-cto.pdf",
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    const pdf = await readPdf(new Uint8Array(body));
    expect(pdf.info.Title).toBe("Primary 2027 → CISO under CTO");
    const text = pdf.pages.map((page) => page.text).join(" ");
    for (const words of [
      "MOVED",
      "REMOVED",
      "CHANGED",
      "Chief Information Security Officer: Chief Information Officer → Chief Technology Officer",
      "Enterprise Architect",
      "title “Chief Data Officer” → “Chief Data & AI Officer”",
      "Findings: fixed and new",
    ])
      expect(text).toContain(words);
  });

  it("sends a PNG of the whole comparison", async () => {
    const res = await download(carla, primary, scenario, "format=png").expect(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toBe(
      "attachment; filename=primary-2027-vs-ciso-under-cto.png",
    );
    const png = PNG.sync.read(res.body as Buffer);
    // Two pixels per unit: a chart of a dozen cards with its legend and lists.
    expect(png.width).toBeGreaterThan(1_500);
    expect(png.width).toBeLessThan(8_000);
    expect(png.height).toBeGreaterThan(png.width / 2);
  });

  it("sends the SVG with each change marked", async () => {
    const res = await download(carla, primary, scenario, "format=svg").expect(200);
    expect(res.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    const svg = (res.body as Buffer).toString("utf8");
    expect(svg).toMatch(/^<svg /);
    for (const change of ["moved", "removed", "changed"])
      expect(svg).toContain(`data-change="${change}"`);
    expect(svg).toContain("<title>Primary 2027 → CISO under CTO</title>");
  });

  it("compares any two charts the principal sees, either way round", async () => {
    const res = await download(carla, scenario, primary, "format=svg").expect(200);
    expect(res.headers["content-disposition"]).toBe(
      "attachment; filename=ciso-under-cto-vs-primary-2027.svg",
    );
    expect((res.body as Buffer).toString("utf8")).toContain("CISO under CTO → Primary 2027");
  });

  it.each([
    ["format=pptx", "format"],
    ["", "format"],
    ["format=pdf&scale=2", ""],
  ])("answers 400 naming the problem for ?%s", async (query, path) => {
    const res = await download(carla, primary, scenario, query).expect(400);
    const { error } = errorOf(res);
    expect(error.code).toBe("invalid_input");
    expect(error.issues.map((issue) => issue.path)).toContain(path);
  });

  it("answers 400 for a malformed chart id", async () => {
    const res = await download(carla, primary, "nope", "format=pdf").expect(400);
    expect(errorOf(res).error.code).toBe("invalid_input");
  });

  it("answers 401 to a request without a session or token", async () => {
    const res = await download({ kind: "none" }, primary, scenario, "format=pdf").expect(401);
    expect(errorOf(res).error.code).toBe("unauthenticated");
  });

  it.each([
    ["the first", () => [randomUUID(), scenario]],
    ["the second", () => [primary, randomUUID()]],
  ])("answers 404 when %s chart does not exist", async (_, ids) => {
    const [a = "", b = ""] = ids();
    const res = await download(carla, a, b, "format=png").expect(404);
    expect(errorOf(res).error.code).toBe("not_found");
  });

  it("answers 404 when the principal cannot see one of the charts, as for a missing one", async () => {
    for (const [a, b] of [
      [zedsChart, primary],
      [primary, zedsChart],
    ] as const) {
      const asCarla = await download(carla, a, b, "format=pdf").expect(404);
      expect(errorOf(asCarla).error.code).toBe("not_found");
      const asZed = await download(zed, a, b, "format=pdf").expect(404);
      expect(errorOf(asZed).error.code).toBe("not_found");
    }
  });

  it("lets a guest of the primary compare it with its scenario, and nothing else", async () => {
    const { guest } = await shareLink(t, carla, primary, "view");
    await download(guest, primary, scenario, "format=svg").expect(200);
    const res = await download(guest, primary, zedsChart, "format=svg").expect(404);
    expectError(errorOf(res), "not_found");
  });
});

/** A stand-in worker whose tasks never end when the scenario is named "spin". */
const STUBBORN = fileURLToPath(
  new URL("../interchange-pool/testing/stubborn-worker.mjs", import.meta.url),
);

describe("a comparison export within the pool's limits", () => {
  let limited: TestApp;
  let strict: InterchangePool;
  let spin: [string, string];
  beforeAll(async () => {
    strict = createInterchangePool({
      workerFile: STUBBORN,
      limits: { threads: 1, queue: 1, perPrincipal: 1, timeoutMs: 1_500, idleMs: 60_000 },
    });
    limited = await startTestApp({ interchangePool: strict });
    const make = async (name: string) =>
      (
        await call(limited.app, { kind: "none" }, "post", "/api/charts")
          .send({ template: "classic-split", name })
          .expect(201)
      ).body.id as string;
    spin = [await make("primary"), await make("spin")];
  }, 60_000);
  afterAll(async () => {
    await limited?.close();
    await strict.close();
  });

  const compareAsOwner = (a: string, b: string) =>
    call(limited.app, { kind: "none" }, "get", `/api/charts/${a}/compare/${b}/export?format=pdf`);

  it("stops one past the time limit (422) and refuses a second at once (429 with Retry-After)", async () => {
    const [a, b] = spin;
    const started = new Promise<void>((resolve) => {
      const channel = new BroadcastChannel("stubborn-worker:started");
      channel.onmessage = () => {
        channel.close();
        resolve();
      };
    });
    const slow = compareAsOwner(a, b).then((res) => res);
    await started;
    const second = await compareAsOwner(a, b);
    expect(second.status).toBe(429);
    expect(second.headers["retry-after"]).toBe("5");
    expectError(second.body, "rate_limited");
    const stopped = await slow;
    expect(stopped.status).toBe(422);
    expectError(stopped.body, "limit_exceeded");
    expect((stopped.body as ErrorBody).error.message).toContain(
      "the export of this comparison as PDF took longer than the limit",
    );
  });
});
