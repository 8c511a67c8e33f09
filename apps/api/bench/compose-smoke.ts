import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ChartRecord, OperationsResponse, TemplatesResponse } from "@rolemap/contract";
import pg from "pg";
import {
  benchChart,
  createThrowawayDatabase,
  freePort,
  REPO_ROOT,
  removeDir,
  requestJson,
  signIn,
  sleep,
  spawnServer,
  stopServer,
  tempDir,
  waitHealthy,
} from "./lib";

/**
 * The docker-compose configuration without Docker: the `app` service's command from the
 * repository root with DATABASE_URL pointing at a PostgreSQL server, NODE_ENV=production
 * as in the image. The command is the Dockerfile's CMD (`image`, the default), the root
 * `npm start` (`npm`) or the API server alone (`api`: no web build). Checks:
 * - /api/health answers {"status":"ok","database":"postgres"};
 * - charts are created, edited and listed through the API, and the rows are in that
 *   database (and nothing was written to DATA_DIR);
 * - SIGTERM sent to the started process only (what `docker stop` does to the container's
 *   main process) while a large create is in flight: the request still completes, the
 *   server logs "stopped" and the process exits 0.
 *
 *   npx tsx bench/compose-smoke.ts [image|npm|api]      (from apps/api)
 *
 * ROLEMAP_BENCH_DATABASE_URL names the server (default: the local one at 127.0.0.1:5432);
 * a throwaway database is created there and dropped. ROLEMAP_SMOKE_ROOT runs another
 * checkout's `npm start` (e.g. a replay of the Docker build).
 */

const adminUrl =
  process.env.ROLEMAP_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = process.env.ROLEMAP_SMOKE_ROOT ?? REPO_ROOT;
const mode = process.argv[2] ?? "image";
if (mode !== "image" && mode !== "npm" && mode !== "api") {
  console.error("usage: compose-smoke.ts [image|npm|api]");
  process.exit(2);
}

/** The last top-level `CMD [...]` of the Dockerfile (WORKDIR /app = the repository root). */
async function imageCommand() {
  const dockerfile = await readFile(path.join(REPO_ROOT, "Dockerfile"), "utf8");
  const cmd = [...dockerfile.matchAll(/^CMD (\[.*\])\s*$/gm)].at(-1)?.[1];
  if (cmd === undefined) throw new Error("no CMD [...] in the Dockerfile");
  const [file, ...args] = JSON.parse(cmd) as string[];
  if (file === undefined) throw new Error("empty CMD in the Dockerfile");
  return { file: file === "node" ? process.execPath : file, args, cwd: root };
}
/** The script of the Dockerfile's `HEALTHCHECK … CMD ["node", "-e", script]`. */
async function healthcheckScript() {
  const dockerfile = await readFile(path.join(REPO_ROOT, "Dockerfile"), "utf8");
  const cmd = /^HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])\s*$/m.exec(dockerfile)?.[1];
  const script = cmd === undefined ? undefined : (JSON.parse(cmd) as string[])[2];
  if (script === undefined)
    throw new Error('no HEALTHCHECK CMD ["node", "-e", …] in the Dockerfile');
  return script;
}

const command =
  mode === "npm"
    ? { file: "npm", args: ["start"], cwd: root }
    : mode === "api"
      ? { file: process.execPath, args: ["--import", "tsx", "apps/api/src/main.ts"], cwd: root }
      : await imageCommand();

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`FAILED: ${message}`);
  console.log(`ok   ${message}`);
}

const database = await createThrowawayDatabase(adminUrl);
const dataDir = await tempDir("smoke");
const port = await freePort();
console.log(
  `compose smoke: \`${[command.file, ...command.args].join(" ")}\` in ${root}, database ${database.name}, port ${port}`,
);
const server = spawnServer(
  port,
  { DATABASE_URL: database.url, DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "info" },
  command,
);
let exitCode: number | NodeJS.Signals | undefined;
try {
  const startMs = await waitHealthy(server);
  await signIn(server);
  console.log(`     healthy after ${startMs.toFixed(0)} ms`);
  const health = await requestJson<unknown>(server, "GET", "/api/health", undefined, 200);
  expect(
    JSON.stringify(health) === JSON.stringify({ status: "ok", database: "postgres" }),
    `GET /api/health → ${JSON.stringify(health)}`,
  );

  const { templates } = await requestJson<TemplatesResponse>(
    server,
    "GET",
    "/api/templates",
    undefined,
    200,
  );
  const template = templates[0]?.id;
  expect(template !== undefined, `GET /api/templates lists ${templates.length} templates`);
  const created = await requestJson<ChartRecord>(
    server,
    "POST",
    "/api/charts",
    { template, name: "Smoke test" },
    201,
  );
  expect(created.version === 1, `POST /api/charts (template ${template}) → 201, id ${created.id}`);
  const role = created.document.roles[0]?.id ?? "";
  const edited = await requestJson<OperationsResponse>(
    server,
    "POST",
    `/api/charts/${created.id}/operations`,
    { operations: [{ op: "moveRole", id: role, position: { x: 10, y: 20 } }], version: 1 },
    200,
  );
  expect(edited.version === 2, "POST /api/charts/:id/operations → 200, version 2");
  await requestJson(
    server,
    "POST",
    `/api/charts/${created.id}/operations`,
    { operations: [{ op: "moveRole", id: role, position: { x: 1, y: 2 } }], version: 1 },
    409,
  );
  expect(true, "a stale version → 409");

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const rows = await client.query<{ version: number; name: string }>(
    "SELECT version, name FROM charts WHERE id = $1::uuid",
    [created.id],
  );
  const migrations = await client.query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
  );
  await client.end();
  expect(
    rows.rows[0]?.version === 2 && rows.rows[0]?.name === "Smoke test",
    `the chart is in PostgreSQL database ${database.name} at version 2 (${migrations.rowCount} migration(s) recorded)`,
  );
  expect((await readdir(dataDir)).length === 0, "nothing was written to DATA_DIR");
  if (existsSync(path.join(root, "apps/web/dist/index.html"))) {
    const page = await fetch(`${server.baseUrl}/charts/${created.id}`);
    const html = await page.text();
    expect(
      page.status === 200 && html.includes("<html"),
      "GET /charts/:id serves the built web app from the same port",
    );
  }
  // The Dockerfile's HEALTHCHECK command, with PORT as in the container.
  const probe = spawnSync(process.execPath, ["-e", await healthcheckScript()], {
    env: { ...process.env, PORT: String(port) },
    timeout: 10_000,
  });
  expect(probe.status === 0, "the Dockerfile's HEALTHCHECK command exits 0");

  // Graceful shutdown: SIGTERM to the main process only while a create is in flight.
  const inFlight = fetch(`${server.baseUrl}/api/charts`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ document: benchChart() }),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as ChartRecord }));
  await sleep(300);
  const signalledAt = performance.now();
  server.child.kill("SIGTERM");
  const answer = await inFlight;
  const answeredMs = performance.now() - signalledAt;
  expect(answer.status === 201, "the create in flight at SIGTERM still completes with 201");
  const refused = await fetch(`${server.baseUrl}/api/health`).then(
    () => false,
    () => true,
  );
  expect(refused, "new connections are refused after SIGTERM");
  exitCode = await server.exited;
  const shutdownMs = performance.now() - signalledAt;
  expect(
    exitCode === 0,
    `exit code ${exitCode}, ${shutdownMs.toFixed(0)} ms after SIGTERM (the request in flight was answered after ${answeredMs.toFixed(0)} ms)`,
  );
  const logs = server.output();
  const events = logs
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { msg?: string }];
      } catch {
        return [];
      }
    })
    .map((entry) => entry.msg);
  expect(
    events.includes("shutting down") && events.at(-1) === "stopped",
    `logs end with "shutting down" … "stopped" (${events.length} JSON log lines)`,
  );
  const verify = new pg.Client({ connectionString: database.url });
  await verify.connect();
  const count = await verify.query<{ n: string }>("SELECT count(*) AS n FROM charts");
  const roles = await verify.query<{ n: string }>(
    "SELECT count(*) AS n FROM roles WHERE chart_id = $1::uuid",
    [answer.body.id],
  );
  await verify.end();
  expect(
    count.rows[0]?.n === "2" && roles.rows[0]?.n === "1000",
    `the in-flight chart is stored whole (${roles.rows[0]?.n} roles)`,
  );
  console.log("compose smoke: PASS");
} catch (error) {
  console.error((error as Error).message);
  console.error(`--- server output ---\n${server.output().slice(-5_000)}`);
  process.exitCode = 1;
} finally {
  if (exitCode === undefined) await stopServer(server);
  await database.drop();
  await removeDir(dataDir);
}
