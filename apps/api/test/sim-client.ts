import { randomUUID } from "node:crypto";
import type {
  AppliedMessage,
  ChartDocument,
  Operation,
  ServerMessage,
  WelcomeMessage,
} from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import type { WebSocket } from "ws";
import type { createRandom } from "../../../packages/domain/bench/generate-chart";
import { openSocket } from "./live-client";

/** A seeded generator (mulberry32): a seed replays a run's choices. */
export type Random = ReturnType<typeof createRandom>;

/** How unreliable the simulated network between one client and the server is. */
export interface NetworkOptions {
  /** An incoming message waits between these many milliseconds. */
  delayMs: [min: number, max: number];
  /** Chance an incoming message is held back longer, so later ones overtake it. */
  reorder: number;
  /** Chance an incoming message is delivered twice. */
  duplicateIn: number;
  /** Chance an `ops` send goes out twice. */
  duplicateOut: number;
  /** Chance, per incoming message, that the connection drops right then. */
  dropPerMessage: number;
  /** A dropped connection is opened again after between these many milliseconds. */
  reconnectMs: [min: number, max: number];
}

interface PendingBatch {
  batch: string;
  operations: Operation[];
  base: number;
  /** The version the server stored it as, once acked. */
  ackedAs: number | undefined;
  sentAt: number;
}

/** An unacked batch older than this is sent again (the server may have answered `internal`). */
const RESEND_AFTER_MS = 2000;

/**
 * A `rolemap.live/v1` client as an editor implements it (live.md): a confirmed document
 * built only from the server's welcome and its `applied` messages in version order, and an
 * outbox of batches applied optimistically on top until the server applies or rejects them.
 * Between it and the server sits a lossy network that delays, reorders and duplicates
 * what arrives, duplicates what is sent and drops the connection now and then.
 */
export class SimClient {
  readonly id = randomUUID();
  confirmed: ChartDocument | undefined;
  version = 0;
  readonly pending: PendingBatch[] = [];
  /** Every batch this client made, in order. */
  readonly made: string[] = [];
  /** Every ack received: batch → version. */
  readonly acks = new Map<string, number>();
  /** Every reject received: batch → code. */
  readonly rejects = new Map<string, string>();
  /** version → batch of every `applied` this client applied. */
  readonly seen = new Map<number, string>();
  /** Every whole chart a welcome brought, to compare with the log's replay. */
  readonly welcomes: { version: number; chart: ChartDocument }[] = [];
  /** What a correct server would never make this client see. */
  readonly problems: string[] = [];
  readonly stats = {
    connects: 0,
    drops: 0,
    duplicatesIn: 0,
    duplicatesOut: 0,
    resends: 0,
    fullWelcomes: 0,
    catchUps: 0,
  };
  private readonly early = new Map<number, AppliedMessage>();
  private socket: WebSocket | undefined;
  /** Bumped when a connection ends: messages still "in flight" on it are lost. */
  private epoch = 0;
  private welcomed = false;
  private settling = false;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly random: Random,
    private readonly network: NetworkOptions,
  ) {}

  start() {
    this.connect();
    const resend = setInterval(() => this.resendStale(), RESEND_AFTER_MS / 2);
    this.timers.add(resend);
  }

  /** Stops dropping the connection on purpose, so the client can catch up and drain. */
  settle() {
    this.settling = true;
  }

  stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.epoch++;
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** Connected, welcomed, nothing pending or waiting. */
  get isIdle() {
    return this.isOpen && this.welcomed && this.pending.length === 0 && this.early.size === 0;
  }

  /** The document the user sees: confirmed, then every pending batch that still applies. */
  view(): ChartDocument | undefined {
    let document = this.confirmed;
    if (document === undefined) return undefined;
    for (const { operations } of this.pending) {
      const result = applyOperations(document, operations);
      if (result.ok) document = result.document;
    }
    return document;
  }

  /** A user's change: applied optimistically, sent now if connected, else on reconnect. */
  edit(operations: Operation[]) {
    const pending = {
      batch: randomUUID(),
      operations,
      base: this.version,
      ackedAs: undefined,
      sentAt: Date.now(),
    };
    this.pending.push(pending);
    this.made.push(pending.batch);
    if (this.isOpen) this.sendOps(pending);
  }

  /** Closes the connection as a flaky network would and reconnects after a while. */
  drop() {
    if (this.socket === undefined || this.settling) return;
    this.stats.drops++;
    const socket = this.socket;
    this.lose();
    if (this.random.chance(0.5)) socket.terminate();
    else socket.close();
  }

  private get isOpen() {
    return this.socket !== undefined && this.socket.readyState === this.socket.OPEN;
  }

  private later(ms: number, run: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Forgets the connection and schedules the next one. */
  private lose() {
    this.epoch++;
    this.socket = undefined;
    this.welcomed = false;
    const [min, max] = this.network.reconnectMs;
    this.later(this.random.int(min, max), () => this.connect());
  }

  private connect() {
    if (this.stopped || this.socket !== undefined) return;
    const epoch = ++this.epoch;
    const socket = openSocket(this.url, { token: this.token });
    this.socket = socket;
    socket.on("open", () => {
      if (epoch !== this.epoch) return;
      this.stats.connects++;
      // live.md catch-up: hello with the last applied version, then the unacked batches in order.
      this.send({
        type: "hello",
        since: this.confirmed === undefined ? null : this.version,
        client: this.id,
      });
      for (const pending of this.pending) if (pending.ackedAs === undefined) this.sendOps(pending);
    });
    socket.on("message", (data) => this.receive(epoch, JSON.parse(data.toString())));
    socket.on("close", () => {
      if (epoch === this.epoch && !this.stopped) this.lose();
    });
    // A refused connection (the server restarting) errors, then closes: handled there.
    socket.on("error", () => undefined);
  }

  private send(message: object) {
    this.socket?.send(JSON.stringify(message));
  }

  private sendOps(pending: PendingBatch) {
    const { batch, operations, base } = pending;
    pending.sentAt = Date.now();
    this.send({ type: "ops", batch, operations, base });
    if (!this.random.chance(this.network.duplicateOut)) return;
    this.stats.duplicatesOut++;
    const epoch = this.epoch;
    this.later(this.random.int(0, 30), () => {
      if (epoch === this.epoch && this.isOpen) this.send({ type: "ops", batch, operations, base });
    });
  }

  /** A client retries what the server never answered (e.g. after an `internal` error). */
  private resendStale() {
    if (!this.isOpen || !this.welcomed) return;
    const now = Date.now();
    for (const pending of this.pending)
      if (pending.ackedAs === undefined && now - pending.sentAt > RESEND_AFTER_MS) {
        this.stats.resends++;
        this.sendOps(pending);
      }
  }

  private delay() {
    const [min, max] = this.network.delayMs;
    const late = this.random.chance(this.network.reorder) ? this.random.int(20, 80) : 0;
    return this.random.int(min, max) + late;
  }

  private receive(epoch: number, message: ServerMessage) {
    const deliver = () => {
      if (epoch !== this.epoch) return;
      this.handle(message);
      if (!this.settling && this.random.chance(this.network.dropPerMessage)) this.drop();
    };
    this.later(this.delay(), deliver);
    if (this.random.chance(this.network.duplicateIn)) {
      this.stats.duplicatesIn++;
      this.later(this.delay(), deliver);
    }
  }

  private problem(text: string) {
    this.problems.push(`client ${this.id.slice(0, 8)} at v${this.version}: ${text}`);
  }

  private handle(message: ServerMessage) {
    switch (message.type) {
      case "welcome":
        return this.onWelcome(message);
      case "applied":
        return this.onApplied(message);
      case "ack":
        return this.onAck(message.batch, message.version);
      case "reject": {
        this.rejects.set(message.batch, message.error.code);
        const at = this.pending.findIndex((p) => p.batch === message.batch);
        if (at !== -1) this.pending.splice(at, 1);
        return;
      }
      case "error":
        return this.problem(`error ${message.code}: ${message.message}`);
    }
  }

  private onWelcome(welcome: WelcomeMessage) {
    if (this.welcomed) return; // a duplicate
    this.welcomed = true;
    if (welcome.chart !== undefined) {
      this.stats.fullWelcomes++;
      this.welcomes.push({ version: welcome.version, chart: welcome.chart });
      // Reordering may have brought `applied` after the welcome's version already.
      if (this.confirmed === undefined || welcome.version > this.version) {
        this.confirmed = welcome.chart;
        this.version = welcome.version;
      }
    } else {
      this.stats.catchUps++;
      if (this.confirmed === undefined) this.problem("a catch-up welcome before any chart");
      for (const applied of welcome.ops ?? []) this.onApplied(applied);
    }
    this.drain();
    if (this.version < welcome.version)
      this.problem(`the welcome at v${welcome.version} left this client behind it`);
  }

  private onApplied(applied: AppliedMessage) {
    const known = this.seen.get(applied.version) ?? this.early.get(applied.version)?.batch;
    if (known !== undefined && known !== applied.batch)
      this.problem(`v${applied.version} was batch ${known}, now ${applied.batch}`);
    if (this.confirmed !== undefined && applied.version <= this.version) return;
    this.early.set(applied.version, applied);
    this.drain();
  }

  private onAck(batch: string, version: number) {
    const before = this.acks.get(batch);
    if (before !== undefined && before !== version)
      this.problem(`batch ${batch} acked as v${before}, then as v${version}`);
    const seen = this.seen.get(version);
    if (seen !== undefined && seen !== batch)
      this.problem(`batch ${batch} acked as v${version}, which applied batch ${seen}`);
    this.acks.set(batch, version);
    const pending = this.pending.find((p) => p.batch === batch);
    if (pending !== undefined) pending.ackedAs = version;
    this.forgetConfirmed();
  }

  /** Applies the buffered `applied` messages that come next, strictly in version order. */
  private drain() {
    if (this.confirmed === undefined) return;
    for (
      let next = this.early.get(this.version + 1);
      next !== undefined;
      next = this.early.get(this.version + 1)
    ) {
      this.early.delete(next.version);
      const result = applyOperations(this.confirmed, next.operations);
      if (result.ok) this.confirmed = result.document;
      else this.problem(`applied v${next.version} does not apply: ${result.issues[0]?.message}`);
      this.version = next.version;
      this.seen.set(next.version, next.batch);
      const { batch } = next;
      const own = this.pending.findIndex((p) => p.batch === batch);
      if (own !== -1) this.pending.splice(own, 1);
    }
    for (const version of this.early.keys())
      if (version <= this.version) this.early.delete(version);
    this.forgetConfirmed();
  }

  /** Drops pending batches already in the confirmed document (a whole-chart welcome skips their `applied`). */
  private forgetConfirmed() {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const ackedAs = this.pending[i]?.ackedAs;
      if (ackedAs !== undefined && ackedAs <= this.version) this.pending.splice(i, 1);
    }
  }
}
