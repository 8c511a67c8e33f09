import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { ChartRecord, Operation, OperationsResponse } from "@rolemap/contract";
import type { Options } from "autocannon";
import { measureAccessChecks } from "./access-checks";
import { bigBatch } from "./big-batch";
import {
  API_DIR,
  benchChart,
  fmtMs,
  freePort,
  type LoadResult,
  loadRun,
  ownerSessionCookie,
  probeStalls,
  type Row,
  removeDir,
  requestJson,
  type ServerChild,
  sleep,
  spawnServer,
  startApiServer,
  stopServer,
  tempDir,
  waitHealthy,
} from "./lib";
import { BenchSocket } from "./live-bench-client";

/**
 * Issue 17's throughput, restated: Rolemap's POST /api/validate and GET /api/charts/:id
 * (signed in with a session cookie, as the editor asks) against a floor measured in the
 * same run on the same 1,000-role body — a bare Express process that only parses the JSON
 * body and answers {"ok":true}, or sends the chart's bytes. At 1 and 20 connections;
 * goals: ≥ 0.50 of the floor's requests/s at 20 connections, p99 < 50 ms at 1. The server
 * logs at its default level (info), as deployed. Then the cost of the access checks
 * in-process, and the longest event-loop stall while a 5,000-operation batch is written.
 */

const WARMUP_SECONDS = 3;
const SECONDS = { 1: 5, 20: 10 } as const;
const CONNECTIONS = [1, 20] as const;
export const TARGET_RATIO = 0.5;
export const TARGET_SINGLE_P99_MS = 50;
export const TARGET_STALL_MS = 100;

interface Target {
  name: string;
  floor: Options;
  rolemap: Options;
}

async function startFloor(chartBytes: Buffer, dir: string): Promise<ServerChild> {
  const file = path.join(dir, "chart-record.json");
  await writeFile(file, chartBytes);
  const port = await freePort();
  const floor = spawnServer(
    port,
    {},
    {
      file: process.execPath,
      args: ["--import", "tsx", "bench/bare-express.ts", String(port), file],
      cwd: API_DIR,
    },
  );
  await waitHealthy(floor);
  return floor;
}

const describe = (label: string, r: LoadResult) =>
  `${label}: ${r.latency.totalCount} requests in ${r.duration.toFixed(1)} s, ${r.perSecond.toFixed(1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`;

/** Floor and Rolemap back to back for each target and connection count (same conditions). */
async function measureTargets(targets: Target[]): Promise<Row[]> {
  for (const t of targets)
    for (const side of ["floor", "rolemap"] as const)
      await loadRun(
        { ...t[side], connections: 20, duration: WARMUP_SECONDS },
        `${t.name} ${side} warm-up`,
      );
  const rows: Row[] = [];
  for (const connections of CONNECTIONS)
    for (const t of targets) {
      const run = (side: "floor" | "rolemap") =>
        loadRun(
          { ...t[side], connections, duration: SECONDS[connections] },
          `${t.name} ${side} ${connections}`,
        );
      const floor = await run("floor");
      const rolemap = await run("rolemap");
      console.log(describe(`${t.name}, floor,   ${connections} conn`, floor));
      console.log(describe(`${t.name}, Rolemap, ${connections} conn`, rolemap));
      const name = `${t.name}, ${connections} conn`;
      const ratio = rolemap.perSecond / floor.perSecond;
      const p99 = rolemap.latency.p99;
      rows.push(
        {
          benchmark: name,
          metric: "req/s Rolemap / floor",
          value: `${rolemap.perSecond.toFixed(0)} / ${floor.perSecond.toFixed(0)}`,
        },
        {
          benchmark: name,
          metric: "p50 / p99 Rolemap (floor)",
          value: `${fmtMs(rolemap.latency.p50)} / ${fmtMs(p99)} (${fmtMs(floor.latency.p50)} / ${fmtMs(floor.latency.p99)})`,
          ...(connections === 1
            ? {
                target: `p99 < ${TARGET_SINGLE_P99_MS} ms`,
                verdict: p99 < TARGET_SINGLE_P99_MS ? ("PASS" as const) : ("MISS" as const),
              }
            : {}),
        },
        {
          benchmark: name,
          metric: "ratio to floor",
          value: ratio.toFixed(2),
          ...(connections === 20
            ? {
                target: `≥ ${TARGET_RATIO.toFixed(2)}`,
                verdict: ratio >= TARGET_RATIO ? ("PASS" as const) : ("MISS" as const),
              }
            : {}),
        },
      );
    }
  return rows;
}

/** Sends one batch over HTTP or the live socket and resolves once it is stored. */
async function sendBatch(
  server: ServerChild,
  chart: ChartRecord,
  operations: Operation[],
  via: "HTTP" | "live",
): Promise<number> {
  if (via === "HTTP") {
    const answer = await requestJson<OperationsResponse>(
      server,
      "POST",
      `/api/charts/${chart.id}/operations`,
      { operations, version: chart.version },
      200,
    );
    return answer.version;
  }
  const { socket } = await BenchSocket.join(server, chart.id);
  try {
    const batch = crypto.randomUUID();
    const stored = new Promise<number>((resolve, reject) => {
      socket.onMessage = (message) => {
        if (message.type === "ack" && message.batch === batch) resolve(message.version);
        if (message.type === "reject" || message.type === "error")
          reject(new Error(`live batch refused: ${JSON.stringify(message).slice(0, 300)}`));
      };
    });
    socket.send({ type: "ops", batch, base: chart.version, operations });
    return await stored;
  } finally {
    await socket.close();
  }
}

/**
 * The longest answer of a probe that needs no database (GET /api/auth/me without
 * credentials) while one big batch is written to a fresh copy of the 1,000-role chart.
 */
export async function measureBigBatch(server: ServerChild, via: "HTTP" | "live", size: number) {
  const chart = await requestJson<ChartRecord>(
    server,
    "POST",
    "/api/charts",
    { document: benchChart() },
    201,
  );
  const operations = bigBatch(chart.document, size);
  const probe = probeStalls(server.baseUrl, "/api/auth/me");
  await sleep(200);
  const start = performance.now();
  const version = await sendBatch(server, chart, operations, via);
  const ms = performance.now() - start;
  await sleep(200);
  const stall = await probe.stop();
  console.log(
    `big batch over ${via}: ${operations.length} operations → version ${version} in ${fmtMs(ms)}; ${stall.probes} probes, p50 ${fmtMs(stall.p50)}, longest ${fmtMs(stall.max)}`,
  );
  const benchmark = `batch of ${operations.length} ops over ${via}, 1k roles`;
  return [
    { benchmark, metric: "until stored", value: fmtMs(ms) },
    {
      benchmark,
      metric: "longest stall (probe)",
      value: fmtMs(stall.max),
      target: `< ${TARGET_STALL_MS} ms`,
      verdict: stall.max < TARGET_STALL_MS ? ("PASS" as const) : ("MISS" as const),
    },
  ] satisfies Row[];
}

export async function benchThroughput(): Promise<Row[]> {
  const document = benchChart();
  const body = JSON.stringify(document);
  const dataDir = await tempDir("throughput");
  const rolemap = await startApiServer({ DATA_DIR: path.join(dataDir, "data") });
  let floor: ServerChild | undefined;
  try {
    const created = await requestJson<ChartRecord>(
      rolemap,
      "POST",
      "/api/charts",
      { document },
      201,
    );
    const cookie = await ownerSessionCookie(rolemap);
    const chartUrl = `${rolemap.baseUrl}/api/charts/${created.id}`;
    const answer = await fetch(chartUrl, { headers: { cookie } });
    const chartBytes = Buffer.from(await answer.arrayBuffer());
    if (answer.status !== 200) throw new Error(`GET chart answered ${answer.status}`);
    console.log(
      `throughput: ${document.roles.length} roles; validate body ${(body.length / 1024).toFixed(0)} KiB, chart answer ${(chartBytes.length / 1024).toFixed(0)} KiB`,
    );
    floor = await startFloor(chartBytes, dataDir);
    const json = { "content-type": "application/json" };
    const rows = await measureTargets([
      {
        name: "POST /api/validate",
        floor: { url: `${floor.baseUrl}/api/validate`, method: "POST", headers: json, body },
        rolemap: { url: `${rolemap.baseUrl}/api/validate`, method: "POST", headers: json, body },
      },
      {
        name: "GET /api/charts/:id",
        floor: { url: `${floor.baseUrl}/api/chart` },
        rolemap: { url: chartUrl, headers: { cookie } },
      },
    ]);
    rows.push(...(await measureAccessChecks()));
    for (const via of ["HTTP", "live"] as const)
      rows.push(...(await measureBigBatch(rolemap, via, 5_000)));
    return rows;
  } finally {
    if (floor !== undefined) await stopServer(floor);
    await stopServer(rolemap);
    await removeDir(dataDir);
  }
}
