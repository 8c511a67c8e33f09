import type { Operation, OpsMessage } from "@rolemap/contract";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { onUnauthenticated } from "../auth/session-events";
import { chartRecord, createTestEditor, FakeServer } from "../test/editor-fixtures";
import { LOCKED_MESSAGE, MAX_OPERATIONS_PER_BATCH, READ_ONLY_MESSAGE } from "./chart-editor";
import { loadOperationChecks } from "./lazy-operation-checks";
import { memoryOutbox } from "./outbox";
import type { ChartEditor, ViewportRequest } from "./types";

// As on the chart page once it has been idle (chart-editor-unchecked.test.ts: before).
beforeAll(() => loadOperationChecks());

/** Lets every pending promise and zero-delay timer run (messages cross the fake network). */
async function flush() {
  for (let i = 0; i < 30; i += 1) await vi.advanceTimersByTimeAsync(10);
}

const rename = (name: string): Operation[] => [{ op: "updateChart", name }];
const vacate = (id: string): Operation[] => [{ op: "updateRole", id, changes: { holder: null } }];
const retitle = (id: string, title: string): Operation[] => [
  { op: "updateRole", id, changes: { title } },
];
const roleOf = (editor: ChartEditor, id: string) =>
  editor.getState().document.roles.find((role) => role.id === id);
const opsSent = (server: FakeServer) => server.batches.map((b) => b.operations);

/** An editor that is live on its FakeServer. */
async function live(options: Parameters<typeof createTestEditor>[0] = {}) {
  const made = createTestEditor(options);
  await flush();
  expect(made.editor.getState().connection).toBe("live");
  return made;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("connecting", () => {
  it("says hello with its version, is welcomed and goes live", async () => {
    const { editor, server } = createTestEditor();
    expect(editor.getState().connection).toBe("connecting");
    await flush();
    expect(server.opened[0]?.sent[0]).toMatchObject({ type: "hello", since: 1 });
    expect(editor.getState()).toMatchObject({
      connection: "live",
      me: { peer: "peer-0", name: "Dana Owner" },
      save: { status: "saved", pending: 0 },
    });
  });
});

describe("apply", () => {
  it("applies a batch at once, sends it as ops, then reports saved on the ack", async () => {
    const { editor, server, outbox } = await live();
    expect(editor.apply(rename("Acme"), "Rename chart")).toEqual({ ok: true, changed: true });
    expect(editor.getState().document.name).toBe("Acme");
    expect(editor.getState().save).toMatchObject({ status: "saving", pending: 1 });
    expect(server.batches).toEqual([
      { type: "ops", batch: expect.any(String), operations: rename("Acme"), base: 1 },
    ]);
    await flush();
    expect(server.record.document.name).toBe("Acme");
    expect(editor.getState()).toMatchObject({ version: 2, save: { status: "saved", pending: 0 } });
    expect(outbox.batches.size).toBe(0);
  });

  it("refuses an invalid batch, changes nothing and sends nothing", async () => {
    const { editor, server } = await live();
    const state = editor.getState();
    expect(editor.apply([{ op: "removeRole", id: "cxo" }], "Remove")).toEqual({
      ok: false,
      issues: [{ path: "operations[0].id", message: 'unknown role "cxo"' }],
    });
    expect(editor.getState()).toBe(state);
    expect(server.batches).toEqual([]);
  });

  it("refuses at once what the server's live merge would: a second solid manager", async () => {
    const { editor, server } = await live();
    const result = editor.apply(
      [{ op: "addLine", line: { manager: "cto", report: "cio", kind: "solid" } }],
      "Draw a line",
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.issues[0]?.message).toMatch(/2 solid-line managers/);
    expect(server.batches).toEqual([]);
  });

  it("refuses every batch for a person who may only view", async () => {
    const { editor } = await live({ record: chartRecord(undefined, 1, "view") });
    expect(editor.apply(rename("x"), "Rename")).toEqual({
      ok: false,
      issues: [{ path: "", message: READ_ONLY_MESSAGE }],
    });
  });

  it("splits a very large edit into batches the server takes, one undo step", async () => {
    const { editor, server } = await live();
    const operations: Operation[] = Array.from(
      { length: MAX_OPERATIONS_PER_BATCH + 10 },
      (_, i) => ({ op: "addRole", role: { id: `r${i}`, title: `Role ${i}` } }),
    );
    editor.apply(operations, "Add many");
    await flush();
    expect(server.batches.map((b) => b.operations.length)).toEqual([MAX_OPERATIONS_PER_BATCH, 10]);
    expect(server.record.document.roles).toHaveLength(editor.getState().document.roles.length);
    editor.undo();
    await flush();
    expect(server.record.document.roles.some((role) => role.id === "r0")).toBe(false);
  });
});

describe("peers' edits", () => {
  it("appear without reload, findings follow, and my history is untouched", async () => {
    const { editor, server } = await live();
    const findings = editor.getState().findings;
    server.editElsewhere([{ op: "removeRole", id: "cio" }]);
    await flush();
    expect(roleOf(editor, "cio")).toBeUndefined();
    expect(editor.getState().version).toBe(2);
    expect(editor.getState().findings).not.toEqual(findings);
    expect(editor.getState().history.canUndo).toBe(false);
  });

  it("are shown at most every 200 ms, so a busy workshop does not redraw for every batch", async () => {
    const { editor, server } = await live();
    const documents: unknown[] = [];
    editor.subscribe(() => {
      if (documents.at(-1) !== editor.getState().document)
        documents.push(editor.getState().document);
    });
    server.editElsewhere(retitle("cio", "One"));
    await vi.advanceTimersByTimeAsync(5);
    expect(roleOf(editor, "cio")?.title).toBe("One");
    server.editElsewhere(retitle("cio", "Two"));
    server.editElsewhere(retitle("cto", "Three"));
    await vi.advanceTimersByTimeAsync(50);
    expect(roleOf(editor, "cio")?.title).toBe("One");
    expect(editor.getState().version).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(roleOf(editor, "cio")?.title).toBe("Two");
    expect(roleOf(editor, "cto")?.title).toBe("Three");
    expect(documents).toHaveLength(2);
  });

  it("undo undoes only my own change, as new operations, and keeps the peer's", async () => {
    const { editor, server } = await live();
    editor.apply(retitle("cto", "Chief Technologist"), "Retitle CTO");
    await flush();
    server.editElsewhere(retitle("cio", "Head of IT"));
    await flush();
    editor.undo();
    await flush();
    expect(roleOf(editor, "cto")?.title).toBe("Chief Technology Officer");
    expect(roleOf(editor, "cio")?.title).toBe("Head of IT");
    expect(server.record.document).toEqual(editor.getState().document);
    expect(opsSent(server).at(-1)).toEqual(retitle("cto", "Chief Technology Officer"));
  });

  it("keeps my pending edit on top of a peer's that arrives before my ack", async () => {
    const { editor, server } = await live();
    server.hold();
    server.editElsewhere(retitle("cio", "Head of IT"));
    editor.apply(vacate("cto"), "Vacate CTO");
    server.release();
    await flush();
    expect(roleOf(editor, "cto")?.holder).toBeNull();
    expect(roleOf(editor, "cio")?.title).toBe("Head of IT");
    expect(editor.getState().document).toEqual(server.record.document);
  });
});

describe("a rejected change", () => {
  it("is undone locally with the reason shown and leaves the history", async () => {
    const { editor, server } = await live();
    server.rejectNext = {
      code: "conflict",
      message: "The batch conflicts with the chart",
      issues: [{ path: "operations[0].id", message: 'unknown role "cto"' }],
    };
    editor.apply(vacate("cto"), "Vacate CTO");
    expect(roleOf(editor, "cto")?.holder).toBeNull();
    await flush();
    expect(roleOf(editor, "cto")?.holder).not.toBeNull();
    expect(editor.getState().notice?.message).toBe(
      'Your change “Vacate CTO” was undone: someone else changed the chart so that it no longer applies (unknown role "cto").',
    );
    expect(editor.getState().history.canUndo).toBe(false);
    expect(editor.getState().save).toMatchObject({ status: "saved", pending: 0 });
  });
});

describe("a dropped connection", () => {
  it("keeps edits made meanwhile in the outbox and sends each exactly once on reconnect", async () => {
    const { editor, server, outbox } = await live({ link: { backoff: () => 1000 } });
    server.dropAll();
    server.down = true;
    await flush();
    expect(editor.getState().connection).toBe("reconnecting");
    editor.apply(rename("Offline 1"), "Rename 1");
    editor.apply(vacate("cto"), "Vacate CTO");
    await flush();
    expect(editor.getState().save).toMatchObject({ status: "offline", pending: 2, stored: true });
    expect(outbox.batches.size).toBe(2);
    server.down = false;
    await vi.advanceTimersByTimeAsync(3000);
    await flush();
    expect(editor.getState()).toMatchObject({ connection: "live", save: { pending: 0 } });
    expect(opsSent(server)).toEqual([rename("Offline 1"), vacate("cto")]);
    expect(server.record.document.name).toBe("Offline 1");
    expect(outbox.batches.size).toBe(0);
  });

  it("sends again a batch whose ack was lost, and the server applies it once", async () => {
    const { editor, server } = await live({ link: { backoff: () => 10 } });
    server.hold();
    editor.apply(retitle("cto", "CTO 2"), "Retitle");
    // Stored and announced, but the ack never reaches the editor: the network drops.
    server.dropAll();
    server.release();
    await vi.advanceTimersByTimeAsync(50);
    await flush();
    expect(server.batches).toHaveLength(2);
    expect(server.batches[0]?.batch).toBe(server.batches[1]?.batch);
    expect(server.record.version).toBe(2);
    expect(editor.getState()).toMatchObject({ version: 2, save: { pending: 0 } });
    expect(roleOf(editor, "cto")?.title).toBe("CTO 2");
  });

  it("reconnects at once after a server restart (1001)", async () => {
    const { editor, server } = await live({ link: { backoff: () => 60_000 } });
    server.dropAll(1001);
    await vi.advanceTimersByTimeAsync(100);
    await flush();
    expect(editor.getState().connection).toBe("live");
    expect(server.opened).toHaveLength(2);
  });

  it("an edit made offline survives a reload: the next editor sends it", async () => {
    const outbox = memoryOutbox();
    const server = new FakeServer();
    server.down = true;
    const first = createTestEditor({ server, outbox, link: { backoff: () => 60_000 } });
    await flush();
    first.editor.apply(rename("Kept"), "Rename");
    await flush();
    first.editor.dispose();
    // The tab is reloaded once the network is back: a new editor from the server's chart.
    server.down = false;
    const second = createTestEditor({ server, outbox, record: server.record });
    expect(second.editor.getState().document.name).not.toBe("Kept");
    await flush();
    expect(second.editor.getState().document.name).toBe("Kept");
    expect(server.record.document.name).toBe("Kept");
    expect(outbox.batches.size).toBe(0);
  });

  it("stops for good when access is revoked (4403), keeping the edits", async () => {
    const { editor, server } = await live();
    server.hold();
    editor.apply(vacate("cto"), "Vacate CTO");
    server.dropAll(4403);
    await flush();
    expect(editor.getState()).toMatchObject({
      connection: "closed",
      access: "view",
      save: { status: "failed", pending: 1 },
    });
    expect(editor.getState().notice?.message).toMatch(/access to this chart has ended/);
  });

  it("tells the app when the session ended (4401)", async () => {
    const { server } = await live();
    const signedOut = vi.fn();
    const stop = onUnauthenticated(signedOut);
    server.dropAll(4401);
    await flush();
    expect(signedOut).toHaveBeenCalledOnce();
    stop();
  });
});

describe("leaving the page", () => {
  it("leaves the workshop once nothing of mine waits, and a page brings it back", async () => {
    const { editor, server, release } = await live({ suspendAfterMs: 1000 });
    server.hold();
    editor.apply(rename("Saving"), "Rename");
    release();
    await vi.advanceTimersByTimeAsync(1500);
    // An edit still waits: the connection stays until it is stored.
    expect(server.sockets.size).toBe(1);
    server.release();
    await flush();
    expect(server.record.document.name).toBe("Saving");
    expect(server.sockets.size).toBe(0);
    expect(editor.getState().connection).toBe("connecting");

    server.editElsewhere(retitle("cio", "Changed meanwhile"));
    const again = editor.retain();
    await flush();
    expect(editor.getState().connection).toBe("live");
    expect(roleOf(editor, "cio")?.title).toBe("Changed meanwhile");
    again();
  });

  it("stays while another page of the tab shows the editor", async () => {
    const { editor, server, release } = await live({ suspendAfterMs: 1000 });
    const other = editor.retain();
    release();
    await vi.advanceTimersByTimeAsync(1500);
    expect(server.sockets.size).toBe(1);
    other();
    await vi.advanceTimersByTimeAsync(1500);
    expect(server.sockets.size).toBe(0);
  });
});

describe("presence", () => {
  it("lists peers from the welcome, their moves and their leaving", async () => {
    const { editor, server } = await live();
    server.broadcast({ type: "presence", peer: "p2", name: "Sam", selection: ["cio"] });
    await flush();
    expect(editor.presence.getState().peers).toMatchObject([
      { peer: "p2", name: "Sam", roles: ["cio"], cursor: null },
    ]);
    server.broadcast({ type: "presence", peer: "p2", name: "Sam", cursor: { x: 1, y: 2 } });
    await flush();
    expect(editor.presence.getState().peers[0]).toMatchObject({
      roles: ["cio"],
      cursor: { x: 1, y: 2 },
    });
    server.broadcast({ type: "leave", peer: "p2" });
    await flush();
    expect(editor.presence.getState().peers).toEqual([]);
  });

  it("takes peers' presence once a frame, however many messages arrive", async () => {
    const { editor, server } = await live();
    let notified = 0;
    editor.presence.subscribe(() => notified++);
    for (let i = 0; i < 20; i++)
      server.broadcast({ type: "presence", peer: `p${i}`, name: `P${i}`, cursor: { x: i, y: i } });
    await vi.advanceTimersByTimeAsync(40);
    expect(editor.presence.getState().peers).toHaveLength(20);
    expect(notified).toBeLessThanOrEqual(3);
  });

  it("sends my cursor, viewport and selection, at most every 100 ms", async () => {
    const { editor, server } = await live();
    const socket = server.opened[0];
    const presenceSent = () => socket?.sent.filter((m) => m.type === "presence") ?? [];
    const before = presenceSent().length;
    for (let i = 0; i < 10; i++) editor.setPresence({ cursor: { x: i, y: i } });
    editor.setSelection({ roles: ["cto"], origin: "canvas" });
    await vi.advanceTimersByTimeAsync(100);
    expect(presenceSent().slice(before)).toEqual([
      { type: "presence", cursor: { x: 9, y: 9 }, selection: ["cto"] },
    ]);
  });

  it("follows a peer's view and is moved by a summon", async () => {
    const { editor, server } = await live();
    const requests: ViewportRequest[] = [];
    editor.onViewportRequest((request) => requests.push(request));
    server.broadcast({
      type: "presence",
      peer: "p2",
      name: "Sam",
      viewport: { x: 1, y: 1, zoom: 1 },
    });
    await flush();
    editor.follow("p2");
    server.broadcast({
      type: "presence",
      peer: "p2",
      name: "Sam",
      viewport: { x: 5, y: 5, zoom: 2 },
    });
    server.broadcast({
      type: "summon",
      by: { peer: "p3", name: "Ola" },
      viewport: { x: 0, y: 0, zoom: 0.5 },
    });
    await flush();
    expect(requests).toEqual([
      { viewport: { x: 1, y: 1, zoom: 1 }, reason: "follow", by: "Sam" },
      { viewport: { x: 5, y: 5, zoom: 2 }, reason: "follow", by: "Sam" },
      { viewport: { x: 0, y: 0, zoom: 0.5 }, reason: "summon", by: "Ola" },
    ]);
    // A summon ends following: the facilitator now leads.
    expect(editor.presence.getState().following).toBeNull();
  });

  it("summons with my viewport sent first", async () => {
    const { editor, server } = await live();
    editor.setPresence({ viewport: { x: 3, y: 4, zoom: 1.5 } });
    editor.summon();
    const sent = server.opened[0]?.sent.slice(-2);
    expect(sent).toEqual([
      { type: "presence", viewport: { x: 3, y: 4, zoom: 1.5 } },
      { type: "summon" },
    ]);
  });
});

describe("the lock", () => {
  it("makes a participant's editor refuse edits while the owner holds it", async () => {
    const { editor, server } = await live({ record: chartRecord(undefined, 1, "edit") });
    server.broadcast({ type: "locked", locked: true, by: { peer: "p1", name: "Fran" } });
    await flush();
    expect(editor.getState().lock).toEqual({ locked: true, by: "Fran" });
    expect(editor.getState().notice?.message).toMatch(/Fran locked the chart/);
    expect(editor.apply(rename("x"), "Rename")).toEqual({
      ok: false,
      issues: [{ path: "", message: LOCKED_MESSAGE }],
    });
    editor.setLocked(false); // not the owner: nothing is sent
    expect(server.opened[0]?.sent.some((m) => m.type === "lock")).toBe(false);
  });

  it("lets the owner lock and unlock", async () => {
    const { editor, server } = await live();
    editor.setLocked(true);
    expect(server.opened[0]?.sent.at(-1)).toEqual({ type: "lock", locked: true });
  });
});

describe("changes made over HTTP", () => {
  it("takes a chart an import changed, and ignores its applied message", async () => {
    const { editor, server } = await live();
    server.editElsewhere(rename("Imported"));
    editor.replaceFromServer(server.record, "The matrix was merged.");
    expect(editor.getState()).toMatchObject({
      version: 2,
      document: { name: "Imported" },
      notice: { kind: "info", message: "The matrix was merged." },
    });
    await flush();
    expect(editor.getState().version).toBe(2);
  });

  it("takes a refetched access level at once", async () => {
    const { editor, server } = await live();
    editor.receive({ ...server.record, access: "view" });
    expect(editor.getState().access).toBe("view");
  });
});

it("type-checks the ops it sends against the contract", async () => {
  const { editor, server } = await live();
  editor.apply(vacate("cto"), "Vacate");
  const sent: OpsMessage | undefined = server.batches[0];
  expect(sent?.batch).toMatch(/^[0-9a-f-]{36}$/);
});
