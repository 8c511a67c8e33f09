import type { ChartDocument, RaciCode } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import { exportMatrixCsv, importMatrixCsv, importOrgCsv } from "../src/index";
import { generateOrgCsv } from "../src/testing/generate-org-csv";

/**
 * `npm run bench -w @rolemap/interchange`: times the import of a 20,000-row org list
 * (the target: under 5 s), the same at smaller sizes to show linear growth, and
 * a large matrix's CSV export and import back into its chart. Exits 1 over the target.
 */
const TARGET_MS = 5_000;
const ROWS = 20_000;
const RUNS = 5;

/** Runs once to warm up (JIT, papaparse's first call), then times RUNS runs; gives the first result. */
function time<T>(run: () => T): { min: number; median: number; result: T } {
  const result = run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { min: times[0] ?? 0, median: times[Math.floor(times.length / 2)] ?? 0, result };
}

const ms = (value: number) => value.toFixed(1).padStart(8);

console.log(`Org CSV import (${RUNS} timed runs after a warm-up; ms)`);
console.log("    rows |      MB |      min |   median | µs per row");
let fullMedian = 0;
for (const rows of [ROWS / 4, ROWS / 2, ROWS]) {
  const text = generateOrgCsv({ rows, seed: 11 });
  const { min, median, result } = time(() => importOrgCsv(text));
  if (result.document === null || result.document.roles.length !== rows)
    throw new Error(
      `the ${rows}-row import failed: ${JSON.stringify(result.problems.slice(0, 3))}`,
    );
  if (rows === ROWS) fullMedian = median;
  console.log(
    `${String(rows).padStart(8)} | ${(text.length / 1e6).toFixed(2).padStart(7)} | ${ms(min)} | ${ms(median)} | ${((median * 1000) / rows).toFixed(1).padStart(10)}`,
  );
}

/** 400 roles × 1,000 responsibilities, 3 codes on average per row, seeded by position. */
function largeMatrixChart(): ChartDocument {
  const roles = Array.from({ length: 400 }, (_, index) => ({
    id: `role-${index}`,
    title: index % 10 === 0 ? "Engineer" : `Role ${index}`,
    holder: index % 7 === 0 ? null : `Person ${index}`,
  }));
  const responsibilities = Array.from({ length: 1_000 }, (_, index) => ({
    id: `resp-${index}`,
    name: `Responsibility ${index}`,
    category: `Category ${index % 12}`,
  }));
  const assignments = responsibilities.flatMap((responsibility, row) =>
    [0, 1, 2].map((step) => ({
      role: `role-${(row * 13 + step * 101) % roles.length}`,
      responsibility: responsibility.id,
      code: RACI_CODES[(row + step) % RACI_CODES.length] as RaciCode,
    })),
  );
  return {
    format: "rolemap.chart/v1",
    name: "Large",
    roles,
    reportingLines: [],
    responsibilities,
    assignments,
  };
}

const chart = largeMatrixChart();
const csv = exportMatrixCsv(chart);
const exported = time(() => exportMatrixCsv(chart));
const imported = time(() => importMatrixCsv(csv, { into: chart }));
if (imported.result.problems.length > 0)
  throw new Error(JSON.stringify(imported.result.problems.slice(0, 3)));
console.log(
  `\nMatrix CSV, ${chart.roles.length} roles × ${chart.responsibilities.length} responsibilities, ${chart.assignments.length} assignments (${(csv.length / 1e6).toFixed(2)} MB)`,
);
console.log(
  `  exportMatrixCsv:          min ${ms(exported.min)} ms, median ${ms(exported.median)} ms`,
);
console.log(
  `  importMatrixCsv({into}):  min ${ms(imported.min)} ms, median ${ms(imported.median)} ms`,
);

console.log(
  `\n${ROWS.toLocaleString("en")}-row org import: median ${fullMedian.toFixed(1)} ms (target < ${TARGET_MS} ms)`,
);
// A missed target is a measurement to report, not a failure: the other benchmarks still run.
if (fullMedian > TARGET_MS) console.log("MISS: over the target");
