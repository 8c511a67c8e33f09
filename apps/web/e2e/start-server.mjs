// Starts the real Rolemap server for the end-to-end tests: builds the web app when its
// sources are newer than apps/web/dist, then runs apps/api on E2E_PORT (default 3100) with the
// embedded database in a fresh temporary DATA_DIR, removed again when the server stops.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isWebBuildStale } from "../../../scripts/web-build.mjs";

const webDir = path.resolve(import.meta.dirname, "..");
const rootDir = path.resolve(webDir, "../..");
const port = process.env.E2E_PORT ?? "3100";

if (process.env.E2E_SKIP_BUILD !== "1" && isWebBuildStale()) {
  console.log("[e2e] building the web app…");
  const build = spawnSync("npm", ["run", "build"], { cwd: webDir, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), "rolemap-e2e-"));
console.log(`[e2e] starting the server on port ${port} with DATA_DIR ${dataDir}`);
const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(rootDir, "apps/api/src/main.ts")],
  {
    cwd: rootDir,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: port,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "", // always the embedded database, whatever the environment says
      WEB_DIST: path.join(webDir, "dist"),
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      // The fixtures arrange every test's data with one API token, in bursts no person
      // makes: the per-principal limit would answer them 429 (the API tests cover it).
      API_RATE_LIMIT: "0",
      NODE_ENV: "production",
    },
  },
);

let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(dataDir, { recursive: true, force: true });
}

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"])
  process.on(signal, () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  });

server.on("exit", (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 0 : 1));
});
