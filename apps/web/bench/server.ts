import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChartDocument, ChartRecord } from "@rolemap/contract";
import { type OwnerState, setUpOwner } from "../e2e/setup-owner";

/**
 * The real Rolemap for the benchmark, like the end-to-end tests' web server: a production
 * build of apps/web (into its own temporary folder, so a concurrent `npm run build` or
 * e2e run cannot swap files under it) served by apps/api on the embedded database in a
 * fresh temporary DATA_DIR, with its owner account set up (the API answers nobody else).
 * Everything is removed again by `stop()`.
 */
export interface BenchServer {
  baseUrl: string;
  /** The owner's signed-in browser state: pages open in the owner's session. */
  storageState: OwnerState;
  /** `Authorization` header with the owner's API token, for the benchmark's own requests. */
  authorization: string;
  stop(): Promise<void>;
}

const webDir = path.resolve(import.meta.dirname, "..");
const rootDir = path.resolve(webDir, "../..");

export async function startBenchServer(port: number): Promise<BenchServer> {
  const scratch = mkdtempSync(path.join(tmpdir(), "rolemap-bench-"));
  const dist = path.join(scratch, "dist");
  const dataDir = path.join(scratch, "data");

  const build = spawnSync(
    "npx",
    [
      "vite",
      "build",
      "--outDir",
      dist,
      "--emptyOutDir",
      "--logLevel",
      "warn",
      // BENCH_MINIFY=0: readable function names in a profile (not for figures).
      ...(process.env.BENCH_MINIFY === "0" ? ["--minify", "false"] : []),
    ],
    {
      cwd: webDir,
      stdio: "inherit",
    },
  );
  if (build.status !== 0) throw new Error("the web app did not build");

  const server: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", realpathSync(path.join(rootDir, "apps/api/src/server.ts"))],
    {
      cwd: rootDir,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        WEB_DIST: dist,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        // The benchmark's drags send batches faster than the per-principal limit allows.
        API_RATE_LIMIT: "0",
      },
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not start within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  };
  let owner: Awaited<ReturnType<typeof setUpOwner>>;
  try {
    owner = await setUpOwner(
      baseUrl,
      { email: "bench@example.com", name: "Benchmark", password: "benchmark password" },
      "benchmark",
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, ...owner, stop };
}

/** Stores `document` as a new chart of the owner's; returns its id. */
export async function createChart(server: BenchServer, document: ChartDocument): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/charts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: server.authorization },
    body: JSON.stringify({ document }),
  });
  if (response.status !== 201)
    throw new Error(`create chart: ${response.status} ${await response.text()}`);
  return ((await response.json()) as ChartRecord).id;
}
