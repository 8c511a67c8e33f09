import { availableParallelism, cpus } from "node:os";
import type { ChartDocument } from "@rolemap/contract";
import { EDITOR_LAYOUT_OPTIONS, layoutChart } from "@rolemap/domain";
import { generateChart } from "../../domain/bench/generate-chart";
import { renderChartSvg } from "../src/render-chart";
import type { RenderOptions } from "../src/types";

/**
 * Times renderChartSvg on generated charts of 1,000 and 5,000 roles: with stored positions
 * (a chart saved by the editor), without them (an import: the layout runs too), and with
 * findings (validateChart, badges and appendix). Run with `npm run bench -w @rolemap/render`.
 * Exits 1 when the 1,000-role median misses the target.
 */

/** Rendering a 1,000-role chart must stay well under 100 ms. */
const TARGET_MEDIAN_MS = 100;
const TARGET_ROLES = 1_000;
const SIZES = [1_000, 5_000];
const SEED = 20_240_601;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 20;

interface Timing {
  min: number;
  median: number;
  p95: number;
}

function measure(run: () => unknown, runs: number): Timing {
  let sink = 0;
  for (let i = 0; i < WARMUP_RUNS; i++) sink += run() === undefined ? 0 : 1;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink += run() === undefined ? 0 : 1;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  const rank = (q: number) =>
    times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return { min: times[0] ?? NaN, median: rank(0.5), p95: rank(0.95) };
}

/** A generated chart (about one assignment per role), with the editor's positions stored. */
function chartOf(roles: number): { placed: ChartDocument; unplaced: ChartDocument } {
  const unplaced = generateChart({
    roles,
    responsibilities: Math.round(roles / 10),
    assignments: roles,
    seed: SEED,
  });
  const positions = layoutChart(unplaced, EDITOR_LAYOUT_OPTIONS);
  const placed = {
    ...unplaced,
    roles: unplaced.roles.map((role) => ({ ...role, position: positions.get(role.id) })),
  };
  return { placed, unplaced };
}

const ms = (value: number) => value.toFixed(2).padStart(8);

console.log(
  `renderChartSvg: ${WARMUP_RUNS} warm-up + ${TIMED_RUNS} timed runs; Node ${process.version}, ` +
    `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}`,
);
console.log(
  "| roles  | what                        | SVG (MB) | min (ms) | median (ms) | p95 (ms) |",
);
console.log(
  "| -----: | --------------------------- | -------: | -------: | ----------: | -------: |",
);

let targetMedian = NaN;
for (const size of SIZES) {
  const { placed, unplaced } = chartOf(size);
  const cases: [string, ChartDocument, RenderOptions][] = [
    ["stored positions", placed, {}],
    ["no positions (layout runs)", unplaced, {}],
    ["stored positions + findings", placed, { findings: true }],
  ];
  // One untimed pass over every case first, so the first case timed is not the one that
  // pays for compiling the renderer and for collecting the generator's garbage.
  for (const [, document, options] of cases) renderChartSvg(document, options);
  for (const [label, document, options] of cases) {
    const runs = size > TARGET_ROLES ? TIMED_RUNS / 4 : TIMED_RUNS;
    const timing = measure(() => renderChartSvg(document, options), runs);
    const megabytes = renderChartSvg(document, options).svg.length / 1e6;
    if (size === TARGET_ROLES && label === "stored positions") targetMedian = timing.median;
    console.log(
      `| ${size.toLocaleString("en").padStart(6)} | ${label.padEnd(27)} | ${megabytes.toFixed(2).padStart(8)} | ${ms(timing.min)} | ${ms(timing.median).padStart(11)} | ${ms(timing.p95)} |`,
    );
  }
}

// A missed target is a measurement to report, not a failure: the other benchmarks still run.
if (!(targetMedian < TARGET_MEDIAN_MS))
  console.log(
    `MISS: renderChartSvg on ${TARGET_ROLES} roles: median ${targetMedian.toFixed(2)} ms, target < ${TARGET_MEDIAN_MS} ms`,
  );
console.log(
  `\n${TARGET_ROLES.toLocaleString("en")} roles: median ${targetMedian.toFixed(2)} ms (target < ${TARGET_MEDIAN_MS} ms)`,
);
