import { readFile } from "node:fs/promises";
import type { ChartDocument } from "@rolemap/contract";
import { generateChart } from "../../../packages/domain/bench/generate-chart";
import {
  benchChart,
  fmtMs,
  type Row,
  removeDir,
  requestJson,
  SEED,
  type ServerChild,
  sleep,
  startApiServer,
  stopServer,
  tempDir,
} from "./lib";

/**
 * Exports of a 1,000- and a 6,000-role chart (issue 17): the real server in its own
 * process (`node --import tsx src/main.ts`, embedded database, default INTERCHANGE_*
 * limits but a long deadline), one export at a time, after one warm-up export that
 * starts the pool's worker thread. For each: the time to the last byte, the file's size,
 * the server process's peak RSS (its worker threads included: sampled from /proc every
 * 25 ms) and the longest stall of its event loop meanwhile, as a client sees it: health
 * checks sent one after another, the slowest answer (first for a few seconds without an
 * export: the machine's noise floor).
 */

export const TARGET_STALL_MS = 100;
export const TARGET_PPTX_MS = 3_000;
export const TARGET_PPTX_BYTES = 20 * 1024 * 1024;
const FORMATS = ["pptx", "pdf", "xlsx", "png"] as const;
const IDLE_MS = 3_000;
type Format = (typeof FORMATS)[number];

const charts = (): [string, ChartDocument][] => [
  ["1k", benchChart()],
  ["6k", generateChart({ roles: 6_000, responsibilities: 300, assignments: 30_000, seed: SEED })],
];

interface Measured {
  ms: number;
  bytes: number;
  status: number;
  peakRssMb: number;
  baseRssMb: number;
  stallMs: number;
  checks: number;
}

/** The process's resident set (all its threads) in MB, from /proc. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Runs `work` while sampling the server's RSS and timing health checks one after another. */
async function whileMeasuring(
  server: ServerChild,
  work: () => Promise<{ status: number; bytes: number }>,
) {
  const pid = server.child.pid as number;
  const baseRssMb = await rssMb(pid);
  let done = false;
  let peakRssMb = baseRssMb;
  let stallMs = 0;
  let checks = 0;
  const sampling = (async () => {
    while (!done) {
      peakRssMb = Math.max(peakRssMb, await rssMb(pid));
      await sleep(25);
    }
  })();
  const probing = (async () => {
    while (!done) {
      const start = performance.now();
      const res = await fetch(`${server.baseUrl}/api/health`);
      await res.arrayBuffer();
      stallMs = Math.max(stallMs, performance.now() - start);
      checks++;
      await sleep(5);
    }
  })();
  const start = performance.now();
  const { status, bytes } = await work();
  const ms = performance.now() - start;
  done = true;
  await Promise.all([sampling, probing]);
  return { ms, bytes, status, peakRssMb, baseRssMb, stallMs, checks } satisfies Measured;
}

async function exportOnce(server: ServerChild, id: string, format: Format) {
  const res = await fetch(`${server.baseUrl}/api/charts/${id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200)
    console.log(`  ${format}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
  return { status: res.status, bytes: body.byteLength };
}

function rowsOf(label: string, format: Format, m: Measured): Row[] {
  const benchmark = `export ${format.toUpperCase()} ${label} roles`;
  const failed = m.status !== 200;
  const pptx1k = format === "pptx" && label === "1k";
  return [
    {
      benchmark,
      metric: "time",
      value: failed ? `${fmtMs(m.ms)} (HTTP ${m.status})` : fmtMs(m.ms),
      ...(pptx1k
        ? {
            target: `< ${TARGET_PPTX_MS} ms`,
            verdict: !failed && m.ms < TARGET_PPTX_MS ? "PASS" : "MISS",
          }
        : {}),
    },
    {
      benchmark,
      metric: "file size",
      value: `${(m.bytes / 1024 / 1024).toFixed(2)} MB`,
      ...(pptx1k
        ? { target: "< 20 MB", verdict: !failed && m.bytes < TARGET_PPTX_BYTES ? "PASS" : "MISS" }
        : {}),
    },
    {
      benchmark,
      metric: "peak RSS (+ during it)",
      value: `${m.peakRssMb.toFixed(0)} MB (+${(m.peakRssMb - m.baseRssMb).toFixed(0)})`,
    },
    {
      benchmark,
      metric: `longest stall (${m.checks} checks)`,
      value: fmtMs(m.stallMs),
      target: `< ${TARGET_STALL_MS} ms`,
      verdict: m.stallMs < TARGET_STALL_MS ? "PASS" : "MISS",
    },
  ];
}

export async function benchExports(): Promise<Row[]> {
  const dataDir = await tempDir("exports");
  const server = await startApiServer({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    INTERCHANGE_TIMEOUT_MS: "600000",
  });
  const rows: Row[] = [];
  try {
    // The noise floor: the same probe for a few seconds with nothing to export.
    const idle = await whileMeasuring(server, async () => {
      await sleep(IDLE_MS);
      return { status: 200, bytes: 0 };
    });
    rows.push({
      benchmark: "no export (noise floor)",
      metric: `longest stall (${idle.checks} checks)`,
      value: fmtMs(idle.stallMs),
    });
    const small = await requestJson<{ id: string }>(
      server,
      "POST",
      "/api/charts",
      { template: "classic-split" },
      201,
    );
    const cold = await whileMeasuring(server, () => exportOnce(server, small.id, "pdf"));
    console.log(
      `exports: warm-up (worker start, exporters loaded) ${fmtMs(cold.ms)}, RSS ${cold.baseRssMb.toFixed(0)} → ${cold.peakRssMb.toFixed(0)} MB, longest stall ${fmtMs(cold.stallMs)}`,
    );
    rows.push({ benchmark: "export first (cold pool)", metric: "time", value: fmtMs(cold.ms) });
    for (const [label, document] of charts()) {
      const { id } = await requestJson<{ id: string }>(
        server,
        "POST",
        "/api/charts",
        { document },
        201,
      );
      for (const format of FORMATS) {
        const measured = await whileMeasuring(server, () => exportOnce(server, id, format));
        console.log(
          `exports: ${format} ${label}: ${fmtMs(measured.ms)}, ${(measured.bytes / 1024 / 1024).toFixed(2)} MB, RSS ${measured.baseRssMb.toFixed(0)} → ${measured.peakRssMb.toFixed(0)} MB, longest stall ${fmtMs(measured.stallMs)} over ${measured.checks} checks`,
        );
        rows.push(...rowsOf(label, format, measured));
      }
    }
    return rows;
  } finally {
    await stopServer(server);
    await removeDir(dataDir);
  }
}
