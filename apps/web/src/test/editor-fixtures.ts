import type {
  AccessLevel,
  ChartDocument,
  ChartRecord,
  ClientMessage,
  Operation,
  OpsMessage,
  RejectMessage,
  ServerMessage,
} from "@rolemap/contract";
import { applyOperations, getTemplate } from "@rolemap/domain";
import { type ChartEditorOptions, createChartEditor } from "../editor/chart-editor";
import { memoryOutbox } from "../editor/outbox";
import type { ChartEditor, EditorTransport, LiveSocket } from "../editor/types";

export const CHART_ID = "0b6a3c2e-8f55-4f0b-9d55-2f1f1b9c1a01";

/** A stored chart: the classic-split template unless a document is given. */
export function chartRecord(
  document?: ChartDocument,
  version = 1,
  access: AccessLevel = "owner",
): ChartRecord {
  const template = getTemplate("classic-split");
  if (document === undefined && template === undefined) throw new Error("no classic-split");
  return {
    id: CHART_ID,
    version,
    updatedAt: "2026-11-23T10:00:00.000Z",
    document: document ?? (template?.document as ChartDocument),
    access,
  };
}

/** A socket between an editor and the FakeServer: what one sends, the other gets later. */
export class FakeSocket implements LiveSocket {
  readyState = 0;
  /** Every message the editor sent, parsed. */
  readonly sent: ClientMessage[] = [];
  private readonly listeners = new Map<string, ((event: never) => void)[]>();

  constructor(private readonly server: FakeServer) {}

  addEventListener(type: string, listener: (event: never) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, event: unknown = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event as never);
  }

  send(data: string) {
    if (this.readyState !== 1) throw new Error("send on a socket that is not open");
    const message = JSON.parse(data) as ClientMessage;
    this.sent.push(message);
    this.server.receive(this, message);
  }

  close(code = 1000, reason = "") {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    this.server.forget(this);
    setTimeout(() => this.emit("close", { code, reason }), 0);
  }
}

/**
 * The server side of `rolemap.live/v1` for one chart, in memory, as apps/api behaves:
 * batches apply all or nothing in arrival order, bump the version and go to every
 * connection as `applied`; the sender gets `ack`, or `reject` when they no longer apply;
 * a batch id already stored is acked again and not applied twice. Messages are delivered
 * a tick later, as over a network. Tests make peers' edits (`editElsewhere`), drop
 * connections (`dropAll`), refuse new ones (`down`) and hold messages (`hold`).
 */
export class FakeServer implements EditorTransport {
  record: ChartRecord;
  /** Every `ops` message received, in order (duplicates included). */
  readonly batches: OpsMessage[] = [];
  readonly sockets = new Set<FakeSocket>();
  /** Every socket ever opened, in order. */
  readonly opened: FakeSocket[] = [];
  /** While true, new connections fail (the server is down, or the network). */
  down = false;
  /** A reject to answer the next batch with, instead of applying it. */
  rejectNext: RejectMessage["error"] | null = null;
  locked = false;
  private readonly stored = new Map<string, number>();
  private held: (() => void)[] | null = null;

  constructor(record: ChartRecord = chartRecord()) {
    this.record = record;
  }

  openLive(chartId: string): LiveSocket {
    if (chartId !== this.record.id) throw new Error(`unknown chart ${chartId}`);
    const socket = new FakeSocket(this);
    this.opened.push(socket);
    setTimeout(() => {
      if (this.down) {
        socket.readyState = 3;
        socket.emit("error");
        socket.emit("close", { code: 1006, reason: "" });
        return;
      }
      socket.readyState = 1;
      this.sockets.add(socket);
      socket.emit("open");
    }, 0);
    return socket;
  }

  async getChart(): Promise<ChartRecord> {
    if (this.down) throw new Error("down");
    return this.record;
  }

  forget(socket: FakeSocket) {
    this.sockets.delete(socket);
  }

  /** Delivers to one socket a tick later (or when `release` is called, while held). */
  private deliver(socket: FakeSocket, message: ServerMessage) {
    const go = () =>
      setTimeout(() => {
        if (socket.readyState === 1) socket.emit("message", { data: JSON.stringify(message) });
      }, 0);
    if (this.held !== null) this.held.push(go);
    else go();
  }

  /** Holds every message to the editors until `release` (a slow network). */
  hold() {
    this.held ??= [];
  }

  release() {
    const held = this.held ?? [];
    this.held = null;
    for (const go of held) go();
  }

  receive(socket: FakeSocket, message: ClientMessage) {
    switch (message.type) {
      case "hello":
        return this.deliver(socket, {
          type: "welcome",
          version: this.record.version,
          you: {
            peer: `peer-${this.opened.indexOf(socket)}`,
            name: "Dana Owner",
            access: this.record.access,
          },
          peers: [],
          chart: this.record.document,
          locked: this.locked,
        });
      case "ops":
        this.batches.push(message);
        return this.apply(socket, message);
      case "ping":
        return this.deliver(socket, { type: "pong" });
      default:
        return;
    }
  }

  private apply(socket: FakeSocket | null, message: OpsMessage) {
    const known = this.stored.get(message.batch);
    if (known !== undefined && socket !== null)
      return this.deliver(socket, { type: "ack", batch: message.batch, version: known });
    const refused = this.rejectNext;
    this.rejectNext = null;
    const result = applyOperations(this.record.document, message.operations);
    if (refused !== null || !result.ok) {
      if (socket !== null)
        this.deliver(socket, {
          type: "reject",
          batch: message.batch,
          error: refused ?? {
            code: "conflict",
            message: "The batch no longer applies",
            issues: result.ok ? [] : result.issues,
          },
        });
      return;
    }
    const version = this.record.version + 1;
    this.record = { ...this.record, version, document: result.document };
    this.stored.set(message.batch, version);
    const by =
      socket === null
        ? { peer: "peer-sam", name: "Sam Peer" }
        : { peer: `peer-${this.opened.indexOf(socket)}`, name: "Dana Owner" };
    for (const each of this.sockets)
      this.deliver(each, {
        type: "applied",
        version,
        batch: message.batch,
        by,
        operations: message.operations,
      });
    if (socket !== null) this.deliver(socket, { type: "ack", batch: message.batch, version });
  }

  /** Someone else's edit, applied by the server and announced to every connection. */
  editElsewhere(operations: Operation[]) {
    const result = applyOperations(this.record.document, operations);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    this.apply(null, {
      type: "ops",
      batch: crypto.randomUUID(),
      operations,
      base: this.record.version,
    });
  }

  /** Sends a message to every connection (presence, summon, locked …). */
  broadcast(message: ServerMessage) {
    for (const socket of this.sockets) this.deliver(socket, message);
  }

  /** Drops every connection without a close frame (the network went away). */
  dropAll(code = 1006) {
    for (const socket of [...this.sockets]) {
      this.sockets.delete(socket);
      socket.readyState = 3;
      setTimeout(() => socket.emit("close", { code, reason: "" }), 0);
    }
  }
}

/** A real editor over a FakeServer and an outbox in memory, with no browser network events. */
export function createTestEditor(
  options: Partial<ChartEditorOptions> & { server?: FakeServer } = {},
): {
  editor: ChartEditor;
  server: FakeServer;
  outbox: ReturnType<typeof memoryOutbox>;
  /** The page goes (the fixture retains the editor as its page does). */
  release: () => void;
} {
  const server = options.server ?? new FakeServer(options.record);
  const outbox = memoryOutbox();
  const editor = createChartEditor({
    record: server.record,
    transport: server,
    outbox,
    ...options,
    link: { isOnline: () => true, watchNetwork: () => () => {}, backoff: () => 5, ...options.link },
  });
  const release = editor.retain(); // as its page does
  return { editor, server, outbox, release };
}

/** Resolves once the editor is live and every edit of mine is acknowledged (or after `rounds` ticks). */
export async function settle(editor: ChartEditor, rounds = 100): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    const { connection, save } = editor.getState();
    if (connection === "live" && save.pending === 0 && save.stored) {
      // The acks are in; let the `applied` messages sent with them arrive too.
      for (let j = 0; j < 3; j++) await new Promise((resolve) => setTimeout(resolve, 0));
      return;
    }
    if (connection === "closed") return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
