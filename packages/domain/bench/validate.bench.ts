import { availableParallelism, cpus } from "node:os";
import { type ChartDocument, parseChart } from "@rolemap/contract";
import { validateChart } from "../src/validate";
import { generateChart } from "./generate-chart";
import { measure } from "./measure";
import { PHASES, timePhases } from "./phases";

/**
 * Times validateChart on a generated 10,000-role chart, parseChart (zod) on the same
 * document, and validateChart at 1/4, 1/2, 1 and 2 times that size to show linear growth.
 * Run with `npm run bench -w @rolemap/domain`. Exits 1 when the full-size median misses
 * the target, so CI can run it as a check.
 */

/** The issue's target: validating the full-size chart takes at most 50 ms (median). */
const TARGET_MEDIAN_MS = 50;

const FULL_SIZE = { roles: 10_000, responsibilities: 1_000, assignments: 50_000 };
const SEED = 20_240_601;
const WARMUP_RUNS = 10;
const TIMED_RUNS = 40;
const PARSE_WARMUP_RUNS = 3;
const PARSE_TIMED_RUNS = 15;
const SCALES = [0.25, 0.5, 1, 2];

const scaled = (factor: number) => ({
  roles: Math.round(FULL_SIZE.roles * factor),
  responsibilities: Math.round(FULL_SIZE.responsibilities * factor),
  assignments: Math.round(FULL_SIZE.assignments * factor),
  seed: SEED,
});

function checkedChart(factor: number): ChartDocument {
  const document = generateChart(scaled(factor));
  const parsed = parseChart(document);
  if (!parsed.ok) {
    console.error("generated chart is invalid input:", parsed.issues.slice(0, 5));
    process.exit(2);
  }
  return document;
}

const ms = (value: number) => value.toFixed(2).padStart(9);
const count = (value: number) => value.toLocaleString("en-US").padStart(8);
const dotted = (document: ChartDocument) =>
  document.reportingLines.filter((line) => line.kind === "dotted").length;

const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(
  `Rolemap domain benchmark — node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} cores (${cpu})`,
);

const full = checkedChart(1);
const findings = validateChart(full);
console.log(
  `Full-size chart: ${count(full.roles.length).trim()} roles, ${count(full.reportingLines.length).trim()} lines (${dotted(full)} dotted), ${count(full.responsibilities.length).trim()} responsibilities, ${count(full.assignments.length).trim()} assignments → ${count(findings.length).trim()} findings`,
);
console.log("");

const validateTiming = measure(() => validateChart(full), WARMUP_RUNS, TIMED_RUNS);
const parseTiming = measure(() => parseChart(full), PARSE_WARMUP_RUNS, PARSE_TIMED_RUNS);
console.log("what                      runs       min    median       p95   (ms)");
for (const [label, timing] of [
  ["validateChart", validateTiming],
  ["parseChart (zod)", parseTiming],
] as const)
  console.log(
    `${label.padEnd(24)} ${String(timing.runs).padStart(5)} ${ms(timing.min)} ${ms(timing.median)} ${ms(timing.p95)}`,
  );
console.log("");

// Per item from the minimum as well as the median: the median of the larger sizes carries
// more garbage-collection pauses, the minimum shows the cost of the algorithm itself.
console.log("Linear growth of validateChart (ns per assignment+line; ratio to full size):");
console.log(
  "scale     roles    lines  resp.  assignm.  findings       min    median   ns(min) ns(median)  ratio(min) ratio(median)",
);
const rows = SCALES.map((factor) => {
  const document = factor === 1 ? full : checkedChart(factor);
  const timing =
    factor === 1 ? validateTiming : measure(() => validateChart(document), WARMUP_RUNS, TIMED_RUNS);
  const work = document.assignments.length + document.reportingLines.length;
  return {
    factor,
    document,
    timing,
    perItem: (timing.median * 1e6) / work,
    perItemMin: (timing.min * 1e6) / work,
  };
});
const fullRow = rows.find((row) => row.factor === 1);
const reference = fullRow?.perItem ?? NaN;
const referenceMin = fullRow?.perItemMin ?? NaN;
for (const { factor, document, timing, perItem, perItemMin } of rows)
  console.log(
    [
      `${factor}x`.padEnd(6),
      count(document.roles.length),
      count(document.reportingLines.length),
      String(document.responsibilities.length).padStart(6),
      count(document.assignments.length).padStart(9),
      count(validateChart(document).length).padStart(9),
      ms(timing.min),
      ms(timing.median),
      perItemMin.toFixed(0).padStart(9),
      perItem.toFixed(0).padStart(10),
      (perItemMin / referenceMin).toFixed(2).padStart(11),
      (perItem / reference).toFixed(2).padStart(13),
    ].join(" "),
  );
console.log("");

// Which step costs what, and which grows faster than the input: ns per assignment + line
// of each step's minimum, at three sizes.
const PHASE_SCALES = [0.25, 1, 2];
console.log("Steps of validateChart (ns per assignment+line, minimum of 20 runs each):");
console.log(`${"step".padEnd(22)}${PHASE_SCALES.map((f) => `${f}x`.padStart(9)).join("")}`);
const phaseRows = PHASE_SCALES.map((factor) => {
  const row = rows.find((candidate) => candidate.factor === factor);
  const document = row?.document ?? checkedChart(factor);
  const work = document.assignments.length + document.reportingLines.length;
  const best = timePhases(document, 20);
  return (phase: (typeof PHASES)[number]) => (best[phase] * 1e6) / work;
});
for (const phase of PHASES)
  console.log(
    `${phase.padEnd(22)}${phaseRows.map((perItem) => perItem(phase).toFixed(0).padStart(9)).join("")}`,
  );
console.log("");

const verdict = validateTiming.median <= TARGET_MEDIAN_MS ? "PASS" : "MISS";
console.log(
  `${verdict}: full-size validateChart median ${validateTiming.median.toFixed(2)} ms (target ≤ ${TARGET_MEDIAN_MS} ms)`,
);
