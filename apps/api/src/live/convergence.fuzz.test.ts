import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import type { ChartDocument, Operation } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import fc from "fast-check";
import pino from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../../../packages/domain/bench/generate-chart";
import { batchArb } from "../../../../packages/domain/src/testing/operation-arbitraries";
import { startTestApp, type TestApp } from "../../test/harness";
import { HOST } from "../../test/principals";
import { type NetworkOptions, type Random, SimClient } from "../../test/sim-client";
import { createApp, type RolemapApp } from "../app";
import { TEST_PASSWORD_COST } from "../auth/secrets";
import { createPrismaAccessStore } from "../db/prisma-access-store";
import { createPrismaChartStore } from "../db/prisma-chart-store";
import { canonicalDocument } from "../db/rows";
import { createHttpServer } from "../server";

/**
 * Twenty simulated editors on one chart over a lossy network, with a server restart
 * half-way: at the end everyone holds the server's chart and no acked batch is lost or
 * applied twice. CI runs one fixed seed; replay or widen with
 * `LIVE_FUZZ_SEED=… LIVE_FUZZ_RUNS=… npx vitest run src/live/convergence.fuzz.test.ts`.
 */

const SEED = Number(process.env.LIVE_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.LIVE_FUZZ_RUNS ?? 1);
const CLIENTS = 20;
const BATCHES_PER_CLIENT = 15;
const NETWORK: NetworkOptions = {
  delayMs: [0, 12],
  reorder: 0.1,
  duplicateIn: 0.05,
  duplicateOut: 0.08,
  dropPerMessage: 0.004,
  reconnectMs: [10, 250],
};
// Small, so that some reconnecting clients get the whole chart instead of the log.
const CATCH_UP_LIMIT = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- random edits ----------------------------------------------------------------------

const TITLES = ["Head of IT", "CTO", "Engineer", "Architect", "Data lead"];
const HOLDERS = ["Dana Smith", "Sam Lee", "", null];

/** One edit of `chart`, mostly one that applies: retitles, moves, RACI cells, some adds and removes. */
function randomOperation(chart: ChartDocument, random: Random, freshId: () => string): Operation[] {
  const roles = chart.roles.map((role) => role.id);
  const items = chart.responsibilities.map((item) => item.id);
  const roll = random.next();
  if (roles.length === 0 || roll < 0.1) {
    const id = freshId();
    const added: Operation = {
      op: "addRole",
      role: { id, title: random.pick(TITLES), holder: random.pick(HOLDERS) },
    };
    if (roles.length === 0 || random.chance(0.4)) return [added];
    return [added, { op: "moveRole", id, manager: random.pick(roles), position: position(random) }];
  }
  const role = random.pick(roles);
  if (roll < 0.38)
    return [
      {
        op: "updateRole",
        id: role,
        changes: random.chance(0.5)
          ? { title: random.pick(TITLES) }
          : {
              holder: random.pick(HOLDERS),
              department: random.pick(["IT", "Ops", null]),
              notes: random.pick(["Interim", null]),
            },
      },
    ];
  if (roll < 0.58)
    return [
      random.chance(0.75)
        ? { op: "moveRole", id: role, position: position(random) }
        : { op: "moveRole", id: role, manager: random.chance(0.8) ? random.pick(roles) : null },
    ];
  if (roll < 0.78 && items.length > 0) {
    const responsibility = random.pick(items);
    const held = chart.assignments.find(
      (a) => a.role === role && a.responsibility === responsibility,
    );
    const code = random.pick(["R", "A", "C", "I"] as const);
    if (held === undefined)
      return [{ op: "addAssignment", assignment: { role, responsibility, code } }];
    return [
      random.chance(0.5)
        ? { op: "updateAssignment", assignment: held, code }
        : { op: "removeAssignment", assignment: held },
    ];
  }
  if (roll < 0.79 && roles.length > 6) return [{ op: "removeRole", id: role }];
  if (roll < 0.88 && items.length > 0)
    return [
      {
        op: "updateResponsibility",
        id: random.pick(items),
        changes: { category: random.pick(["Operations", "Innovation", null]) },
      },
    ];
  if (roll < 0.93) {
    const other = random.pick(roles);
    const line = chart.reportingLines.find((l) => l.kind === "dotted");
    return [
      line !== undefined && random.chance(0.5)
        ? { op: "removeLine", line }
        : { op: "addLine", line: { manager: other, report: role, kind: "dotted" } },
    ];
  }
  if (roll < 0.96) return [{ op: "updateChart", settings: { maxSpanOfControl: random.int(3, 9) } }];
  return random.chance(0.3) && items.length > 3
    ? [{ op: "removeResponsibility", id: random.pick(items) }]
    : [{ op: "addResponsibility", responsibility: { id: freshId(), name: "Budget" } }];
}

const position = (random: Random) => ({ x: random.int(-400, 400), y: random.int(0, 600) });

/** A batch of one to three edits, each made on the chart as the ones before left it; now and then fast-check's. */
function randomBatch(chart: ChartDocument, random: Random, freshId: () => string): Operation[] {
  if (random.chance(0.08))
    return fc.sample(batchArb(chart), { seed: random.int(0, 0x7fffffff), numRuns: 1 })[0] ?? [];
  const operations: Operation[] = [];
  let view = chart;
  for (let n = random.int(1, 3); n > 0; n--) {
    const next = randomOperation(view, random, freshId);
    const applied = applyOperations(view, next);
    if (applied.ok) view = applied.document;
    operations.push(...next);
  }
  return operations;
}

// ---- the server and its restart -------------------------------------------------------

/** Another app over the first one's database, as a restarted process is. */
function appOver(t: TestApp): RolemapApp {
  return createApp({
    store: createPrismaChartStore(t.database),
    accessStore: createPrismaAccessStore(t.database),
    logger: pino({ level: "silent" }),
    bodyLimit: "16mb",
    security: {
      passwordCost: TEST_PASSWORD_COST,
      allowedHosts: [HOST],
      rateLimits: { api: { limit: 0, windowMs: 60_000 }, signIn: { limit: 0, windowMs: 60_000 } },
    },
    liveOptions: { catchUpLimit: CATCH_UP_LIMIT },
  });
}

/** Listens for `app` on `port` (0: any), retrying while the previous process's socket lingers. */
async function serve(app: RolemapApp, port: number) {
  const server: Server = createHttpServer(app, {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 60_000,
  });
  server.on("upgrade", app.live.upgrade);
  for (let attempt = 0; ; attempt++) {
    const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once("error", resolve);
      server.listen(port, "127.0.0.1", () => resolve(undefined));
    });
    if (failure === undefined) break;
    if (failure.code !== "EADDRINUSE" || attempt >= 50) throw failure;
    await sleep(20);
  }
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port: bound,
    url: (chartId: string) => `ws://127.0.0.1:${bound}/api/charts/${chartId}/live`,
    /** Stops accepting, closes the live connections (clients see 1001), then the server. */
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await app.live.close();
        await closed;
      })();
      return closing;
    },
  };
}

// ---- one run ---------------------------------------------------------------------------

async function waitFor(
  what: string,
  ms: number,
  done: () => Promise<boolean>,
  state: () => string,
) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen within ${ms} ms: ${state()}`);
    await sleep(25);
  }
}

/** Where a run is, for a failure that names it (a busy CI machine makes every step slow). */
let phase = "starting";
/** What went wrong before a step that then hung (closing), so the timeout does not hide it. */
let failure: unknown;

async function runFuzz(seed: number) {
  phase = "opening the database";
  const random = createRandom(seed);
  // One generator per client and per driver, so their choices do not depend on each other's timing.
  const fork = () => createRandom(random.int(0, 0xffffffff));
  const t = await startTestApp({ live: { catchUpLimit: CATCH_UP_LIMIT } });
  const first = await serve(t.anonymous, 0);
  let second: Awaited<ReturnType<typeof serve>> | undefined;
  let secondApp: RolemapApp | undefined;
  const clients: SimClient[] = [];
  try {
    const created = await request(t.app)
      .post("/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const chartId: string = created.body.id;
    const initial: ChartDocument = created.body.document;
    phase = "editing";

    const total = CLIENTS * BATCHES_PER_CLIENT;
    let made = 0;
    for (let i = 0; i < CLIENTS; i++)
      clients.push(new SimClient(first.url(chartId), t.owner.token, fork(), NETWORK));
    for (const client of clients) client.start();

    const drive = async (client: SimClient, index: number, own: Random) => {
      let ids = 0;
      const freshId = () => `sim${index}x${++ids}`;
      for (let n = 0; n < BATCHES_PER_CLIENT; ) {
        await sleep(own.int(30, 250));
        if (own.chance(0.03)) client.drop();
        const view = client.view();
        if (view === undefined) continue;
        client.edit(randomBatch(view, own, freshId));
        made++;
        n++;
      }
    };
    const restart = async () => {
      while (made < total / 2) await sleep(10);
      phase = "restarting";
      // Clients see 1001 and reconnect; they keep editing into their outboxes meanwhile.
      await first.close();
      secondApp = appOver(t);
      second = await serve(secondApp, first.port);
      phase = "editing after the restart";
    };
    await Promise.all([...clients.map((client, i) => drive(client, i, fork())), restart()]);

    for (const client of clients) client.settle();
    phase = "draining";
    const serverVersion = async () => (await t.store.head(chartId))?.version ?? -1;
    await waitFor(
      "every client drained and caught up",
      60_000,
      async () => {
        const version = await serverVersion();
        return clients.every((client) => client.isIdle && client.version === version);
      },
      () =>
        clients
          .filter((c) => !c.isIdle)
          .map((c) => `${c.id.slice(0, 8)}: v${c.version}, ${c.pending.length} pending`)
          .join("; "),
    );
    for (const client of clients) client.stop();
    phase = "reading the chart";

    const server = await request(secondApp ?? t.anonymous)
      .get(`/api/charts/${chartId}`)
      .set("Authorization", `Bearer ${t.owner.token}`)
      .expect(200);
    const truth = canonicalDocument(server.body.document);
    phase = "reading the log";
    const log = await t.database.prisma.chartVersion.findMany({
      where: { chartId },
      orderBy: { version: "asc" },
    });
    phase = "checking";
    checkOutcome({ clients, truth, initial, log, version: server.body.version });

    const acked = new Set(clients.flatMap((c) => [...c.acks.keys()]));
    const stats: Record<string, number> = {};
    for (const client of clients)
      for (const [key, value] of Object.entries(client.stats))
        stats[key] = (stats[key] ?? 0) + value;
    // The run exercised what it claims to: acks, rejects, drops and both kinds of welcome.
    expect(acked.size).toBeGreaterThan(total / 3);
    expect(clients.some((c) => c.rejects.size > 0)).toBe(true);
    expect(stats.drops).toBeGreaterThan(0);
    expect(stats.catchUps).toBeGreaterThan(0);
    return { version: server.body.version as number, acked: acked.size, ...stats };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    for (const client of clients) client.stop();
    phase = "closing the servers";
    await second?.close();
    await first.close();
    phase = "closing the database";
    await t.close();
  }
}

interface LogRow {
  version: number;
  batchId: string | null;
  detail: unknown;
}

function checkOutcome(run: {
  clients: SimClient[];
  truth: ChartDocument;
  initial: ChartDocument;
  log: LogRow[];
  version: number;
}) {
  const { clients, truth, initial, log, version } = run;

  // The log: versions 1…N with no gap, each batch once, and it replays to the stored chart.
  expect(log.map((row) => row.version)).toEqual(log.map((_, i) => i + 1));
  expect(log.at(-1)?.version).toBe(version);
  const versionOf = new Map<string, number>();
  for (const row of log) {
    if (row.batchId === null) continue;
    expect(versionOf.has(row.batchId), `batch ${row.batchId} logged twice`).toBe(false);
    versionOf.set(row.batchId, row.version);
  }
  const replayed = [canonicalDocument(initial)];
  for (const row of log.slice(1)) {
    const applied = applyOperations(replayed.at(-1) as ChartDocument, row.detail as Operation[]);
    if (!applied.ok) throw new Error(`log v${row.version} does not replay`);
    replayed.push(canonicalDocument(applied.document));
  }
  expect(replayed.at(-1)).toEqual(truth);

  for (const client of clients) {
    // A whole chart in a welcome is the chart at the welcome's version, not a later one.
    for (const welcome of client.welcomes) {
      const chart = canonicalDocument(welcome.chart);
      const actually = replayed.findIndex((document) => isDeepStrictEqual(document, chart)) + 1;
      expect(chart, `welcome says v${welcome.version}, holds the chart of v${actually}`).toEqual(
        replayed[welcome.version - 1],
      );
    }
    expect(client.problems).toEqual([]);
    expect(client.pending).toEqual([]);
    expect(client.version).toBe(version);
    expect(canonicalDocument(client.confirmed as ChartDocument)).toEqual(truth);
    // Every ack names the version the log holds the batch at; every applied seen matches the log.
    for (const [batch, at] of client.acks)
      expect(versionOf.get(batch), `acked batch ${batch} (v${at})`).toBe(at);
    for (const [at, batch] of client.seen)
      expect(log[at - 1]?.batchId, `applied v${at} seen by a client`).toBe(batch);
    // Nothing vanished: each batch made was either stored or rejected.
    const lost = client.made.filter((batch) => !versionOf.has(batch) && !client.rejects.has(batch));
    expect(lost, "batches neither stored nor rejected").toEqual([]);
  }
}

describe("live convergence under a lossy network", () => {
  const seeds = Array.from({ length: RUNS }, (_, i) => SEED + i);
  it.each(seeds)(
    "brings 20 clients and the server to one chart (seed %i)",
    async (seed) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      // Ahead of vitest's own timeout, so the failure names the seed and the phase.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `the run did not finish in 200 s (while ${phase})` +
                  (failure === undefined ? "" : `, after this failure: ${String(failure)}`),
              ),
            ),
          200_000,
        );
      });
      try {
        const outcome = await Promise.race([runFuzz(seed), deadline]);
        console.info(`live fuzz seed ${seed}: ${Date.now() - started} ms`, outcome);
      } catch (error) {
        // The seed replays the run (LIVE_FUZZ_SEED), as far as socket timing allows.
        if (error instanceof Error) error.message = `[LIVE_FUZZ_SEED=${seed}] ${error.message}`;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    240_000,
  );
});
