import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fmtMs, onEachDatabase, percentile, type Row, type ServerChild, sleep } from "./lib";
import {
  BenchSocket,
  chartOfSize,
  cpuSecondsOf,
  createBatchMaker,
  createChart,
  goalRow,
  pidOf,
} from "./live-bench-client";

/**
 * A crowd (issue 15): N live clients on one 1,000-role chart, all in this process, each
 * its own WebSocket, against the server in its own process. Each client sends a valid
 * 3-operation batch every 2 s and its cursor at 10 Hz, staggered over the crowd. Measured
 * after a warm-up, on one clock:
 * - edit → peers: from the sender's `send` to each other client's receipt of the matching
 *   `applied`;
 * - presence → peers: the send time rides in the cursor's x (ms since the run began), so
 *   the relayed cursor (the server throttles to 20 a second and relays the latest) says
 *   when it was sent;
 * - the CPU the server process used (/proc/<pid>/stat) and this process used, over the
 *   window, as a share of one core.
 */

const CROWDS = [20, 50] as const;
const BATCH_EVERY_MS = 2_000;
const PRESENCE_EVERY_MS = 100;
const WARMUP_MS = 5_000;
const MEASURE_MS = 30_000;
/** Time after the window for the last messages to arrive. */
const DRAIN_MS = 1_000;
const GOALS = { editP99: 100, presenceP99: 150, serverCpu: 100 };

interface Sent {
  at: number;
  sender: number;
  /** Peers whose `applied` arrived. */
  seen: number;
  /** When the sender's own `applied` (the commit) and the first and last peer's arrived. */
  own?: number;
  first?: number;
  last?: number;
}

export async function runCrowd(server: ServerChild, size: number) {
  const document = chartOfSize(1_000);
  const chart = await createChart(server, document);
  const makeBatch = createBatchMaker(document, size);
  const sockets: BenchSocket[] = [];
  for (let i = 0; i < size; i++) sockets.push((await BenchSocket.join(server, chart.id)).socket);

  const epoch = performance.now();
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const inWindow = (at: number) => at >= windowStart && at < windowEnd;
  const sent = new Map<string, Sent>();
  const edits: number[] = [];
  const presences: number[] = [];
  let rejected = 0;
  let version = chart.version;

  sockets.forEach((socket, index) => {
    socket.onMessage = (message, receivedAt) => {
      if (message.type === "presence") {
        const sentAt = epoch + (message.cursor?.x ?? Number.NaN);
        if (inWindow(sentAt)) presences.push(receivedAt - sentAt);
      } else if (message.type === "applied") {
        version = Math.max(version, message.version);
        const batch = sent.get(message.batch);
        if (batch === undefined) return;
        if (batch.sender === index) {
          batch.own = receivedAt;
          return;
        }
        batch.seen++;
        batch.first ??= receivedAt;
        batch.last = receivedAt;
        if (inWindow(batch.at)) edits.push(receivedAt - batch.at);
      } else if (message.type === "reject" || message.type === "error") rejected++;
    };
  });

  let n = 0;
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, offset: number, tick: () => void) =>
    timers.push(
      setTimeout(() => {
        tick();
        timers.push(setInterval(tick, ms));
      }, offset),
    );
  sockets.forEach((socket, index) => {
    every(BATCH_EVERY_MS, (index * BATCH_EVERY_MS) / size, () => {
      const batch = randomUUID();
      const operations = makeBatch(index, n++);
      const at = performance.now();
      sent.set(batch, { at, sender: index, seen: 0 });
      socket.send({ type: "ops", batch, operations, base: version });
    });
    every(PRESENCE_EVERY_MS, (index * PRESENCE_EVERY_MS) / size, () => {
      const x = Math.round((performance.now() - epoch) * 100) / 100;
      socket.send({ type: "presence", cursor: { x, y: index } });
    });
  });

  const pid = pidOf(server);
  await sleep(WARMUP_MS);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  windowStart = performance.now();
  const serverCpu = cpuSecondsOf(pid);
  const benchCpu = process.cpuUsage();
  await sleep(MEASURE_MS);
  windowEnd = performance.now();
  const seconds = (windowEnd - windowStart) / 1000;
  const serverShare = ((cpuSecondsOf(pid) - serverCpu) / seconds) * 100;
  const benchUsage = process.cpuUsage(benchCpu);
  const benchShare = ((benchUsage.user + benchUsage.system) / 1e6 / seconds) * 100;
  lag.disable();
  await sleep(DRAIN_MS);
  for (const timer of timers) clearTimeout(timer);

  const measured = [...sent.values()].filter((batch) => inWindow(batch.at));
  const missing = measured.reduce((sum, batch) => sum + (size - 1 - batch.seen), 0);
  // Where an edit's time goes: to its commit (the sender's own applied), then the fan-out.
  const commits = measured.map((b) => (b.own ?? Number.NaN) - b.at).sort((a, b) => a - b);
  const spreads = measured
    .map((b) => (b.last ?? Number.NaN) - (b.first ?? Number.NaN))
    .sort((a, b) => a - b);
  await Promise.all(sockets.map((socket) => socket.close()));
  return {
    edits: edits.sort((a, b) => a - b),
    presences: presences.sort((a, b) => a - b),
    batches: measured.length,
    commits,
    spreads,
    missing,
    rejected,
    serverShare,
    benchShare,
    lagP99: lag.percentile(99) / 1e6,
  };
}

async function measure(server: ServerChild, database: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of CROWDS) {
    const r = await runCrowd(server, size);
    const q = (values: number[], p: number) => percentile(values, p);
    console.log(
      `live-crowd (${database}), ${size} clients: ${r.batches} batches in ${MEASURE_MS / 1000} s → ${r.edits.length} deliveries to peers (${r.missing} missing), edit→peers p50 ${fmtMs(q(r.edits, 0.5))}, p99 ${fmtMs(q(r.edits, 0.99))}, max ${fmtMs(r.edits.at(-1) ?? Number.NaN)}; ${r.presences.length} presence deliveries, p50 ${fmtMs(q(r.presences, 0.5))}, p99 ${fmtMs(q(r.presences, 0.99))}, max ${fmtMs(r.presences.at(-1) ?? Number.NaN)}; server CPU ${r.serverShare.toFixed(0)} %, bench CPU ${r.benchShare.toFixed(0)} %, bench event-loop delay p99 ${fmtMs(r.lagP99)}; ${r.rejected} rejects/errors`,
    );
    console.log(
      `live-crowd (${database}), ${size} clients, where an edit's time goes: send → sender's own applied p50 ${fmtMs(q(r.commits, 0.5))}, p99 ${fmtMs(q(r.commits, 0.99))}; first → last peer's applied p50 ${fmtMs(q(r.spreads, 0.5))}, p99 ${fmtMs(q(r.spreads, 0.99))}`,
    );
    if (r.missing > 0 || r.rejected > 0 || r.edits.length === 0)
      throw new Error(
        `live-crowd (${database}, ${size} clients): ${r.missing} deliveries missing, ${r.rejected} rejects or errors`,
      );
    const name = `live-crowd, ${database}, ${size} clients`;
    const pct = (n: number) => `${n.toFixed(0)} %`;
    const under = (metric: string, value: number, max: number, format = fmtMs) =>
      goalRow(name, metric, value, { max, strict: true }, format);
    rows.push(
      under(`edit → peers p99 (n=${r.edits.length})`, q(r.edits, 0.99), GOALS.editP99),
      under(
        `presence → peers p99 (n=${r.presences.length})`,
        q(r.presences, 0.99),
        GOALS.presenceP99,
      ),
      under("server process CPU (of one core)", r.serverShare, GOALS.serverCpu, pct),
      { benchmark: name, metric: "bench process CPU (the clients)", value: pct(r.benchShare) },
    );
  }
  return rows;
}

export const benchLiveCrowd = () => onEachDatabase("live-crowd", measure);
