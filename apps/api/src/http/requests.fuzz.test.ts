import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness";
import { type RawAnswer, rawRequest } from "../../test/raw-request";
import { listRoutes } from "../../test/route-list";
import { createHttpServer } from "../server";

/**
 * Malformed requests over every route the app serves, as an attacker or a broken client
 * sends them: bad ids and escapes, wrong and lying content types and encodings, broken,
 * huge and deep JSON, odd query strings and credentials. None may answer 5xx, none may
 * hang, and the server must still serve real requests afterwards.
 *
 * The run is seeded: a failure prints `FUZZ_SEED=… ` to replay it exactly; FUZZ_RUNS
 * sets how many requests (3,000 by default).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

let t: TestApp;
let base: { port: number; close(): Promise<void> };
let chartId: string;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await startTestApp();
  const server = createHttpServer(t.anonymous, {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 20_000,
  });
  server.on("upgrade", t.anonymous.live.upgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const created = await send({
    method: "POST",
    path: "/api/charts",
    headers: { "content-type": "application/json", authorization: `Bearer ${t.owner.token}` },
    body: Buffer.from(JSON.stringify({ name: "Fuzz target", template: "classic-split" })),
  });
  if (created.status !== 201) throw new Error(`could not create a chart: ${created.text}`);
  chartId = JSON.parse(created.text).id;
  routes = listRoutes(t.anonymous)
    .filter((route) => route.includes(" /api/"))
    .map((route) => {
      const [method = "GET", path = "/"] = route.split(" ");
      return { method, path };
    });
});

afterAll(async () => {
  await base?.close();
  await t?.close();
});

const send = (request: Omit<Parameters<typeof rawRequest>[0], "port">): Promise<RawAnswer> =>
  rawRequest({ ...request, port: base.port, timeoutMs: 30_000 });

// ---- what a request is made of ----------------------------------------------------------

/** Values for a path parameter: real, unknown, malformed, escaped, huge. */
const paramArb = fc.oneof(
  fc.constant("{chart}"),
  fc.uuid().map(String),
  fc.constantFrom(
    "not-an-id",
    "%ff",
    "%",
    "%00",
    "%2e%2e%2f%2e%2e",
    "..",
    "%E0%A4%A",
    "%F0%9F%98%80",
    "'%20OR%201%3D1--",
    "a".repeat(3000),
    "%C0%AE",
    "__proto__",
    "constructor",
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

const queryArb = fc.oneof(
  fc.constant(""),
  fc.constantFrom(
    "?format=pptx",
    "?format=json&format=csv",
    "?format=png&scale=1e309",
    "?format=pdf&page=Z9&fit=maybe",
    "?limit=-1&cursor=%ff",
    "?preview=yes&into=%ff",
    `?format=org-csv&name=${"n".repeat(5000)}`,
    "?__proto__[polluted]=1&constructor[prototype][x]=1",
    "?since=NaN&after=-0",
    "?%=%",
  ),
  fc
    .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 })), { maxLength: 6 })
    .map(
      (pairs) =>
        `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`,
    ),
);

/** Nested arrays `depth` deep: a parser that recurses must not fall over. */
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

const jsonBodyArb: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      format: fc.constantFrom("rolemap.chart/v1", "rolemap.chart/v2", 1),
      name: fc.oneof(fc.string(), fc.constant("x".repeat(600)), fc.constant(null)),
      roles: fc.oneof(fc.array(fc.anything(), { maxLength: 4 }), fc.constant("roles")),
      reportingLines: fc.array(fc.anything(), { maxLength: 3 }),
      responsibilities: fc.array(fc.anything(), { maxLength: 3 }),
      assignments: fc.array(fc.anything(), { maxLength: 3 }),
    })
    .map((chart) => JSON.stringify(chart)),
  fc
    .record({
      baseVersion: fc.oneof(fc.integer(), fc.double(), fc.string()),
      operations: fc.array(
        fc.record({ op: fc.constantFrom("addRole", "moveRole", "nope"), role: fc.anything() }),
        { maxLength: 5 },
      ),
    })
    .map((value) => JSON.stringify(value)),
  fc.constantFrom(
    deep(100_000),
    `{"a":${deep(5000)}}`,
    `[${"1,".repeat(200_000)}1]`,
    `{"name":"${"x".repeat(2_000_000)}"}`,
    '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    '{"n":1e400,"m":-0,"o":NaN}',
    '{"unterminated": "',
    "{",
    "null",
    "",
    "\ufeff{}",
    '{"a":"\\ud800"}',
  ),
);

const bodyArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 4, arbitrary: jsonBodyArb.map((text) => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from("Title,Manager\r\n=cmd|' /C calc'!A0,\r\n\"unterminated"),
    ),
  },
);

const contentTypeArb = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "application/json; charset=klingon",
  "application/merge-patch+json",
  "text/plain",
  "text/csv",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "garbage/\u00e9",
  ";;;",
  undefined,
);

/** How the body travels: plain, really gzipped, or a lie about its encoding. */
const encodingArb = fc.constantFrom(
  "none",
  "gzip",
  "gzip-corrupt",
  "br-lie",
  "deflate-lie",
  "identity",
  "gzip, gzip",
  "zstd",
);

const credentialArb = fc.constantFrom(
  "owner",
  "owner",
  "owner",
  "none",
  "bad-bearer",
  "bad-cookie",
);

const requestArb = fc.record({
  route: fc.nat(),
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constant<string | undefined>(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
    },
  ),
  params: fc.array(paramArb, { minLength: 3, maxLength: 3 }),
  query: queryArb,
  contentType: contentTypeArb,
  encoding: encodingArb,
  credential: credentialArb,
  body: fc.option(bodyArb, { freq: 4 }),
  extraHeaders: fc.constantFrom<Record<string, string>[]>(
    {},
    {},
    { "x-request-id": `../../etc/passwd${"x".repeat(500)}` },
    { "if-none-match": '"*", W/"x"' },
    { origin: "null" },
    { "x-forwarded-host": "evil.example" },
    { cookie: "rolemap_session=; rolemap_session=%ff; a=%" },
    { "content-length": "0" },
    { accept: "*/*;q=nan" },
  ),
});

type FuzzRequest = typeof requestArb extends fc.Arbitrary<infer R> ? R : never;

function encode(body: Buffer, encoding: string): { body: Buffer; header?: string } {
  switch (encoding) {
    case "gzip":
      return { body: gzipSync(body), header: "gzip" };
    case "gzip-corrupt":
      return { body: gzipSync(body).subarray(0, 12), header: "gzip" };
    case "br-lie":
      return { body, header: "br" };
    case "deflate-lie":
      return { body, header: "deflate" };
    case "none":
      return { body };
    default:
      return { body, header: encoding };
  }
}

function build(request: FuzzRequest) {
  const route = routes[request.route % routes.length] ?? { method: "GET", path: "/api/health" };
  let used = 0;
  const path = route.path.replace(/:\w+/g, () => {
    const value = request.params[used++ % request.params.length] ?? "x";
    return value === "{chart}" ? chartId : value;
  });
  const headers: Record<string, string> = { host: "127.0.0.1", ...request.extraHeaders };
  if (request.credential === "owner") headers.authorization = `Bearer ${t.owner.token}`;
  if (request.credential === "bad-bearer") headers.authorization = "Bearer rm_%%%\u00ff";
  if (request.credential === "bad-cookie") headers.cookie = "rolemap_session=forged";
  if (request.contentType !== undefined) headers["content-type"] = request.contentType;
  let body: Buffer | undefined;
  if (request.body !== null) {
    const encoded = encode(request.body, request.encoding);
    body = encoded.body;
    if (encoded.header !== undefined) headers["content-encoding"] = encoded.header;
  }
  return { method: request.method ?? route.method, path: path + request.query, headers, body };
}

/** "gzip, application/json, 200,001 bytes": enough to tell a failing request by. */
function describeBody(built: ReturnType<typeof build>): string {
  const type = built.headers["content-type"] ?? "no type";
  const encoding = built.headers["content-encoding"] ?? "plain";
  const size = built.body === undefined ? "no body" : `${built.body.length} bytes`;
  return `${type}, ${encoding}, ${size}, ${built.headers.authorization ? "bearer" : "no bearer"}`;
}

// ---- the run ----------------------------------------------------------------------------

describe(`${RUNS} malformed requests over every route (FUZZ_SEED=${SEED})`, () => {
  it("answer no 5xx, none hangs, and the server serves real requests after", async () => {
    expect(routes.length).toBeGreaterThan(30);
    const statuses = new Map<number, number>();
    let cut = 0;
    const result = await fc.check(
      fc.asyncProperty(requestArb, async (request) => {
        const built = build(request);
        const what = `${built.method} ${built.path.slice(0, 160)} (${describeBody(built)})`;
        // A big body sent to a route that never reads it (GET /api/openapi.json) can cut a
        // large answer short (see RawAnswer.cut): the status came, so it still counts.
        const answer = await send({ ...built, acceptCut: (built.body?.length ?? 0) > 0 }).catch(
          (error: Error) => {
            throw new Error(`${what}: ${error.message}`);
          },
        );
        if (answer.cut) cut += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500)
          throw new Error(`${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The counterexample can be megabytes of JSON: the message names the request instead.
    if (result.failed)
      throw new Error(
        `after ${result.numRuns} requests: ${(result.errorInstance as Error | undefined)?.message}\nreplay with FUZZ_SEED=${SEED}`,
      );
    // Still alive and still right: health, the chart the run may have changed, a new chart.
    const owner = { authorization: `Bearer ${t.owner.token}` };
    expect((await send({ method: "GET", path: "/api/health", headers: {} })).status).toBe(200);
    const chart = await send({ method: "GET", path: `/api/charts/${chartId}`, headers: owner });
    expect([200, 404]).toContain(chart.status);
    const created = await send({
      method: "POST",
      path: "/api/charts",
      headers: { ...owner, "content-type": "application/json" },
      body: Buffer.from(JSON.stringify({ name: "After the storm", template: "classic-split" })),
    });
    expect(created.status).toBe(201);
    if (process.env.FUZZ_VERBOSE)
      console.log(
        [...statuses].sort(([a], [b]) => a - b),
        `${cut} answers cut short`,
      );
    // Cut answers are the rare big-body-to-a-GET case, never a way to pass the run.
    expect(cut).toBeLessThan(RUNS / 20);
    // Most requests must get past the front door, or the run tested nothing but 401s; and
    // some must be accepted whole. (With ~60 routes, most needing a body of their own, a
    // seed gives 2xx for 4-7 % of requests: 2 % is the floor, not the aim.)
    const count = (keep: (status: number) => boolean) =>
      [...statuses].filter(([s]) => keep(s)).reduce((n, [, c]) => n + c, 0);
    expect(count((s) => s !== 401)).toBeGreaterThan(RUNS / 2);
    expect(count((s) => s < 300)).toBeGreaterThan(RUNS / 50);
  });
});
