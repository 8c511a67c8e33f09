import { onEachDatabase, type Row, type ServerChild, sleep } from "./lib";
import {
  BenchSocket,
  chartOfSize,
  createChart,
  goalRow,
  memoryMBOf,
  pidOf,
} from "./live-bench-client";

/**
 * Memory (issue 15): 100 open live connections across 10 charts of 1,000 roles, each
 * welcomed with its whole chart and then sending a little presence, left idle; the
 * server process's resident memory (/proc/<pid>/status VmRSS) must stay under 300 MB.
 * On the embedded database the database itself runs inside the server process, so its
 * memory is in the figure; on PostgreSQL it is not.
 */

const CHARTS = 10;
const CONNECTIONS_PER_CHART = 10;
const PRESENCE_PER_CONNECTION = 5;
const IDLE_MS = 5_000;
const GOAL_MB = 300;

async function measure(server: ServerChild, database: string): Promise<Row[]> {
  const pid = pidOf(server);
  const atStart = memoryMBOf(pid, "VmRSS");
  const document = chartOfSize(1_000);
  const charts = [];
  for (let i = 0; i < CHARTS; i++) charts.push(await createChart(server, document));
  await sleep(1_000);
  const before = memoryMBOf(pid, "VmRSS");

  const sockets: BenchSocket[] = [];
  try {
    for (const chart of charts)
      for (let i = 0; i < CONNECTIONS_PER_CHART; i++)
        sockets.push((await BenchSocket.join(server, chart.id)).socket);
    for (let round = 0; round < PRESENCE_PER_CONNECTION; round++) {
      for (const [index, socket] of sockets.entries())
        socket.send({
          type: "presence",
          cursor: { x: round * 10, y: index },
          viewport: { x: 0, y: 0, zoom: 1 },
          selection: [document.roles[index % document.roles.length]?.id ?? "r0"],
        });
      await sleep(100);
    }
    await sleep(IDLE_MS);
    const idle = memoryMBOf(pid, "VmRSS");
    const peak = memoryMBOf(pid, "VmHWM");
    console.log(
      `live-memory (${database}): server RSS ${atStart.toFixed(0)} MB at start; ${before.toFixed(0)} MB with ${CHARTS} charts and no connection; ${idle.toFixed(0)} MB with ${sockets.length} idle connections (+${(idle - before).toFixed(0)} MB); peak ${peak.toFixed(0)} MB`,
    );
    const name = `live-memory, ${database}`;
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    return [
      { benchmark: name, metric: "server RSS at start (signed in)", value: mb(atStart) },
      { benchmark: name, metric: `server RSS, ${CHARTS} charts, no connection`, value: mb(before) },
      goalRow(
        name,
        `server RSS, ${sockets.length} idle connections`,
        idle,
        { max: GOAL_MB, strict: true },
        mb,
      ),
      { benchmark: name, metric: "server peak RSS (VmHWM) so far", value: mb(peak) },
    ];
  } finally {
    await Promise.all(sockets.map((socket) => socket.close()));
  }
}

export const benchLiveMemory = () => onEachDatabase("live-memory", measure);
