// A stand-in for worker.mjs in tests of the pool's limits: what an export or import does
// depends on the chart's name (or the file's text), so a test can make one that never
// ends or one that eats memory, deterministically and without the real exporters.

/** Tests hear here when a task has started (and so holds its thread). */
export const STARTED_CHANNEL = "stubborn-worker:started";
const started = new BroadcastChannel(STARTED_CHANNEL);

/** "spin": never returns (as a huge export would not); "hog": allocates until stopped. */
function behave(what) {
  started.postMessage(what);
  if (what.includes("spin")) for (;;);
  if (what.includes("hog")) {
    const kept = [];
    for (;;) kept.push(new Array(1_000_000).fill(kept.length));
  }
}

export function exportFile({ document }) {
  const { name } = JSON.parse(document);
  behave(name);
  return new TextEncoder().encode(`exported ${name}`);
}

export function importFile({ text }) {
  behave(text);
  return JSON.stringify({
    document: null,
    counts: { roles: 0, reportingLines: 0, responsibilities: 0, assignments: 0 },
    problems: [],
  });
}

export function exportComparisonFile({ b }) {
  const { name } = JSON.parse(b);
  behave(name);
  return new TextEncoder().encode(`compared ${name}`);
}
