export interface Timing {
  runs: number;
  min: number;
  median: number;
  p95: number;
}

/** Milliseconds of each timed run, after untimed warm-up runs. */
export function measure(run: () => unknown, warmups: number, runs: number): Timing {
  let sink = 0;
  for (let i = 0; i < warmups; i++) sink += run() === undefined ? 0 : 1;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink += run() === undefined ? 0 : 1;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  times.sort((a, b) => a - b);
  const rank = (q: number) =>
    times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return { runs, min: times[0] ?? NaN, median: rank(0.5), p95: rank(0.95) };
}
