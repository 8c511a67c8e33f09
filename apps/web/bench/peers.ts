import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import type { Assignment, ChartDocument, Operation } from "@rolemap/contract";
import { LIVE_SUBPROTOCOL } from "@rolemap/contract/constants";
import type WebSocketType from "ws";

// `ws` is the API's dependency (apps/api/package.json): taken from there.
const requireFromApi = createRequire(path.resolve(import.meta.dirname, "../../api/package.json"));
const WebSocket = requireFromApi("ws") as typeof WebSocketType;

/** A point in chart coordinates. */
export interface Point {
  x: number;
  y: number;
}

export interface PeerOptions {
  /** `ws://…/api/charts/:id/live` */
  url: string;
  /** `Authorization` header (`Bearer …`). */
  authorization: string;
  /** The chart as created: the roles and matrix cells each peer edits. */
  document: ChartDocument;
  count: number;
  /** null: presence only. */
  batchEveryMs: number | null;
  presenceEveryMs: number;
  /** Where the cursors circle (chart coordinates), and how far. */
  centre: Point;
  radius: number;
  /** How far a cursor moves between two presence messages (chart coordinates). */
  step: number;
}

export interface PeerStats {
  /** Peers welcomed. */
  welcomed: number;
  batchesSent: number;
  acks: number;
  rejects: number;
  presenceSent: number;
  /** Messages the peers received (all of them, every peer's presence included). */
  received: number;
  /** Node's CPU time for this process while the peers ran, ms (user + system). */
  cpuMs: number;
  wallMs: number;
}

/**
 * Simulated workshop participants in this Node process, speaking rolemap.live/v1 (live.md)
 * over `ws`: each sends `hello`, then a small batch every `batchEveryMs` (a role retitled,
 * a matrix cell added or removed, each peer with roles and cells of its own, so every batch
 * applies) with its own batch uuid, and presence at `presenceEveryMs`: a cursor going round
 * a circle and now and then a selection. Cheap on purpose (they share the machine with the
 * browser and the server): a received message is parsed only when it is a welcome, an ack
 * or a reject, never the peers' presence or the applied batches.
 */
export class Peers {
  readonly stats: PeerStats = {
    welcomed: 0,
    batchesSent: 0,
    acks: 0,
    rejects: 0,
    presenceSent: 0,
    received: 0,
    cpuMs: 0,
    wallMs: 0,
  };
  private readonly sockets: WebSocketType[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private cpuStart: NodeJS.CpuUsage | null = null;
  private wallStart = 0;

  constructor(private readonly options: PeerOptions) {}

  /** Connects every peer and resolves once all are welcomed; then they start editing. */
  async start(): Promise<void> {
    const { count } = this.options;
    const welcomed: Promise<void>[] = [];
    for (let i = 0; i < count; i++) welcomed.push(this.connect(i));
    await Promise.all(welcomed);
    this.cpuStart = process.cpuUsage();
    this.wallStart = performance.now();
    for (let i = 0; i < count; i++) this.run(i);
  }

  stop(): PeerStats {
    for (const timer of this.timers) clearInterval(timer);
    if (this.cpuStart !== null) {
      const cpu = process.cpuUsage(this.cpuStart);
      this.stats.cpuMs = (cpu.user + cpu.system) / 1000;
      this.stats.wallMs = performance.now() - this.wallStart;
    }
    for (const socket of this.sockets) socket.close(1000, "bye");
    return { ...this.stats };
  }

  private connect(i: number): Promise<void> {
    const socket = new WebSocket(this.options.url, LIVE_SUBPROTOCOL, {
      headers: { Authorization: this.options.authorization },
      perMessageDeflate: false,
    });
    this.sockets[i] = socket;
    return new Promise((resolve, reject) => {
      socket.on("error", reject);
      socket.on("open", () =>
        socket.send(JSON.stringify({ type: "hello", since: null, client: randomUUID() })),
      );
      socket.on("message", (data: Buffer) => {
        this.stats.received++;
        // The type is the first key of every server message: read it from the bytes.
        const head = data.subarray(0, 20).toString("latin1");
        if (head.startsWith('{"type":"welcome"')) {
          this.stats.welcomed++;
          resolve();
        } else if (head.startsWith('{"type":"ack"')) this.stats.acks++;
        else if (head.startsWith('{"type":"reject"')) {
          this.stats.rejects++;
          console.warn(`peer ${i}: ${data.toString().slice(0, 300)}`);
        }
      });
    });
  }

  /** Peer i edits roles i, i + count, … and cells of its own roles; never another's. */
  private run(i: number) {
    const { document, count, batchEveryMs, presenceEveryMs, centre, radius, step } = this.options;
    const socket = this.sockets[i] as WebSocketType;
    const roles = document.roles.filter((_, index) => index % count === i).map((r) => r.id);
    // A responsibility no earlier peer of this run used: a cell left added stays so.
    const responsibility =
      batchEveryMs === null
        ? undefined
        : document.responsibilities[cellsUsed++ % document.responsibilities.length]?.id;
    // A cell (role, responsibility, I) that does not exist yet: added, then removed, in turn.
    const taken = new Set(document.assignments.map(cellKey));
    const cellRole = roles.find(
      (role) =>
        responsibility !== undefined &&
        !document.assignments.some((a) => a.role === role && a.responsibility === responsibility),
    );
    const cell: Assignment | null =
      cellRole === undefined || responsibility === undefined
        ? null
        : { role: cellRole, responsibility, code: "I" };
    if (cell !== null && taken.has(cellKey(cell))) throw new Error("the cell is taken");
    let edits = 0;
    let cellAdded = false;

    const sendBatch = () => {
      if (socket.readyState !== WebSocket.OPEN) return;
      edits++;
      const role = roles[edits % roles.length] as string;
      const operations: Operation[] = [
        { op: "updateRole", id: role, changes: { title: `P${i} edit ${edits}` } },
      ];
      if (cell !== null) {
        operations.push(
          cellAdded
            ? { op: "removeAssignment", assignment: cell }
            : { op: "addAssignment", assignment: cell },
        );
        cellAdded = !cellAdded;
      }
      socket.send(JSON.stringify({ type: "ops", batch: randomUUID(), operations, base: 0 }));
      this.stats.batchesSent++;
    };

    // Each cursor goes round its own circle, a step per message; phase and start spread out.
    const circumference = 2 * Math.PI * radius;
    const perStep = (2 * Math.PI * step) / circumference;
    let angle = (2 * Math.PI * i) / count;
    let ticks = 0;
    const sendPresence = () => {
      if (socket.readyState !== WebSocket.OPEN) return;
      angle += perStep;
      ticks++;
      const cursor = {
        x: Math.round((centre.x + Math.cos(angle) * radius) * 10) / 10,
        y: Math.round((centre.y + Math.sin(angle) * radius * 0.6) * 10) / 10,
      };
      // Now and then (every 3 s) a selection: the role last retitled.
      const message: Record<string, unknown> = { type: "presence", cursor };
      if (ticks % 30 === 0) message.selection = [roles[edits % roles.length]];
      socket.send(JSON.stringify(message));
      this.stats.presenceSent++;
    };

    // Spread the peers over the intervals, as people are.
    const presenceOffset = (presenceEveryMs * i) / count;
    if (batchEveryMs !== null)
      this.timers.push(
        setTimeout(
          () => {
            sendBatch();
            this.timers.push(setInterval(sendBatch, batchEveryMs));
          },
          (batchEveryMs * i) / count,
        ),
      );
    this.timers.push(
      setTimeout(() => {
        sendPresence();
        this.timers.push(setInterval(sendPresence, presenceEveryMs));
      }, presenceOffset),
    );
  }
}

/** Responsibilities whose cells peers of this process have edited (one each). */
let cellsUsed = 0;

const cellKey = (a: Assignment) => `${a.role}\u0000${a.responsibility}\u0000${a.code}`;
