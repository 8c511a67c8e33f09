import { generateChart } from "../../../packages/domain/bench/generate-chart";
import { canonical } from "../../../packages/domain/src/testing/canonical";
import type { DatabaseConfig } from "../src/db/database";
import { SNAPSHOT_EVERY } from "../src/db/history-writes";
import { type BuiltHistory, buildHistory, ownerAccountId } from "./history-build";
import {
  CHART_SIZE,
  createThrowawayDatabase,
  fmtMs,
  freePort,
  percentile,
  type Row,
  removeDir,
  SEED,
  type ServerChild,
  spawnServer,
  startApiServer,
  stopServer,
  tempDir,
  waitHealthy,
} from "./lib";

/**
 * History (history.md, issue 18 "Speed"): a chart with 5,000 versions of small workshop
 * batches, on a ~200-role chart and on the 1,000-role one. Over HTTP on the real server:
 * the document at an old version (goal < 100 ms) — v=10, v=2,600 (199 batches after the
 * nearest snapshot: the most any version replays) and v=4,990 — and a page of the version
 * list (goal < 20 ms), newest and deep. Each answer is checked against the document the
 * write made. The floor is an authenticated request that does no work (GET /api/auth/me):
 * on a loaded machine it shows what any request costs. Embedded by default; on
 * PostgreSQL too with ROLEMAP_BENCH_DATABASE_URL.
 */

const VERSIONS = 5_000;
const READ_AT = [10, 2_600, 4_990];
const REPEATS = 15;
const WARMUP = 2;
const SIZES = [
  { label: "200 roles", roles: 200, responsibilities: 40, assignments: 1_000 },
  { label: "1,000 roles", ...CHART_SIZE },
];

/** Times `REPEATS` GETs of `route` (after a warm-up) and checks the last answer. */
async function timeGet(server: ServerChild, route: string, check: (body: unknown) => void) {
  const times: number[] = [];
  let body: unknown;
  for (let n = 0; n < WARMUP + REPEATS; n++) {
    const start = performance.now();
    const res = await fetch(`${server.baseUrl}${route}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${route} → ${res.status}: ${text.slice(0, 300)}`);
    body = JSON.parse(text);
    if (n >= WARMUP) times.push(performance.now() - start);
  }
  check(body);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const verdict = (ms: number, goal: number) => (ms < goal ? "PASS" : "MISS") as "PASS" | "MISS";

async function measure(server: ServerChild, built: BuiltHistory, name: string): Promise<Row[]> {
  const { chartId } = built;
  const floor = await timeGet(server, "/api/auth/me", () => {});
  const rows: Row[] = [
    {
      benchmark: name,
      metric: "floor: GET /api/auth/me (p50 / p95)",
      value: `${fmtMs(floor.p50)} / ${fmtMs(floor.p95)}`,
    },
  ];
  for (const version of READ_AT) {
    const expected = canonical(built.documents.get(version));
    const { p50, p95 } = await timeGet(
      server,
      `/api/charts/${chartId}/versions/${version}`,
      (b) => {
        if (canonical((b as { document: unknown }).document) !== expected)
          throw new Error(`${name}: version ${version} is not the document it was`);
      },
    );
    rows.push({
      benchmark: name,
      metric: `document at v=${version.toLocaleString("en")} (p50 / p95)`,
      value: `${fmtMs(p50)} / ${fmtMs(p95)}`,
      target: "< 100 ms",
      verdict: verdict(p50, 100),
    });
  }
  for (const [label, query, first] of [
    ["newest", "", VERSIONS],
    ["before=2,500", "&before=2500", 2_499],
  ] as const) {
    const { p50, p95 } = await timeGet(
      server,
      `/api/charts/${chartId}/versions?limit=50${query}`,
      (b) => {
        const page = b as { versions: { version: number }[] };
        if (page.versions.length !== 50 || page.versions[0]?.version !== first)
          throw new Error(`${name}: the ${label} page starts at ${page.versions[0]?.version}`);
      },
    );
    rows.push({
      benchmark: name,
      metric: `version list, 50, ${label} (p50 / p95)`,
      value: `${fmtMs(p50)} / ${fmtMs(p95)}`,
      target: "< 20 ms",
      verdict: verdict(p50, 20),
    });
  }
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  rows.push(
    {
      benchmark: name,
      metric: "commit while building (p50 / max)",
      value: `${fmtMs(built.commitMs.p50)} / ${fmtMs(built.commitMs.max)}`,
    },
    {
      benchmark: name,
      metric: `stored: log / ${built.stored.snapshotCount} snapshots`,
      value: `${kib(built.stored.log)} / ${kib(built.stored.snapshots)}`,
    },
  );
  for (const row of rows) console.log(`${row.benchmark}: ${row.metric} ${row.value}`);
  return rows;
}

/** Sets a server up, builds the histories in its database, and measures on it restarted. */
async function onDatabase(
  label: string,
  config: DatabaseConfig,
  env: Record<string, string>,
): Promise<Row[]> {
  const first = await startApiServer({ ...env, LOG_LEVEL: "silent" });
  const token = first.token;
  await stopServer(first);
  const ownerId = await ownerAccountId(config);
  const built: [string, BuiltHistory][] = [];
  for (const size of SIZES) {
    const start = performance.now();
    const document = generateChart({ ...size, seed: SEED });
    built.push([
      size.label,
      await buildHistory(config, ownerId, document, VERSIONS, [1, ...READ_AT], SEED + 7),
    ]);
    console.log(
      `history (${label}): ${size.label}, ${VERSIONS} versions written in ${((performance.now() - start) / 1000).toFixed(0)} s (a snapshot every ${SNAPSHOT_EVERY})`,
    );
  }
  const server = spawnServer(await freePort(), {
    API_RATE_LIMIT: "0",
    LOG_LEVEL: "silent",
    ...env,
  });
  try {
    await waitHealthy(server);
    if (token !== undefined) server.token = token;
    const rows: Row[] = [];
    for (const [size, history] of built)
      rows.push(...(await measure(server, history, `history, ${size}, ${label}`)));
    return rows;
  } finally {
    await stopServer(server);
  }
}

export async function benchHistory(): Promise<Row[]> {
  const rows: Row[] = [];
  const dataDir = await tempDir("history");
  try {
    rows.push(
      ...(await onDatabase("embedded", { kind: "embedded", dataDir }, { DATA_DIR: dataDir })),
    );
    const adminUrl = process.env.ROLEMAP_BENCH_DATABASE_URL;
    if (adminUrl === undefined || adminUrl === "") {
      console.log("history (postgres): skipped; set ROLEMAP_BENCH_DATABASE_URL to run it");
      return rows;
    }
    const database = await createThrowawayDatabase(adminUrl);
    try {
      rows.push(
        ...(await onDatabase(
          "postgres",
          { kind: "postgres", url: database.url },
          { DATABASE_URL: database.url, DATA_DIR: dataDir },
        )),
      );
    } finally {
      await database.drop();
    }
  } finally {
    await removeDir(dataDir);
  }
  return rows;
}
