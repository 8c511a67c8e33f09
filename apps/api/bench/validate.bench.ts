import autocannon, { type Result } from "autocannon";
import {
  benchChart,
  fmtMs,
  type Row,
  removeDir,
  requestJson,
  startApiServer,
  stopServer,
  tempDir,
} from "./lib";

/**
 * POST /api/validate with a generated 1,000-role chart, 20 connections, autocannon.
 * The server runs in its own process (the real `src/main.ts`, embedded database in a
 * temp dir, LOG_LEVEL silent) so autocannon does not share its event loop; on a 2-core
 * machine the server gets one core and the load generator the other.
 */

export const TARGET_P99_MS = 50;
const CONNECTIONS = 20;
const WARMUP_SECONDS = 3;
const DURATION_SECONDS = 10;
/** A short single-connection run shows the time one request takes without queueing. */
const SINGLE_SECONDS = 5;

function check(result: Result, label: string) {
  const bad = result.errors + result.timeouts + result.non2xx;
  if (bad > 0 || result.latency.totalCount === 0)
    throw new Error(
      `${label}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx of ${result.latency.totalCount} requests`,
    );
}

export async function benchValidate(): Promise<Row[]> {
  const document = benchChart();
  const body = JSON.stringify(document);
  const dataDir = await tempDir("validate");
  const server = await startApiServer({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  try {
    const url = `${server.baseUrl}/api/validate`;
    const { findings } = await requestJson<{ findings: unknown[] }>(
      server,
      "POST",
      "/api/validate",
      document,
      200,
    );
    console.log(
      `validate: ${document.roles.length} roles, ${document.responsibilities.length} responsibilities, ${document.assignments.length} assignments, ${document.reportingLines.length} lines; body ${(body.length / 1024).toFixed(0)} KiB → ${findings.length} findings`,
    );
    const run = async (connections: number, duration: number, label: string) => {
      const result = await autocannon({
        url,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        connections,
        duration,
        timeout: 30,
      });
      check(result, label);
      return result;
    };

    check(await run(CONNECTIONS, WARMUP_SECONDS, "warm-up"), "warm-up");
    const single = await run(1, SINGLE_SECONDS, "1 connection");
    const loaded = await run(CONNECTIONS, DURATION_SECONDS, `${CONNECTIONS} connections`);
    const perSecond = (r: Result) => r.latency.totalCount / (r.duration || 1);

    for (const [label, r] of [
      ["1 connection", single],
      [`${CONNECTIONS} connections`, loaded],
    ] as const)
      console.log(
        `validate, ${label.padEnd(14)}: ${r.latency.totalCount} requests in ${r.duration.toFixed(1)} s, p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ${perSecond(r).toFixed(1)} req/s`,
      );

    const p99 = loaded.latency.p99;
    return [
      {
        benchmark: "validate 1k roles, 1 conn",
        metric: "p50 / p99",
        value: `${fmtMs(single.latency.p50)} / ${fmtMs(single.latency.p99)}`,
      },
      {
        benchmark: "validate 1k roles, 1 conn",
        metric: "throughput",
        value: `${perSecond(single).toFixed(1)} req/s`,
      },
      {
        benchmark: `validate 1k roles, ${CONNECTIONS} conn`,
        metric: "p50",
        value: fmtMs(loaded.latency.p50),
      },
      {
        benchmark: `validate 1k roles, ${CONNECTIONS} conn`,
        metric: "p99",
        value: fmtMs(p99),
        target: `< ${TARGET_P99_MS} ms`,
        verdict: p99 < TARGET_P99_MS ? "PASS" : "MISS",
      },
      {
        benchmark: `validate 1k roles, ${CONNECTIONS} conn`,
        metric: "throughput",
        value: `${perSecond(loaded).toFixed(1)} req/s`,
      },
    ];
  } finally {
    await stopServer(server);
    await removeDir(dataDir);
  }
}
