import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import type { ChartDocument } from "@rolemap/contract";
import autocannon, {
  type Options as AutocannonOptions,
  type Result as AutocannonResult,
} from "autocannon";
import pg from "pg";
import { generateChart } from "../../../packages/domain/bench/generate-chart";
import { setUpOwnerToken } from "../test/server-process";

/** Helpers shared by the API benchmarks: real servers on loopback, timings, tables. */

export const API_DIR = path.resolve(import.meta.dirname, "..");
export const REPO_ROOT = path.resolve(API_DIR, "../..");

/** The chart every API benchmark sends: 1,000 roles, 100 responsibilities, 5,000 assignments. */
export const CHART_SIZE = { roles: 1_000, responsibilities: 100, assignments: 5_000 };
export const SEED = 20_240_601;

export function benchChart(): ChartDocument {
  return generateChart({ ...CHART_SIZE, seed: SEED });
}

export function machineNote(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  const load = loadavg()[0]?.toFixed(1) ?? "?";
  return `node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores (${cpu}), ${memory}, load average ${load}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const tempDir = (label: string) => mkdtemp(path.join(tmpdir(), `rolemap-bench-${label}-`));
export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * The environment for a child server: this process's environment without npm's run-script
 * variables (a child `npm start` must behave as if typed in a shell) and without a
 * DATABASE_URL unless the caller gives one.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && key !== "INIT_CWD" && key !== "DATABASE_URL") env[key] = value;
  return { ...env, HOST: "127.0.0.1", ...overrides };
}

export interface ServerChild {
  child: ChildProcess;
  baseUrl: string;
  /** The owner's API token, once `signIn` has set the server up. */
  token?: string;
  startedAt: number;
  output(): string;
  /** Exit code, or the signal's name, once the process is gone. */
  exited: Promise<number | NodeJS.Signals>;
}

/**
 * Spawns a server in its own process group (detached) so the whole group — npm and the
 * node it starts — can be stopped together. `command` defaults to the API's own start
 * command without npm (`node --import tsx src/main.ts`).
 */
export function spawnServer(
  port: number,
  env: Record<string, string>,
  command: { file: string; args: string[]; cwd: string } = {
    file: process.execPath,
    args: ["--import", "tsx", "src/main.ts"],
    cwd: API_DIR,
  },
): ServerChild {
  const startedAt = performance.now();
  const child = spawn(command.file, command.args, {
    cwd: command.cwd,
    env: childEnv({ PORT: String(port), ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}`, startedAt, output: () => output, exited };
}

/** Polls GET /api/health every `everyMs` until 200; returns ms since the spawn. */
export async function waitHealthy(
  server: ServerChild,
  { everyMs = 25, timeoutMs = 60_000 } = {},
): Promise<number> {
  const deadline = server.startedAt + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`server exited before it was healthy:\n${server.output()}`);
    const ok = await fetch(`${server.baseUrl}/api/health`, {
      signal: AbortSignal.timeout(2_000),
    }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status === 200;
      },
      () => false,
    );
    if (ok) return performance.now() - server.startedAt;
    if (performance.now() > deadline) {
      await stopServer(server);
      throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
    }
    await sleep(everyMs);
  }
}

/**
 * Sends SIGTERM to the server's process group, waits for the exit (SIGKILL after
 * `graceMs`), and returns how it ended.
 */
export async function stopServer(
  server: ServerChild,
  graceMs = 15_000,
): Promise<{ exit: number | NodeJS.Signals; ms: number; killed: boolean }> {
  const start = performance.now();
  const pid = server.child.pid;
  if (pid === undefined) return { exit: await server.exited, ms: 0, killed: false };
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    server.exited,
    new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    signalGroup("SIGKILL");
    return { exit: await server.exited, ms: performance.now() - start, killed: true };
  }
  // npm exits before the node it started: wait for the whole group (the server closing its
  // database cleanly), then make sure nothing of it stays behind.
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (groupAlive() && performance.now() - start < graceMs) await sleep(25);
  const killed = groupAlive();
  signalGroup("SIGKILL");
  return { exit: outcome, ms: performance.now() - start, killed };
}

/** Sets a fresh server up (its owner account) and keeps the owner's API token on it. */
export async function signIn(server: ServerChild): Promise<ServerChild> {
  server.token = await setUpOwnerToken(server.baseUrl);
  return server;
}

/**
 * Starts the API server (no npm) on a free loopback port, waits for it to be healthy and
 * signs in. The per-principal rate limit is off: the benchmarks measure the server's own
 * throughput, and one client sends more than a person would.
 */
export async function startApiServer(env: Record<string, string>): Promise<ServerChild> {
  const server = spawnServer(await freePort(), { API_RATE_LIMIT: "0", ...env });
  await waitHealthy(server);
  return signIn(server);
}

/** A throwaway database on the PostgreSQL server at `adminUrl`; dropped by `drop()`. */
export async function createThrowawayDatabase(adminUrl: string) {
  const name = `rolemap_bench_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** JSON request helper (with the server's token) that fails loudly on an unexpected status. */
export async function requestJson<T>(
  server: { baseUrl: string; token?: string },
  method: string,
  route: string,
  body: unknown,
  expectStatus: number,
): Promise<T> {
  const res = await fetch(`${server.baseUrl}${route}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(server.token === undefined ? {} : { authorization: `Bearer ${server.token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expectStatus)
    throw new Error(
      `${method} ${route} → ${res.status} (expected ${expectStatus}): ${text.slice(0, 500)}`,
    );
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

/** One line of the summary table. */
export interface Row {
  benchmark: string;
  metric: string;
  value: string;
  target?: string;
  verdict?: "PASS" | "MISS";
}

export function printTable(rows: readonly Row[]) {
  const headers = ["benchmark", "metric", "value", "target", ""] as const;
  const cells = rows.map((r) => [r.benchmark, r.metric, r.value, r.target ?? "", r.verdict ?? ""]);
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === 2 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  console.log(line(headers));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const c of cells) console.log(line(c));
}

export const fmtMs = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
/**
 * Runs `measure` against a server on the embedded database, then (when
 * ROLEMAP_BENCH_DATABASE_URL is set) against one on a throwaway PostgreSQL database.
 */
export async function onEachDatabase(
  bench: string,
  measure: (server: ServerChild, database: "embedded" | "postgres") => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  const dataDir = await tempDir(bench);
  try {
    const embedded = await startApiServer({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    try {
      rows.push(...(await measure(embedded, "embedded")));
    } finally {
      await stopServer(embedded);
    }
    const adminUrl = process.env.ROLEMAP_BENCH_DATABASE_URL;
    if (adminUrl === undefined || adminUrl === "") {
      console.log(`${bench} (postgres): skipped; set ROLEMAP_BENCH_DATABASE_URL to run it`);
      return rows;
    }
    const database = await createThrowawayDatabase(adminUrl);
    try {
      const server = await startApiServer({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
      });
      try {
        rows.push(...(await measure(server, "postgres")));
      } finally {
        await stopServer(server);
      }
    } finally {
      await database.drop();
    }
  } finally {
    await removeDir(dataDir);
  }
  return rows;
}

/** Signs the owner (set up by `signIn`) in as a browser does: the session cookie to send. */
export async function ownerSessionCookie(server: { baseUrl: string }): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email: "owner@example.com", password: "owner-password-1" }),
  });
  await res.arrayBuffer();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (res.status !== 200 || cookie === "") throw new Error(`login answered ${res.status}`);
  return cookie;
}

/** One autocannon run that must see only 2xx answers (anything else is a broken bench). */
export async function loadRun(options: AutocannonOptions, label: string): Promise<LoadResult> {
  const result = await autocannon({ timeout: 30, ...options });
  const bad = result.errors + result.timeouts + result.non2xx;
  if (bad > 0 || result.latency.totalCount === 0)
    throw new Error(
      `${label}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx of ${result.latency.totalCount} requests`,
    );
  return { ...result, perSecond: result.latency.totalCount / (result.duration || 1) };
}
export type LoadResult = AutocannonResult & { perSecond: number };

/**
 * Probes a server's event loop from outside: one small request at a time (`path` must not
 * touch the database, so a queue there does not count as a stall), every `everyMs`. The
 * longest answer is about the longest time the server could not answer anyone.
 */
export function probeStalls(baseUrl: string, path: string, everyMs = 5) {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      const res = await fetch(`${baseUrl}${path}`);
      await res.arrayBuffer();
      times.push(performance.now() - start);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      return { probes: times.length, max: sorted.at(-1) ?? Number.NaN, p50: median(times) };
    },
  };
}
