import { benchColdStart } from "./cold-start.bench";
import { benchEmbeddedDurability } from "./embedded-durability.bench";
import { benchExports } from "./exports.bench";
import { benchHistory } from "./history.bench";
import { machineNote, printTable, type Row } from "./lib";
import { benchLiveCrowd } from "./live-crowd.bench";
import { benchLiveMemory } from "./live-memory.bench";
import { benchLiveWrites } from "./live-writes.bench";
import { benchOperations } from "./operations.bench";
import { benchThroughput } from "./throughput.bench";
import { benchValidate } from "./validate.bench";

/**
 * The API benchmarks: `npm run bench -w @rolemap/api [-- validate operations cold-start
 * live-writes live-crowd live-memory embedded-durability throughput history]`.
 * Each starts real servers on 127.0.0.1 (free ports, temp data dirs) and stops them.
 * Set ROLEMAP_BENCH_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to
 * also measure operations on a PostgreSQL server, in a throwaway database.
 * These are measurements: a missed target prints MISS but the exit code stays 0; only a
 * benchmark that cannot run exits 1.
 */

const BENCHES = {
  validate: benchValidate,
  operations: benchOperations,
  "cold-start": benchColdStart,
  "live-writes": benchLiveWrites,
  "live-crowd": benchLiveCrowd,
  "live-memory": benchLiveMemory,
  exports: benchExports,
  "embedded-durability": benchEmbeddedDurability,
  throughput: benchThroughput,
  history: benchHistory,
} satisfies Record<string, () => Promise<Row[]>>;
type Name = keyof typeof BENCHES;

const isName = (name: string): name is Name => Object.hasOwn(BENCHES, name);
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !isName(name));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(", ")}; one of ${Object.keys(BENCHES).join(", ")}`,
  );
  process.exit(2);
}
const names = asked.length > 0 ? asked.filter(isName) : (Object.keys(BENCHES) as Name[]);

console.log(`Rolemap API benchmarks — ${machineNote()}`);
const started = performance.now();
const rows: Row[] = [];
let failed = false;
for (const name of names) {
  try {
    rows.push(...(await BENCHES[name]()));
  } catch (error) {
    failed = true;
    console.error(`${name}: could not run: ${(error as Error).stack ?? error}`);
  }
}
console.log("");
console.log(`Summary (${((performance.now() - started) / 1000).toFixed(0)} s) — ${machineNote()}`);
printTable(rows);
const missed = rows.filter((row) => row.verdict === "MISS");
if (missed.length > 0)
  console.log(
    `\nMISS: ${missed.map((r) => `${r.benchmark} ${r.metric} ${r.value} (target ${r.target})`).join("; ")} — reported, not failed.`,
  );
process.exitCode = failed ? 1 : 0;
