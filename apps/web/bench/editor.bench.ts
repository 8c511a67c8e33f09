import { availableParallelism, cpus } from "node:os";
import { type Browser, chromium, type Page } from "@playwright/test";
import type { ChartDocument } from "@rolemap/contract";
import { EDITOR_LAYOUT_OPTIONS, layoutChart } from "@rolemap/domain";
import { generateChart } from "../../../packages/domain/bench/generate-chart";
import { CHROMIUM_LAUNCH } from "../e2e/chromium";
import {
  recordGesture,
  type Summary,
  summarise,
  waitForSettledFrames,
  waitForStillViewport,
  zigzag,
} from "./frames";
import { type BenchServer, createChart, startBenchServer } from "./server";
import { printTable } from "./table";

/**
 * The editor's performance in a real browser (`npm run bench -w @rolemap/web`): the built
 * app and the API on a temporary embedded database, Debian's Chromium driven by
 * Playwright. For generated charts of 1,000 and 2,000 roles it measures the time from
 * navigation to the first cards on screen and to every card mounted, and frame times while
 * dragging a card and while panning, in the fitted overview (zoomed out as far as the
 * canvas goes) and close up; then auto layout of 5,000 roles in Node. Prints a table; a
 * benchmark, not a test: it fails only if something breaks.
 */

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const SIZES = [1_000, 2_000];
const LOAD_RUNS = 7;
const GESTURE_MOVES = 120;
const LAYOUT_ROLES = 5_000;
const SEED = 20_240_601;

/** A chart of `roles` roles, with a small matrix (the canvas is what is measured). */
function benchChart(roles: number): ChartDocument {
  return generateChart({ roles, responsibilities: 40, assignments: 400, seed: SEED });
}

/** The browser, and the server with its owner signed in (pages open in the owner's session). */
interface Session {
  browser: Browser;
  server: BenchServer;
}

async function openPage({ browser, server }: Session): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    storageState: server.storageState,
  });
  return context.newPage();
}

interface LoadTimes {
  /** The first frame that shows the chart's cards fitted into the canvas. */
  visible: number;
  /** Every card mounted: after the first view, the canvas mounts the cards outside it. */
  allMounted: number;
}

/** The canvas has mounted every card, not only those of the first view (use-view-culling). */
const ALL_CARDS_MOUNTED = '[data-testid="chart-canvas"][data-cards="all"]';

/** Navigates `page` to `url` and times it, in milliseconds from the start of navigation. */
async function timeLoad(page: Page, url: string): Promise<LoadTimes> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    () => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      const isFitted = viewport !== null && !/scale\(1\)$/.test(viewport.style.transform);
      const card = document.querySelector(".react-flow__node");
      return isFitted &&
        card !== null &&
        card.getBoundingClientRect().width > 0 &&
        getComputedStyle(card).visibility === "visible"
        ? performance.now()
        : false;
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  const visible = (await handle.jsonValue()) as number;
  const mounted = await page.waitForFunction(
    (selector) => (document.querySelector(selector) === null ? false : performance.now()),
    ALL_CARDS_MOUNTED,
    { polling: "raf", timeout: 60_000 },
  );
  const allMounted = (await mounted.jsonValue()) as number;
  return { visible, allMounted };
}

/**
 * A first visit: a new browser context, so nothing is cached. `canvasOnly`: with the matrix
 * and findings panels closed, to tell the canvas's share from the page's.
 */
async function timeFirstVisit(
  session: Session,
  url: string,
  canvasOnly: boolean,
): Promise<LoadTimes> {
  const page = await openPage(session);
  if (canvasOnly)
    await page.addInitScript(() => {
      localStorage.setItem("rolemap.matrixOpen", "false");
      localStorage.setItem("rolemap.findingsOpen", "false");
    });
  const times = await timeLoad(page, url);
  await page.context().close();
  return times;
}

/**
 * Returning visits: one context opens the chart once, then `runs` more times, with the
 * app's code in the browser's caches (as after a reload in a workshop).
 */
async function timeReturningVisits(session: Session, url: string, runs: number) {
  const page = await openPage(session);
  await timeLoad(page, url);
  const visible: number[] = [];
  for (let run = 0; run < runs; run++) {
    // The last visit's work is over before the next begins (it would delay the navigation).
    await waitForSettledFrames(page);
    visible.push((await timeLoad(page, url)).visible);
  }
  await page.context().close();
  return visible;
}

/** The centre of the card nearest the centre of the canvas, and a point of empty canvas. */
async function targets(page: Page) {
  return page.evaluate(() => {
    const flow = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (flow === undefined) throw new Error("no canvas");
    const cx = flow.left + flow.width / 2;
    const cy = flow.top + flow.height / 2;
    let best: { x: number; y: number; d: number } | null = null;
    for (const node of Array.from(document.querySelectorAll(".react-flow__node"))) {
      const box = node.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < flow.left || x > flow.right || y < flow.top || y > flow.bottom) continue;
      const d = Math.hypot(x - cx, y - cy);
      if (best === null || d < best.d) best = { x, y, d };
    }
    let empty: { x: number; y: number } | null = null;
    for (let fy = 0.3; fy < 0.95 && empty === null; fy += 0.05)
      for (let fx = 0.3; fx < 0.7 && empty === null; fx += 0.05) {
        const x = flow.left + flow.width * fx;
        const y = flow.top + flow.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane"))
          empty = { x, y };
      }
    if (best === null || empty === null) throw new Error("no card or no empty canvas to use");
    return { card: { x: best.x, y: best.y }, empty };
  });
}

interface GestureFigures {
  drag: Summary;
  pan: Summary;
  cardsInDom: number;
}

async function gestures(page: Page): Promise<GestureFigures> {
  await waitForSettledFrames(page);
  const { card, empty } = await targets(page);
  const cardsInDom = await page.locator(".react-flow__node").count();
  const drag = summarise(await recordGesture(page, card, zigzag(GESTURE_MOVES, 160)));
  await page.getByTestId("save-status").and(page.locator('[data-status="saved"]')).waitFor();
  await waitForSettledFrames(page);
  const pan = summarise(await recordGesture(page, empty, zigzag(GESTURE_MOVES, 220)));
  return { drag, pan, cardsInDom };
}

interface SizeFigures {
  roles: number;
  visible: Summary;
  allMounted: Summary;
  returningVisible: Summary;
  canvasVisible: Summary;
  overview: GestureFigures;
  closeUp: GestureFigures;
}

async function measureSize(session: Session, roles: number): Promise<SizeFigures> {
  const id = await createChart(session.server, benchChart(roles));
  const url = `${session.server.baseUrl}/charts/${id}`;
  // One visit first, not measured: a browser's first visit is what is timed, not the
  // server's first read of a chart it has just stored (its queries and code still cold).
  await timeFirstVisit(session, url, false);
  const loads: LoadTimes[] = [];
  const canvasLoads: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    loads.push(await timeFirstVisit(session, url, false));
    canvasLoads.push((await timeFirstVisit(session, url, true)).visible);
  }
  const returning = await timeReturningVisits(session, url, LOAD_RUNS);

  const page = await openPage(session);
  await page.goto(url);
  await page.locator(ALL_CARDS_MOUNTED).waitFor({ timeout: 60_000 });
  await waitForStillViewport(page);
  const overview = await gestures(page);
  // Close up: find a role (the view centres on it at a readable zoom), then work there.
  await page.getByTestId("role-search").fill(`Manager of`);
  await page.waitForFunction(() => document.querySelector('[data-selected="true"]') !== null);
  await waitForStillViewport(page);
  const closeUp = await gestures(page);
  await page.context().close();
  return {
    roles,
    visible: summarise(loads.map((load) => load.visible)),
    allMounted: summarise(loads.map((load) => load.allMounted)),
    returningVisible: summarise(returning),
    canvasVisible: summarise(canvasLoads),
    overview,
    closeUp,
  };
}

function measureLayout(): Summary {
  const document = generateChart({
    roles: LAYOUT_ROLES,
    responsibilities: 1,
    assignments: 0,
    seed: SEED,
  });
  const times: number[] = [];
  for (let run = 0; run < 50; run++) {
    const start = performance.now();
    layoutChart(document, EDITOR_LAYOUT_OPTIONS);
    if (run >= 10) times.push(performance.now() - start);
  }
  return summarise(times);
}

const ms = (value: number) => `${value.toFixed(1)}`;
const frames = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)}`;

async function main() {
  const layout = measureLayout();
  const server = await startBenchServer(PORT);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const results: SizeFigures[] = [];
  const version = browser.version();
  try {
    for (const roles of SIZES) {
      console.log(`measuring ${roles} roles…`);
      results.push(await measureSize({ browser, server }, roles));
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  console.log(
    `\nRolemap editor benchmark — Chromium ${version} headless (software rendering), ` +
      `Node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? "CPU"}, viewport 1440×900\n`,
  );
  const header = [
    "measure",
    ...results.map((r) => `${r.roles.toLocaleString("en")} roles`),
    "target",
  ];
  const rows: string[][] = [
    [
      `first visit: navigation → chart fitted and visible, ms (median of ${LOAD_RUNS}; min)`,
      ...results.map((r) => `${ms(r.visible.median)} (${ms(r.visible.min)})`),
      "< 1500 at 1,000",
    ],
    [
      "  the same, matrix and findings panels closed",
      ...results.map((r) => `${ms(r.canvasVisible.median)} (${ms(r.canvasVisible.min)})`),
      "",
    ],
    [
      "  first visit: navigation → every card mounted (the view's first)",
      ...results.map((r) => `${ms(r.allMounted.median)} (${ms(r.allMounted.min)})`),
      "",
    ],
    [
      "returning visit (app's code cached): navigation → visible",
      ...results.map((r) => `${ms(r.returningVisible.median)} (${ms(r.returningVisible.min)})`),
      "",
    ],
    [
      "overview (fitted, all cards mounted): cards in the DOM",
      ...results.map((r) => String(r.overview.cardsInDom)),
      "",
    ],
    [
      "  drag a card: frame ms, median / p95",
      ...results.map((r) => frames(r.overview.drag)),
      "median < 16 at 1,000",
    ],
    [
      "  pan: frame ms, median / p95",
      ...results.map((r) => frames(r.overview.pan)),
      "median < 16 at 1,000",
    ],
    [
      "close up (search result, zoom 0.85): cards in the DOM",
      ...results.map((r) => String(r.closeUp.cardsInDom)),
      "",
    ],
    [
      "  drag a card: frame ms, median / p95",
      ...results.map((r) => frames(r.closeUp.drag)),
      "median < 16 at 1,000",
    ],
    [
      "  pan: frame ms, median / p95",
      ...results.map((r) => frames(r.closeUp.pan)),
      "median < 16 at 1,000",
    ],
  ];
  printTable(header, rows);
  console.log(
    `\nlayoutChart, ${LAYOUT_ROLES.toLocaleString("en")} roles (Node, editor options, 40 runs): ` +
      `median ${ms(layout.median)} ms, p95 ${ms(layout.p95)} ms (target < 100 ms)`,
  );
}

await main();
