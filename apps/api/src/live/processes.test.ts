import { randomUUID } from "node:crypto";
import { connect, createServer, type Socket } from "node:net";
import type { AppliedMessage, Operation, ServerMessage } from "@rolemap/contract";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { serverUrl, withPostgresDatabase } from "../../test/harness";
import { LiveClient } from "../../test/live-client";
import { type ServerProcess, setUpOwnerToken, startServerProcess } from "../../test/server-process";
import { LISTEN_APPLICATION } from "./pg-bus";

/**
 * Two real API processes on one PostgreSQL database, as `docker compose up --scale app=2`
 * runs them: a live change made through one reaches the connections held by the other
 * (live.md, "Several processes"), also after the other's LISTEN connection was cut.
 * Needs a PostgreSQL server: skipped unless ROLEMAP_TEST_DATABASE_URL is set.
 */

/** Long enough that a change arriving well within it came by a poke, not by the periodic check. */
const HEAL_MS = 3000;

const retitle = (id: string, title: string): Operation => ({
  op: "updateRole",
  id,
  changes: { title },
});

/** The next message of `type` that passes `test`, skipping the others, within `ms`. */
async function nextWhere<T extends ServerMessage["type"]>(
  client: LiveClient,
  type: T,
  test: (message: Extract<ServerMessage, { type: T }>) => boolean,
  ms = 5000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const message = await client.next(type, Math.max(1, deadline - Date.now()));
    if (test(message)) return message;
  }
}

/** The version each test client has applied, from its welcome on. */
const applied = new Map<LiveClient, number>();

async function join(url: string, who: { token: string }) {
  const joined = await LiveClient.join(url, who);
  applied.set(joined.client, joined.welcome.version);
  return joined;
}

/**
 * The `applied` messages after the last one taken, up to and including `version`: they must
 * follow each other with no gap and no repeat.
 */
async function appliedUpTo(client: LiveClient, version: number, ms = 5000) {
  const deadline = Date.now() + ms;
  const from = applied.get(client) ?? 0;
  const received: AppliedMessage[] = [];
  while ((received.at(-1)?.version ?? from) < version)
    received.push(await client.next("applied", Math.max(1, deadline - Date.now())));
  expect(received.map((m) => m.version)).toEqual(received.map((_, i) => from + 1 + i));
  applied.set(client, version);
  return received;
}

/**
 * A TCP relay in front of PostgreSQL that, while `deaf`, turns away the connections a live
 * bus opens to LISTEN (it reads `application_name` in the startup message): the process
 * behind it keeps its other connections but cannot listen again.
 */
async function startListenGate(target: URL) {
  const gate = { deaf: false, port: 0, close: async () => {} };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (head.length < 4 || head.length < head.readInt32BE(0)) return;
      client.off("data", onData);
      client.pause();
      if (gate.deaf && head.includes(LISTEN_APPLICATION)) return void client.destroy();
      const upstream = connect(Number(target.port || 5432), target.hostname, () => {
        upstream.write(head);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      sockets.add(upstream);
      upstream.on("close", () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on("error", () => undefined);
      client.on("close", () => upstream.destroy());
    };
    client.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  gate.port = typeof address === "object" && address !== null ? address.port : 0;
  gate.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return gate;
}

describe.skipIf(serverUrl === undefined)("several API processes on one PostgreSQL server", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let token = "";
  let databaseName = "";
  let admin: pg.Client;
  let gate: Awaited<ReturnType<typeof startListenGate>>;
  let release: () => void = () => {};
  let dropped: Promise<void> = Promise.resolve();

  const http = (server: ServerProcess, method: string, route: string, body?: unknown, as = token) =>
    fetch(`${server.baseUrl}${route}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${as}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const wsUrl = (server: ServerProcess, chartId: string) =>
    `${server.baseUrl.replace("http", "ws")}/api/charts/${chartId}/live`;

  async function newChart(): Promise<string> {
    const res = await http(a, "POST", "/api/charts", { document: specExample() });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  /** An editor of `chartId` (invited, signed up, made a member) with an API token. */
  async function editorOf(chartId: string): Promise<string> {
    const email = `editor-${randomUUID()}@example.com`;
    const invite = await http(a, "POST", "/api/admin/invites", { email });
    const { url } = (await invite.json()) as { url: string };
    const signup = await fetch(`${a.baseUrl}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.baseUrl },
      body: JSON.stringify({
        email,
        name: "Eddie Editor",
        password: "a long enough password",
        invite: url.replace("/invite/", ""),
      }),
    });
    expect(signup.status).toBe(201);
    const cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const member = await http(a, "PUT", `/api/charts/${chartId}/members`, {
      email,
      access: "edit",
    });
    expect(member.status).toBe(200);
    const created = await fetch(`${b.baseUrl}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: b.baseUrl, cookie },
      body: JSON.stringify({ name: "editor" }),
    });
    expect(created.status).toBe(201);
    return ((await created.json()) as { token: string }).token;
  }

  /** Process `server`'s LISTEN connection as PostgreSQL sees it (named by pg-bus.ts). */
  const selectListener = (columns: string, server: ServerProcess) =>
    admin.query(
      `SELECT ${columns} FROM pg_stat_activity
       WHERE datname = $1 AND application_name = $2 AND query ILIKE 'LISTEN%'`,
      [databaseName, `${LISTEN_APPLICATION} ${server.child.pid}`],
    );

  /** Terminates process `server`'s LISTEN connection; answers how many were cut. */
  const cutListener = async (server: ServerProcess) =>
    (await selectListener("pg_terminate_backend(pid, 1000) AS cut", server)).rows.filter(
      (row) => row.cut === true,
    ).length;

  const isListening = async (server: ServerProcess) =>
    ((await selectListener("1", server)).rowCount ?? 0) > 0;

  beforeAll(async () => {
    const url = await new Promise<string>((resolve, reject) => {
      const held = new Promise<void>((done) => {
        release = done;
      });
      dropped = withPostgresDatabase(async (created) => {
        resolve(created);
        await held;
      });
      dropped.catch(reject);
    });
    databaseName = new URL(url).pathname.slice(1);
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // B reaches the database through the gate, so the test can keep it from listening.
    gate = await startListenGate(new URL(url));
    const throughGate = new URL(url);
    throughGate.hostname = "127.0.0.1";
    throughGate.port = String(gate.port);
    const env = { LIVE_HEAL_MS: String(HEAL_MS), API_RATE_LIMIT: "0" };
    // Both at once on a fresh database: they must migrate it once (an advisory lock).
    [a, b] = await Promise.all([
      startServerProcess({ ...env, DATABASE_URL: url }),
      startServerProcess({ ...env, DATABASE_URL: throughGate.toString() }),
    ]);
    token = await setUpOwnerToken(a.baseUrl);
  });

  afterAll(async () => {
    for (const server of [a, b]) server?.child.kill("SIGTERM");
    const exits = await Promise.all([a?.exited, b?.exited]);
    await Promise.all([admin?.end(), gate?.close()]);
    release();
    await dropped;
    expect(exits.filter((code) => code !== undefined && code !== 0)).toEqual([]);
  });

  it("relays batches both ways in version order, presence, HTTP writes and the lock", async () => {
    const chartId = await newChart();
    const { client: onA, welcome: welcomeA } = await join(wsUrl(a, chartId), { token });
    const { client: onB, welcome: welcomeB } = await join(wsUrl(b, chartId), { token });

    // A batch through A reaches B's client as `applied`, and one through B reaches A's.
    const first = randomUUID();
    onA.send({ type: "ops", batch: first, base: 1, operations: [retitle("ceo", "From A")] });
    expect(await appliedUpTo(onB, 2)).toEqual([
      {
        type: "applied",
        version: 2,
        batch: first,
        by: { peer: welcomeA.you.peer, name: "Owner" },
        operations: [retitle("ceo", "From A")],
      },
    ]);
    await appliedUpTo(onA, 2);
    const second = randomUUID();
    onB.send({ type: "ops", batch: second, base: 2, operations: [retitle("cio", "From B")] });
    expect(await appliedUpTo(onA, 3)).toMatchObject([
      { version: 3, batch: second, by: { peer: welcomeB.you.peer } },
    ]);
    await appliedUpTo(onB, 3);

    // Batches sent through both at once: each client sees one order, the same, with no gap.
    for (let i = 0; i < 6; i++) {
      onA.send({
        type: "ops",
        batch: randomUUID(),
        base: 3,
        operations: [retitle("cto", `A${i}`)],
      });
      onB.send({
        type: "ops",
        batch: randomUUID(),
        base: 3,
        operations: [retitle("cto", `B${i}`)],
      });
    }
    const seenOnA = await appliedUpTo(onA, 15, 10_000);
    const seenOnB = await appliedUpTo(onB, 15, 10_000);
    expect(seenOnA.map((m) => m.batch)).toEqual(seenOnB.map((m) => m.batch));

    // Presence from A's client reaches B's, stamped with the sender's name.
    onA.send({ type: "presence", cursor: { x: 10, y: 20 } });
    expect(
      await nextWhere(onB, "presence", (m) => m.peer === welcomeA.you.peer && "cursor" in m),
    ).toEqual({
      type: "presence",
      peer: welcomeA.you.peer,
      name: "Owner",
      cursor: { x: 10, y: 20 },
    });

    // An HTTP write to B reaches A's client.
    const write = await http(b, "POST", `/api/charts/${chartId}/operations`, {
      operations: [retitle("ceo", "Over HTTP")],
    });
    expect(write.status).toBe(200);
    expect(await appliedUpTo(onA, 16)).toMatchObject([
      { by: { peer: null, name: "Owner" }, operations: [retitle("ceo", "Over HTTP")] },
    ]);

    // A lock taken on A is seen on B and holds for an editor there, live and over HTTP.
    const editor = await editorOf(chartId);
    const { client: editorOnB } = await join(wsUrl(b, chartId), { token: editor });
    onA.send({ type: "lock", locked: true });
    expect(await editorOnB.next("locked")).toEqual({
      type: "locked",
      locked: true,
      by: { peer: welcomeA.you.peer, name: "Owner" },
    });
    const refused = randomUUID();
    editorOnB.send({ type: "ops", batch: refused, base: 16, operations: [retitle("ceo", "Mine")] });
    expect(await editorOnB.next("reject")).toMatchObject({
      batch: refused,
      error: { code: "locked" },
    });
    const locked = await http(
      b,
      "POST",
      `/api/charts/${chartId}/operations`,
      {
        operations: [retitle("ceo", "Mine")],
      },
      editor,
    );
    expect(locked.status).toBe(423);
    onA.send({ type: "lock", locked: false });
    expect(await editorOnB.next("locked")).toMatchObject({ locked: false });
    const allowed = randomUUID();
    editorOnB.send({ type: "ops", batch: allowed, base: 16, operations: [retitle("ceo", "Mine")] });
    expect(await editorOnB.next("ack")).toEqual({ type: "ack", batch: allowed, version: 17 });
    await Promise.all([onA.close(), onB.close(), editorOnB.close()]);
  });

  it("heals a process whose LISTEN connection was cut, then hears pokes again", async () => {
    const chartId = await newChart();
    const { client: onA } = await join(wsUrl(a, chartId), { token });
    const { client: onB } = await join(wsUrl(b, chartId), { token });

    // B goes deaf: its LISTEN connection is cut, and its attempts to listen again are refused.
    gate.deaf = true;
    expect(await cutListener(b)).toBe(1);
    for (let version = 2; version <= 5; version++) {
      const batch = randomUUID();
      const operations = [retitle("ceo", `v${version}`)];
      onA.send({ type: "ops", batch, base: version - 1, operations });
      expect(await onA.next("ack")).toEqual({ type: "ack", batch, version });
    }
    // Every change still reaches B's client, in order: B's periodic check finds them.
    await appliedUpTo(onB, 5, 3 * HEAL_MS);
    expect(await isListening(b)).toBe(false);
    expect(b.output()).toContain("live bus: listening connection failed");
    await vi.waitFor(() => expect(b.output()).toContain("live bus: could not listen; retrying"), {
      timeout: 5000,
    });

    // Once B listens again (it retries with back-off), A's commits reach B by poke, promptly.
    gate.deaf = false;
    await vi.waitFor(async () => expect(await isListening(b)).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });
    for (let version = 6; version <= 8; version++) {
      const operations = [retitle("cio", `v${version}`)];
      onA.send({ type: "ops", batch: randomUUID(), base: version - 1, operations });
      const started = Date.now();
      await appliedUpTo(onB, version, HEAL_MS);
      expect(Date.now() - started).toBeLessThan(HEAL_MS / 3);
    }
    await Promise.all([onA.close(), onB.close()]);
  });
});
