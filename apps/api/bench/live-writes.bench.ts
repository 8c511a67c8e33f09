import { randomUUID } from "node:crypto";
import type { ChartDocument, Operation, OperationsResponse } from "@rolemap/contract";
import { fmtMs, onEachDatabase, percentile, type Row, requestJson, type ServerChild } from "./lib";
import {
  BenchSocket,
  chartOfSize,
  createBatchMaker,
  createChart,
  goalRow,
} from "./live-bench-client";

/**
 * Fast writes, one client (issue 15): a 3-operation batch (rename a role, move a role, add
 * or change an assignment) on generated charts of 10, 1,000 and 10,000 roles, sent as
 * `ops` over the live WebSocket and timed until its `ack`. The sizes take turns batch by
 * batch (round robin, the first size rotating), so whatever the machine does hits them all
 * alike and the ratios between them are fair. The same batches over
 * `POST /api/charts/:id/operations` are reported beside them; that route also validates
 * the whole chart for its answer's findings, so it is expected to cost more on big charts.
 */

const SIZES = [10, 1_000, 10_000] as const;
type Size = (typeof SIZES)[number];
const WARMUP_ROUNDS = 20;
const LIVE_ROUNDS = 300;
const HTTP_WARMUP_ROUNDS = 5;
const HTTP_ROUNDS = 100;
const ACK_TIMEOUT_MS = 30_000;

/** Goals of the live path (issue 15); HTTP is reported only. */
const GOALS = {
  p50At1k: 10,
  p99At1k: 30,
  p50At10k: 20,
  ratio1kTo10: 1.25,
  ratio10kTo10: 2,
};

interface Target {
  roles: Size;
  chartId: string;
  socket: BenchSocket;
  nextBatch: (n: number) => Operation[];
  version: number;
  sent: number;
  live: number[];
  http: number[];
}

/** Sends one batch over the live socket; answers the ms from send to its ack. */
function sendLive(target: Target): Promise<number> {
  const batch = randomUUID();
  const operations = target.nextBatch(target.sent++);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ack for a batch on ${target.roles} roles`)),
      ACK_TIMEOUT_MS,
    );
    target.socket.onMessage = (message, receivedAt) => {
      if (message.type === "applied") target.version = Math.max(target.version, message.version);
      if (message.type === "error") reject(new Error(`live error: ${message.message}`));
      if (!("batch" in message) || message.batch !== batch) return;
      if (message.type === "reject")
        reject(new Error(`batch rejected on ${target.roles} roles: ${message.error.message}`));
      if (message.type !== "ack") return;
      clearTimeout(timer);
      target.version = message.version;
      resolve(receivedAt - start);
    };
    const start = performance.now();
    target.socket.send({ type: "ops", batch, operations, base: target.version });
  });
}

async function sendHttp(server: ServerChild, target: Target): Promise<number> {
  const operations = target.nextBatch(target.sent++);
  const start = performance.now();
  await requestJson<OperationsResponse>(
    server,
    "POST",
    `/api/charts/${target.chartId}/operations`,
    { operations },
    200,
  );
  return performance.now() - start;
}

/** `rounds` rounds of one batch per size, the first size of each round rotating. */
async function roundRobin(
  targets: readonly Target[],
  rounds: number,
  send: (target: Target) => Promise<number>,
  keep?: (target: Target) => number[],
) {
  for (let round = 0; round < rounds; round++)
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(round + i) % targets.length] as Target;
      const ms = await send(target);
      keep?.(target).push(ms);
    }
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const roles = (n: number) => `${n.toLocaleString("en-US")} roles`;

async function measure(server: ServerChild, database: string): Promise<Row[]> {
  const targets: Target[] = [];
  try {
    for (const size of SIZES) {
      const document: ChartDocument = chartOfSize(size);
      const started = performance.now();
      const chart = await createChart(server, document);
      const { socket, welcome } = await BenchSocket.join(server, chart.id);
      const makeBatch = createBatchMaker(document);
      console.log(
        `live-writes (${database}): ${roles(size)} chart created and joined in ${fmtMs(performance.now() - started)}`,
      );
      targets.push({
        roles: size,
        chartId: chart.id,
        socket,
        nextBatch: (n) => makeBatch(0, n),
        version: welcome.version,
        sent: 0,
        live: [],
        http: [],
      });
    }
    await roundRobin(targets, WARMUP_ROUNDS, sendLive);
    await roundRobin(targets, LIVE_ROUNDS, sendLive, (t) => t.live);
    await roundRobin(targets, HTTP_WARMUP_ROUNDS, (t) => sendHttp(server, t));
    await roundRobin(
      targets,
      HTTP_ROUNDS,
      (t) => sendHttp(server, t),
      (t) => t.http,
    );
  } finally {
    await Promise.all(targets.map((t) => t.socket.close()));
  }

  const name = `live-writes, ${database}`;
  const goal = (metric: string, value: number, max: number, format = fmtMs) =>
    goalRow(name, metric, value, { max }, format);
  const rows: Row[] = [];
  const p50 = new Map<Size, number>();
  for (const target of targets) {
    const live = sorted(target.live);
    const http = sorted(target.http);
    const [l50, l95, l99] = [0.5, 0.95, 0.99].map((q) => percentile(live, q)) as number[];
    const [h50, h99] = [0.5, 0.99].map((q) => percentile(http, q)) as number[];
    p50.set(target.roles, l50 as number);
    console.log(
      `live-writes (${database}), ${roles(target.roles)}: live (n=${live.length}) p50 ${fmtMs(l50 as number)}, p95 ${fmtMs(l95 as number)}, p99 ${fmtMs(l99 as number)}, max ${fmtMs(live.at(-1) as number)}; HTTP (n=${http.length}) p50 ${fmtMs(h50 as number)}, p99 ${fmtMs(h99 as number)}, max ${fmtMs(http.at(-1) as number)}`,
    );
    const label = `${roles(target.roles)}, live`;
    if (target.roles === 1_000)
      rows.push(
        goal(`${label} p50 (n=${live.length})`, l50 as number, GOALS.p50At1k),
        goal(`${label} p99`, l99 as number, GOALS.p99At1k),
      );
    else if (target.roles === 10_000)
      rows.push(goal(`${label} p50 (n=${live.length})`, l50 as number, GOALS.p50At10k), {
        benchmark: name,
        metric: `${label} p99`,
        value: fmtMs(l99 as number),
      });
    else
      rows.push({
        benchmark: name,
        metric: `${label} p50 / p99 (n=${live.length})`,
        value: `${fmtMs(l50 as number)} / ${fmtMs(l99 as number)}`,
      });
  }
  const timesOf10 = (size: Size) => (p50.get(size) as number) / (p50.get(10) as number);
  const ratio = (n: number) => `×${n.toFixed(2)}`;
  rows.push(
    goal("live p50 1,000 / 10 roles", timesOf10(1_000), GOALS.ratio1kTo10, ratio),
    goal("live p50 10,000 / 10 roles", timesOf10(10_000), GOALS.ratio10kTo10, ratio),
  );
  for (const target of targets) {
    const http = sorted(target.http);
    rows.push({
      benchmark: name,
      metric: `${roles(target.roles)}, HTTP p50 / p99 (n=${http.length})`,
      value: `${fmtMs(percentile(http, 0.5))} / ${fmtMs(percentile(http, 0.99))}`,
    });
  }
  return rows;
}

export const benchLiveWrites = () => onEachDatabase("live-writes", measure);
