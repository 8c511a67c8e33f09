import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { chromium, type Page } from "@playwright/test";
import { generateChart } from "../../../packages/domain/bench/generate-chart";
import { CHROMIUM_LAUNCH } from "../e2e/chromium";
import {
  recordGesture,
  type Summary,
  startFrameRecording,
  stopFrameRecording,
  summarise,
  waitForSettledFrames,
  waitForStillViewport,
  zigzag,
} from "./frames";
import { INSTRUMENT_LIVE, SAMPLE_CURSORS } from "./live-probes";
import { type PeerStats, Peers } from "./peers";
import { createChart, startBenchServer } from "./server";
import { printTable } from "./table";

/**
 * The editor in a live workshop (`npm run bench:live -w @rolemap/web`; part of
 * `npm run bench -w @rolemap/web`): the built app and the API on a temporary embedded
 * database, a generated 1,000-role chart open in Chromium as its owner (fitted overview),
 * and simulated peers in this Node process (peers.ts) speaking rolemap.live/v1 over `ws`
 * with the owner's API token. First one peer alone (a batch every 0.5 s: a batch's cost on
 * an otherwise idle page), then 20 (BENCH_PEERS) as in a workshop, each a small batch every
 * 2 s and presence at 10 Hz. Measures in the page (live-probes.ts): frame times while
 * panning, without peers and with them; the time the editor takes to apply a peer's batch;
 * how smoothly a peer's cursor moves; and the CPU of the peers, the server and Chromium.
 * Prints a table; a benchmark, not a test: it fails only if something breaks.
 */

const PORT = Number(process.env.BENCH_PORT ?? 3195);
const ROLES = 1_000;
/** Peers of the workshop phases (BENCH_PEERS=5,20 for several). */
const PEER_COUNTS = (process.env.BENCH_PEERS ?? "20").split(",").map(Number);
const BATCH_EVERY_MS = 2_000;
/** First one peer alone, a batch every 0.5 s: a batch's cost on an otherwise idle page. */
const SOLO_BATCH_EVERY_MS = 500;
const SOLO_WINDOW_MS = 10_000;
/** A pan with peers is given up after this long (a saturated page takes moves slowly). */
const PAN_BUDGET_MS = 6_000;
const PRESENCE_EVERY_MS = 100;
/** Pans per condition, each of GESTURE_MOVES pointer moves (about 2 s). */
const PANS = 3;
const GESTURE_MOVES = 120;
/** How long the peers' batches are timed in a workshop phase. */
const BATCH_WINDOW_MS = 20_000;
const CURSOR_WINDOW_MS = 4_000;
/** A cursor's step between two presence messages, in screen px (200 px a second at 10 Hz). */
const CURSOR_STEP_PX = 20;
const SEED = 20_240_601;

/** A point of empty canvas near the middle (a pan starts there). */
async function emptyPoint(page: Page) {
  return page.evaluate(() => {
    const flow = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (flow === undefined) throw new Error("no canvas");
    for (let fy = 0.3; fy < 0.95; fy += 0.05)
      for (let fx = 0.3; fx < 0.7; fx += 0.05) {
        const x = flow.left + flow.width * fx;
        const y = flow.top + flow.height * fy;
        const element = document.elementFromPoint(x, y);
        if (element?.classList.contains("react-flow__pane")) return { x, y };
      }
    throw new Error("no empty canvas to pan from");
  });
}

/** The canvas's centre in chart coordinates, and its zoom. */
async function viewCentre(page: Page) {
  return page.evaluate(() => {
    const flow = document.querySelector(".react-flow")?.getBoundingClientRect();
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
    if (flow === undefined || viewport === null) throw new Error("no canvas");
    const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(
      viewport.style.transform,
    );
    if (match === null) throw new Error(`viewport transform ${viewport.style.transform}`);
    const [x, y, zoom] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return {
      x: (flow.width / 2 - x) / zoom,
      y: (flow.height / 2 - y) / zoom,
      zoom,
      width: flow.width,
      height: flow.height,
    };
  });
}

/**
 * `PANS` pans from the same point, there and back (the view ends where it began), their
 * frame times pooled; between pans the page settles for a moment.
 */
async function pans(page: Page): Promise<number[]> {
  const frames: number[] = [];
  for (let run = 0; run < PANS; run++) {
    await waitForStillViewport(page);
    await page.waitForTimeout(300);
    const from = await emptyPoint(page);
    frames.push(...(await recordGesture(page, from, zigzag(GESTURE_MOVES, 220))));
  }
  return frames;
}

interface AppliedRecord {
  handler: number;
  commit: number | null;
  frame: number | null | undefined;
}

async function setRecording(page: Page, recording: boolean) {
  await page.evaluate((on) => {
    (window as unknown as { __live: { recording: boolean } }).__live.recording = on;
  }, recording);
}

async function appliedRecords(page: Page): Promise<AppliedRecord[]> {
  return page.evaluate(
    () => (window as unknown as { __live: { applied: AppliedRecord[] } }).__live.applied,
  );
}

interface CursorSample {
  elapsed: number;
  cursorMessages: number;
  zoom: number;
  tracks: { frames: number; positions: number; maxJump: number }[];
}

// ---- CPU of this process's children (the server, Chromium), from /proc ----

const CLOCK_TICKS_PER_S = 100;

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")
        .trim()
        .split(/\s+/))
        if (child !== "") found.push(Number(child), ...childrenOf(Number(child)));
  } catch {
    // gone
  }
  return found;
}

/** CPU ms so far of every descendant process, grouped as "server" and "chromium". */
function descendantCpu(): Record<"server" | "chromium", number> {
  const totals = { server: 0, chromium: 0 };
  for (const pid of childrenOf(process.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const group =
        command.includes("chromium") || command.includes("chrome") ? "chromium" : "server";
      if (command.includes("server.ts") || group === "chromium")
        totals[group] += (ticks * 1000) / CLOCK_TICKS_PER_S;
    } catch {
      // gone
    }
  }
  return totals;
}

const ms = (value: number) => value.toFixed(1);
const frames = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)} (${s.count} frames)`;
const spread = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.max)}`;
const percent = (cpuMs: number, wallMs: number) => `${((100 * cpuMs) / wallMs).toFixed(0)} %`;

interface Phase {
  label: string;
  pan: Summary;
  /** Pointer moves of the pan made within its time budget. */
  panMoves: number;
  applied: AppliedRecord[];
  cursors: CursorSample;
  peerStats: PeerStats;
  /** CPU ms of the server and of Chromium while the peers ran, and the wall time. */
  cpu: { server: number; chromium: number; wallMs: number };
}

/**
 * One pan as recordGesture makes it, but given up after `budgetMs` (a page too busy to
 * take the pointer's moves would make it last for minutes); resolves to its frame times.
 */
async function timedPan(
  page: Page,
  budgetMs: number,
): Promise<{ frames: number[]; moves: number }> {
  await page.waitForTimeout(300);
  const from = await emptyPoint(page);
  const path = zigzag(GESTURE_MOVES, 220);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrameRecording(page);
  const started = Date.now();
  let moves = 0;
  for (const { dx, dy } of path) {
    if (Date.now() - started > budgetMs) break;
    const at = Date.now();
    await page.mouse.move(from.x + dx, from.y + dy);
    moves++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 16 - (Date.now() - at))));
  }
  const frames = await stopFrameRecording(page);
  await page.mouse.up();
  return { frames, moves };
}

/**
 * `count` peers for `windowMs`: a pan meanwhile (after the first batches), then the peers'
 * cursors sampled; every peer batch that arrived while recording is timed.
 */
async function runPeers(
  page: Page,
  options: Omit<ConstructorParameters<typeof Peers>[0], "count" | "batchEveryMs">,
  label: string,
  count: number,
  batchEveryMs: number | null,
  windowMs: number,
): Promise<Phase> {
  await page.evaluate(() => {
    (window as unknown as { __live: { applied: unknown[] } }).__live.applied = [];
  });
  const peers = new Peers({ ...options, count, batchEveryMs });
  try {
    await peers.start();
    const cpuStart = descendantCpu();
    const wallStart = performance.now();
    // The peers' cursors appear and their first batches arrive.
    await page.waitForTimeout((batchEveryMs ?? 0) + 1000);
    await setRecording(page, true);
    const from = performance.now();
    const pan = await timedPan(page, PAN_BUDGET_MS);
    const cursors = (await page.evaluate(SAMPLE_CURSORS(CURSOR_WINDOW_MS))) as CursorSample;
    const rest = windowMs - (performance.now() - from);
    if (rest > 0) await page.waitForTimeout(rest);
    await setRecording(page, false);
    const cpuEnd = descendantCpu();
    const wallMs = performance.now() - wallStart;
    const peerStats = peers.stop();
    // The page works through what is still queued, then shows the last titles.
    await waitForSettledFrames(page, 20);
    await page.waitForTimeout(500);
    return {
      label,
      pan: summarise(pan.frames),
      panMoves: pan.moves,
      applied: await appliedRecords(page),
      cursors,
      peerStats,
      cpu: {
        server: cpuEnd.server - cpuStart.server,
        chromium: cpuEnd.chromium - cpuStart.chromium,
        wallMs,
      },
    };
  } finally {
    peers.stop();
  }
}

async function main() {
  const document = generateChart({
    roles: ROLES,
    responsibilities: 40,
    assignments: 400,
    seed: SEED,
  });
  const server = await startBenchServer(PORT);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const version = browser.version();
  const phases: Phase[] = [];
  let quietPan: Summary;
  let quietPanAfter: Summary;
  let cardsInDom: number;
  try {
    const id = await createChart(server, document);
    const url = `${server.baseUrl}/charts/${id}`;
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      storageState: server.storageState,
    });
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT_LIVE);
    console.log(`opening the ${ROLES.toLocaleString("en")}-role chart…`);
    await page.goto(url);
    await page
      .locator('[data-testid="chart-canvas"][data-cards="all"]')
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="connection-indicator"][data-status="live"]').waitFor();
    await waitForStillViewport(page);
    // One pan first, not measured: the first gesture compiles and warms what it runs.
    await pans(page);

    console.log("panning without peers…");
    quietPan = summarise(await pans(page));
    cardsInDom = await page.locator('[data-testid="role-card"]').count();

    const centre = await viewCentre(page);
    const peerOptions = {
      url: `${server.baseUrl.replace(/^http/, "ws")}/api/charts/${id}/live`,
      authorization: server.authorization,
      document,
      presenceEveryMs: PRESENCE_EVERY_MS,
      centre,
      radius: Math.min(centre.width, centre.height) / 3 / centre.zoom,
      step: CURSOR_STEP_PX / centre.zoom,
    };
    console.log("one peer (a batch every 0.5 s)…");
    phases.push(
      await runPeers(page, peerOptions, "1 peer, batches", 1, SOLO_BATCH_EVERY_MS, SOLO_WINDOW_MS),
    );
    const most = Math.max(...PEER_COUNTS);
    console.log(`${most} peers, presence only…`);
    phases.push(
      await runPeers(page, peerOptions, `${most} peers, presence only`, most, null, SOLO_WINDOW_MS),
    );
    for (const count of PEER_COUNTS) {
      console.log(`${count} peers (a batch every ${BATCH_EVERY_MS / 1000} s each)…`);
      phases.push(
        await runPeers(page, peerOptions, `${count} peers`, count, BATCH_EVERY_MS, BATCH_WINDOW_MS),
      );
    }

    console.log("panning without peers again…");
    await waitForStillViewport(page);
    quietPanAfter = summarise(await pans(page));
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }

  console.log(
    `\nRolemap live workshop benchmark — Chromium ${version} headless (software rendering), ` +
      `Node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? "CPU"}, ` +
      `viewport 1440×900, ${ROLES.toLocaleString("en")} roles (${cardsInDom} cards in the DOM, fitted overview); ` +
      `peers: presence every ${PRESENCE_EVERY_MS} ms, a batch (retitle a role, add or remove a matrix cell) ` +
      `every ${SOLO_BATCH_EVERY_MS / 1000} s (1 peer) or ${BATCH_EVERY_MS / 1000} s each (${PEER_COUNTS.join(", ")} peers)\n`,
  );
  const header = ["measure", ...phases.map((p) => p.label), "target"];
  const row = (label: string, cell: (p: Phase) => string, target = "") => [
    label,
    ...phases.map(cell),
    target,
  ];
  const shownFrames = (p: Phase) =>
    p.applied.flatMap((r) => (typeof r.frame === "number" ? [r.frame] : []));
  const cursorFigures = (p: Phase) => {
    const tracks = p.cursors.tracks.filter((t) => t.frames > 10);
    const positions = tracks.reduce((sum, t) => sum + t.positions, 0);
    return {
      tracks,
      perMessage: positions / Math.max(1, p.cursors.cursorMessages),
      maxJump: Math.max(0, ...tracks.map((t) => t.maxJump)),
      fps: tracks.length === 0 ? 0 : (tracks[0]?.frames ?? 0) / (p.cursors.elapsed / 1000),
    };
  };
  const rows: string[][] = [
    [
      `pan, no peers: frame ms, median / p95 (${PANS} pans)`,
      ...phases.map(() => ""),
      "median ≤ 16.7",
    ],
    ["  before", ...phases.map((_, i) => (i === 0 ? frames(quietPan) : "")), ""],
    ["  after", ...phases.map((_, i) => (i === 0 ? frames(quietPanAfter) : "")), ""],
    row(
      "pan with the peers: frame ms, median / p95 (moves made in the time)",
      (p) => `${ms(p.pan.median)} / ${ms(p.pan.p95)} (${p.panMoves} of ${GESTURE_MOVES})`,
      "median ≤ 16.7",
    ),
    row("peer batches timed", (p) => String(p.applied.length)),
    row(
      "  editor's message handler, ms p50 / p95 / max",
      (p) => spread(summarise(p.applied.map((r) => r.handler))),
      "< 16",
    ),
    row(
      "  … to React's commit (a microtask after the handler), ms",
      (p) => spread(summarise(p.applied.flatMap((r) => (r.commit === null ? [] : [r.commit])))),
      "< 16",
    ),
    row("  … to the first frame showing the new title, ms", (p) =>
      spread(summarise(shownFrames(p))),
    ),
    row("peer cursors sampled, frames a second", (p) => {
      const c = cursorFigures(p);
      return `${c.tracks.length}, ${c.fps.toFixed(0)} fps`;
    }),
    row(
      "  positions drawn per presence message",
      (p) => cursorFigures(p).perMessage.toFixed(1),
      "> 1 (interpolated)",
    ),
    row(
      `  largest move between two frames, screen px (a message's step: ${CURSOR_STEP_PX})`,
      (p) => ms(cursorFigures(p).maxJump),
      `< ${CURSOR_STEP_PX}`,
    ),
    row(
      "CPU, % of one core: peers (Node) / server / Chromium",
      (p) =>
        `${percent(p.peerStats.cpuMs, p.peerStats.wallMs)} / ${percent(p.cpu.server, p.cpu.wallMs)} / ${percent(p.cpu.chromium, p.cpu.wallMs)}`,
    ),
  ];
  printTable(header, rows);
  for (const p of phases)
    console.log(
      `${p.label}: ${p.peerStats.batchesSent} batches sent, ${p.peerStats.acks} acked, ` +
        `${p.peerStats.rejects} rejected; ${p.peerStats.presenceSent} presence messages sent, ` +
        `${p.peerStats.received} messages received in ${(p.peerStats.wallMs / 1000).toFixed(1)} s`,
    );
}

await main();
