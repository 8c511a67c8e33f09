import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type {
  ChartDocument,
  ChartRecord,
  Operation,
  ServerMessage,
  WelcomeMessage,
} from "@rolemap/contract";
import { WebSocket } from "ws";
import { createRandom, generateChart } from "../../../packages/domain/bench/generate-chart";
import { type Row, requestJson, SEED, type ServerChild } from "./lib";

/**
 * What the live benchmarks share: a lean protocol client (one JSON.parse per frame, the
 * receipt time taken before anything else), valid batches for a chart that many clients
 * edit at once, the server process's CPU and memory from /proc, and "run this on the
 * embedded database, then on PostgreSQL when ROLEMAP_BENCH_DATABASE_URL is set".
 */

/** A generated chart of `roles` roles, with responsibilities and assignments in proportion. */
export function chartOfSize(roles: number): ChartDocument {
  return generateChart({
    roles,
    responsibilities: Math.max(5, Math.round(roles / 10)),
    assignments: roles * 3,
    seed: SEED,
  });
}

export async function createChart(server: ServerChild, document: ChartDocument) {
  return requestJson<ChartRecord>(server, "POST", "/api/charts", { document }, 201);
}

/** One live connection of the bench process; `onMessage` sees every frame with its receipt time. */
export class BenchSocket {
  onMessage: (message: ServerMessage, receivedAt: number) => void = () => undefined;
  private readonly closed: Promise<void>;

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const receivedAt = performance.now();
      this.onMessage(JSON.parse(data.toString()) as ServerMessage, receivedAt);
    });
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
  }

  /** Opens `GET /api/charts/:id/live` with the server's token, says hello and waits for the welcome. */
  static async join(
    server: ServerChild,
    chartId: string,
  ): Promise<{ socket: BenchSocket; welcome: WelcomeMessage }> {
    const url = `${server.baseUrl.replace(/^http/, "ws")}/api/charts/${chartId}/live`;
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${server.token}` } });
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) =>
        reject(new Error(`live upgrade answered ${res.statusCode}`)),
      );
    });
    const socket = new BenchSocket(ws);
    const welcome = await new Promise<WelcomeMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no welcome within 30 s")), 30_000);
      socket.onMessage = (message) => {
        if (message.type !== "welcome") return;
        clearTimeout(timer);
        resolve(message);
      };
      socket.send({ type: "hello", since: null, client: crypto.randomUUID() });
    });
    socket.onMessage = () => undefined;
    return { socket, welcome };
  }

  send(message: unknown) {
    this.socket.send(JSON.stringify(message));
  }

  close() {
    this.socket.close();
    return this.closed;
  }
}

/**
 * Makes 3-operation batches that apply to the chart as it is, even when `slices` clients
 * edit it at once: rename a role, move a role, and add or change an assignment on a
 * (role, responsibility) pair the generated chart leaves empty. Each slice changes only
 * assignments of its own roles (index modulo `slices`), so no two clients race on one.
 */
export function createBatchMaker(document: ChartDocument, slices = 1, seed = SEED + 7) {
  const random = createRandom(seed);
  const taken = new Set(document.assignments.map((a) => `${a.role}|${a.responsibility}`));
  const roleIds = document.roles.map((role) => role.id);
  const responsibilityIds = document.responsibilities.map((r) => r.id);
  /** The code this bench has put on each free pair (absent: none yet). */
  const codes = new Map<string, "C" | "I">();

  const freePair = (slice: number) => {
    for (;;) {
      const index = random.int(0, Math.floor((roleIds.length - 1 - slice) / slices)) * slices;
      const role = roleIds[index + slice] as string;
      const responsibility = random.pick(responsibilityIds);
      if (!taken.has(`${role}|${responsibility}`)) return { role, responsibility };
    }
  };

  const assignmentOp = (slice: number): Operation => {
    const { role, responsibility } = freePair(slice);
    const key = `${role}|${responsibility}`;
    const code = codes.get(key);
    if (code === undefined) {
      codes.set(key, "I");
      return { op: "addAssignment", assignment: { role, responsibility, code: "I" } };
    }
    const next = code === "I" ? "C" : "I";
    codes.set(key, next);
    return { op: "updateAssignment", assignment: { role, responsibility, code }, code: next };
  };

  return (slice: number, n: number): Operation[] => [
    { op: "updateRole", id: random.pick(roleIds), changes: { title: `Role renamed ${n}` } },
    {
      op: "moveRole",
      id: random.pick(roleIds),
      position: { x: random.int(0, 8000), y: random.int(0, 6000) },
    },
    assignmentOp(slice),
  ];
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at state, field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** A line of /proc/<pid>/status (VmRSS, VmHWM) in MB (10^6 bytes). */
export function memoryMBOf(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
  if (kib === undefined) throw new Error(`no ${field} in /proc/${pid}/status`);
  return (Number(kib) * 1024) / 1e6;
}

export function pidOf(server: ServerChild): number {
  const pid = server.child.pid;
  if (pid === undefined) throw new Error("the server has no pid");
  return pid;
}

/** A row with a "≤ goal" target and its verdict. */
export function goalRow(
  benchmark: string,
  metric: string,
  value: number,
  goal: { max: number; strict?: boolean },
  format: (n: number) => string,
): Row {
  const met = goal.strict === true ? value < goal.max : value <= goal.max;
  return {
    benchmark,
    metric,
    value: format(value),
    target: `${goal.strict === true ? "<" : "≤"} ${format(goal.max)}`,
    verdict: met ? "PASS" : "MISS",
  };
}
