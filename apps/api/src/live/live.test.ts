import { randomUUID } from "node:crypto";
import {
  LIVE_CLOSE,
  LIVE_MAX_MESSAGE_BYTES,
  LIVE_SUBPROTOCOL,
  type Operation,
} from "@rolemap/contract";
import { exportMatrixCsv } from "@rolemap/interchange";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, openSocket, refusal, startLiveServer } from "../../test/live-client";
import {
  type Credentials,
  call,
  createToken,
  HOST,
  inviteAccount,
  shareLink,
} from "../../test/principals";

let t: TestApp;
let live: Awaited<ReturnType<typeof startLiveServer>>;
let owner: { token: string };
const ownerBearer = (): Credentials => ({ kind: "bearer", token: t.owner.token });

beforeAll(async () => {
  t = await startTestApp({ live: { catchUpLimit: 5 } });
  live = await startLiveServer(t);
  owner = { token: t.owner.token };
});
afterAll(async () => {
  await live?.close();
  await t?.close();
});

async function newChart(name = "Live chart"): Promise<string> {
  const res = await request(t.app)
    .post("/api/charts")
    .send({ document: { ...specExample(), name } })
    .expect(201);
  return res.body.id;
}

/** A member of `chartId` at `access`, with an API token for live connections. */
async function member(
  chartId: string,
  access: "view" | "comment" | "edit" | "owner",
  name: string,
) {
  const person = await inviteAccount(t, name);
  await call(t.anonymous, ownerBearer(), "put", `/api/charts/${chartId}/members`)
    .send({ email: person.account.email, access })
    .expect(200);
  const token = await createToken(t, person.session);
  return {
    account: person.account,
    token: (token.bearer as { token: string }).token,
    session: person.session,
  };
}

const retitle = (id: string, title: string): Operation => ({
  op: "updateRole",
  id,
  changes: { title },
});

describe("the live upgrade", () => {
  it("refuses anyone without a right to the chart, as the HTTP routes do", async () => {
    const chartId = await newChart();
    const anonymous = await refusal(openSocket(live.url(chartId), { cookie: "" }));
    expect(anonymous.status).toBe(401);
    const stranger = await inviteAccount(t, "Stranger");
    const strangerToken = await createToken(t, stranger.session);
    const unseen = await refusal(
      openSocket(live.url(chartId), { token: (strangerToken.bearer as { token: string }).token }),
    );
    expect(unseen).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    const unknown = await refusal(openSocket(live.url(randomUUID()), owner));
    expect(unknown.status).toBe(404);
    const notAnId = await refusal(openSocket(live.url("not-a-uuid"), owner));
    expect(notAnId.status).toBe(404);
  });

  it("refuses a cookie upgrade from another origin or without one, and accepts the app's own", async () => {
    const chartId = await newChart();
    const person = await member(chartId, "edit", "Cookie Person");
    const cookie = (person.session as { cookie: string }).cookie;
    const foreign = await refusal(
      openSocket(live.url(chartId), { cookie, origin: "https://evil.example" }),
    );
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: "cross_site" } } });
    const missing = await refusal(openSocket(live.url(chartId), { cookie, origin: "" }));
    expect(missing.status).toBe(403);
    const { welcome, client } = await LiveClient.join(live.url(chartId), { cookie });
    expect(welcome.you).toMatchObject({ name: "Cookie Person", access: "edit" });
    await client.close();
  });

  it("refuses an upgrade for a host name the server does not answer to (DNS rebinding)", async () => {
    const chartId = await newChart();
    const person = await member(chartId, "edit", "Rebound Person");
    const cookie = (person.session as { cookie: string }).cookie;
    // A page on a rebound name sends its own name as Host and as Origin: they agree.
    const rebound = await refusal(
      new WebSocket(live.url(chartId), {
        headers: { Host: "evil.example:3000", Origin: "http://evil.example:3000", Cookie: cookie },
      }),
    );
    expect(rebound).toMatchObject({ status: 421, body: { error: { code: "unknown_host" } } });
  });

  it("takes the subprotocol a browser offers (a token a browser accepts: no '/')", async () => {
    const chartId = await newChart();
    const socket = new WebSocket(live.url(chartId), LIVE_SUBPROTOCOL, {
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    expect(LIVE_SUBPROTOCOL).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
    expect(socket.protocol).toBe(LIVE_SUBPROTOCOL);
    socket.close();
  });

  it("answers any other upgrade path 404", async () => {
    const socket = openSocket(`ws://127.0.0.1:${live.port}/api/charts`, owner);
    expect((await refusal(socket)).status).toBe(404);
  });
});

describe("hello and welcome", () => {
  it("welcomes with the whole chart, who I am, who is here and the lock", async () => {
    const chartId = await newChart();
    const { client: a, welcome } = await LiveClient.join(live.url(chartId), owner);
    expect(welcome).toMatchObject({
      type: "welcome",
      version: 1,
      you: { name: "Olive Owner", access: "owner" },
      peers: [],
      locked: false,
      chart: { name: "Live chart" },
    });
    expect(welcome.ops).toBeUndefined();
    const { client: b, welcome: second } = await LiveClient.join(live.url(chartId), owner);
    expect(second.peers).toEqual([
      { type: "presence", peer: welcome.you.peer, name: "Olive Owner" },
    ]);
    // The one already there learns of the newcomer.
    expect(await a.next("presence")).toEqual({
      type: "presence",
      peer: second.you.peer,
      name: "Olive Owner",
    });
    await b.close();
    expect(await a.next("leave")).toEqual({ type: "leave", peer: second.you.peer });
    await a.close();
  });

  it("answers anything before hello, and a second hello, with invalid_message", async () => {
    const chartId = await newChart();
    const client = await LiveClient.open(live.url(chartId), owner);
    client.send({ type: "ops", batch: randomUUID(), base: 1, operations: [retitle("ceo", "X")] });
    expect(await client.next("error")).toMatchObject({ code: "invalid_message" });
    client.send({ type: "hello", since: null, client: randomUUID() });
    await client.next("welcome");
    client.send({ type: "hello", since: null, client: randomUUID() });
    expect(await client.next("error")).toMatchObject({ code: "invalid_message" });
    await client.close();
  });
});

describe("batches", () => {
  it("applies a batch once, tells everyone in version order, and acks the sender after", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    const { client: b, welcome } = await LiveClient.join(live.url(chartId), owner);
    const batch = randomUUID();
    const operations = [retitle("cio", "Chief Information Officer")];
    a.send({ type: "ops", batch, base: 1, operations });
    const applied = await a.next("applied");
    expect(applied).toEqual({
      type: "applied",
      version: 2,
      batch,
      by: { peer: expect.any(String), name: "Olive Owner" },
      operations,
    });
    expect(await a.next("ack")).toEqual({ type: "ack", batch, version: 2 });
    expect(await b.next("applied")).toEqual(applied);
    expect(applied.by.peer).not.toBe(welcome.you.peer);

    // Sent again (a reconnect that missed the ack): the same ack, nothing applied twice.
    a.send({ type: "ops", batch, base: 1, operations });
    expect(await a.next("ack")).toEqual({ type: "ack", batch, version: 2 });
    expect(await b.quiet()).toEqual([]);
    const chart = await request(t.app).get(`/api/charts/${chartId}`).expect(200);
    expect(chart.body.version).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });

  it("merges at the server: concurrent edits of different fields both stand, of one field the later wins", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    const { client: b } = await LiveClient.join(live.url(chartId), owner);
    a.send({
      type: "ops",
      batch: randomUUID(),
      base: 1,
      operations: [retitle("cto", "A's title")],
    });
    b.send({
      type: "ops",
      batch: randomUUID(),
      base: 1,
      operations: [
        { op: "updateRole", id: "cto", changes: { holder: "Bea" } },
        retitle("cto", "B's title"),
      ],
    });
    await a.next("ack");
    await b.next("ack");
    const chart = await request(t.app).get(`/api/charts/${chartId}`).expect(200);
    const cto = chart.body.document.roles.find((r: { id: string }) => r.id === "cto");
    expect(cto).toMatchObject({ holder: "Bea", title: "B's title" });
    await Promise.all([a.close(), b.close()]);
  });

  it("rejects whole, as conflict, a batch whose target is gone or that closes a cycle", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    const gone = randomUUID();
    a.send({
      type: "ops",
      batch: gone,
      base: 1,
      operations: [retitle("ceo", "Changed"), retitle("cxo", "Nobody")],
    });
    const reject = await a.next("reject");
    expect(reject).toMatchObject({ batch: gone, error: { code: "conflict" } });
    expect(reject.error.issues).toEqual([
      { path: "operations[1].id", message: 'unknown role "cxo"' },
    ]);
    const cycle = randomUUID();
    a.send({
      type: "ops",
      batch: cycle,
      base: 1,
      operations: [{ op: "moveRole", id: "ceo", manager: "cio" }],
    });
    expect(await a.next("reject")).toMatchObject({ batch: cycle, error: { code: "conflict" } });
    const second = randomUUID();
    a.send({
      type: "ops",
      batch: second,
      base: 1,
      operations: [{ op: "addLine", line: { manager: "cto", report: "cio", kind: "solid" } }],
    });
    expect(await a.next("reject")).toMatchObject({ batch: second, error: { code: "conflict" } });
    expect((await a.quiet()).filter((m) => m.type === "applied")).toEqual([]);
    const chart = await request(t.app).get(`/api/charts/${chartId}`).expect(200);
    expect(chart.body.version).toBe(1);
    await a.close();
  });

  it("rejects a malformed batch as invalid_input, naming the problem", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    const batch = randomUUID();
    a.send({
      type: "ops",
      batch,
      base: 1,
      operations: [{ op: "updateRole", id: "ceo", changes: { title: "" } }],
    });
    const reject = await a.next("reject");
    expect(reject).toMatchObject({ batch, error: { code: "invalid_input" } });
    expect(reject.error.issues[0]?.path).toBe("operations[0].changes.title");
    const blank = randomUUID();
    a.send({ type: "ops", batch: blank, base: 1, operations: [{ op: "updateChart", name: "  " }] });
    expect(await a.next("reject")).toMatchObject({
      batch: blank,
      error: { code: "invalid_input" },
    });
    await a.close();
  });

  it("rejects a viewer's and a commenter's batch as forbidden, and an editor's rename", async () => {
    const chartId = await newChart();
    const viewer = await member(chartId, "view", "Vic Viewer");
    const commenter = await member(chartId, "comment", "Cam Commenter");
    const editor = await member(chartId, "edit", "Eddie Editor");
    for (const who of [viewer, commenter]) {
      const { client, welcome } = await LiveClient.join(live.url(chartId), { token: who.token });
      expect(welcome.you.access).not.toBe("edit");
      const batch = randomUUID();
      client.send({ type: "ops", batch, base: 1, operations: [retitle("ceo", "Mine now")] });
      expect(await client.next("reject")).toMatchObject({ batch, error: { code: "forbidden" } });
      await client.close();
    }
    const { client } = await LiveClient.join(live.url(chartId), { token: editor.token });
    const rename = randomUUID();
    client.send({
      type: "ops",
      batch: rename,
      base: 1,
      operations: [{ op: "updateChart", name: "Mine" }],
    });
    expect(await client.next("reject")).toMatchObject({
      batch: rename,
      error: { code: "forbidden" },
    });
    await client.close();
  });

  it("announces HTTP writes (operations, PUT, import) as applied batches with no peer", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    await request(t.app)
      .post(`/api/charts/${chartId}/operations`)
      .send({ operations: [retitle("ceo", "Chief Executive")] })
      .expect(200);
    expect(await a.next("applied")).toMatchObject({
      version: 2,
      by: { peer: null, name: "Olive Owner" },
      operations: [retitle("ceo", "Chief Executive")],
    });
    const replaced = { ...specExample(), name: "Live chart" };
    replaced.roles = replaced.roles.filter((r) => r.id !== "cto");
    replaced.reportingLines = replaced.reportingLines.filter(
      (l) => l.report !== "cto" && l.manager !== "cto",
    );
    replaced.assignments = replaced.assignments.filter((x) => x.role !== "cto");
    await request(t.app)
      .put(`/api/charts/${chartId}`)
      .send({ document: replaced, version: 2 })
      .expect(200);
    const put = await a.next("applied");
    expect(put).toMatchObject({ version: 3, by: { peer: null } });
    // The PUT undid the retitle and removed the CTO: the operations it amounts to.
    expect(put.operations).toEqual([{ op: "removeRole", id: "cto" }, retitle("ceo", "CEO")]);
    const edited = structuredClone(replaced);
    edited.assignments = [{ role: "ceo", responsibility: "infra", code: "A" }];
    await request(t.app)
      .post(`/api/charts/import?format=matrix-csv&into=${chartId}`)
      .set("Content-Type", "text/csv")
      .send(exportMatrixCsv(edited))
      .expect(200);
    const imported = await a.next("applied");
    expect(imported).toMatchObject({ version: 4, by: { peer: null, name: "Olive Owner" } });
    expect(imported.operations).toContainEqual({
      op: "addAssignment",
      assignment: { role: "ceo", responsibility: "infra", code: "A" },
    });
    await a.close();
  });
});

describe("catch-up", () => {
  it("replays what a reconnecting client missed from the log, in order", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    const { client: b, welcome } = await LiveClient.join(live.url(chartId), owner);
    await b.close();
    const batches = [randomUUID(), randomUUID()];
    a.send({ type: "ops", batch: batches[0], base: 1, operations: [retitle("ceo", "One")] });
    a.send({ type: "ops", batch: batches[1], base: 2, operations: [retitle("ceo", "Two")] });
    await a.next("ack");
    await a.next("ack");
    const back = await LiveClient.join(live.url(chartId), owner, welcome.version);
    expect(back.welcome.chart).toBeUndefined();
    expect(back.welcome.version).toBe(3);
    expect(back.welcome.ops?.map((m) => [m.version, m.batch])).toEqual([
      [2, batches[0]],
      [3, batches[1]],
    ]);
    // Up to date already: nothing to replay.
    const current = await LiveClient.join(live.url(chartId), owner, 3);
    expect(current.welcome.ops).toEqual([]);
    await Promise.all([a.close(), back.client.close(), current.client.close()]);
  });

  it("sends the whole chart to a client further behind than the log reaches (or ahead of it)", async () => {
    const chartId = await newChart();
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    for (let i = 0; i < 7; i++) {
      a.send({
        type: "ops",
        batch: randomUUID(),
        base: 1 + i,
        operations: [retitle("cio", `v${i}`)],
      });
      await a.next("ack");
    }
    // This app replays at most 5 versions (catchUpLimit); 6 behind gets the chart.
    const behind = await LiveClient.join(live.url(chartId), owner, 2);
    expect(behind.welcome.ops).toBeUndefined();
    expect(behind.welcome).toMatchObject({ version: 8, chart: { name: "Live chart" } });
    const near = await LiveClient.join(live.url(chartId), owner, 3);
    expect(near.welcome.ops).toHaveLength(5);
    // Version 1 is the create, which the log cannot replay.
    const fromCreate = await LiveClient.join(live.url(chartId), owner, 1);
    expect(fromCreate.welcome.chart).toBeDefined();
    const ahead = await LiveClient.join(live.url(chartId), owner, 99);
    expect(ahead.welcome.chart).toBeDefined();
    await Promise.all(
      [a, behind.client, near.client, fromCreate.client, ahead.client].map((c) => c.close()),
    );
  });
});

describe("presence, summon and lock", () => {
  it("relays presence stamped with the sender's authenticated name, never its own claims", async () => {
    const chartId = await newChart();
    const editor = await member(chartId, "edit", "Eve Editor");
    const { client: a } = await LiveClient.join(live.url(chartId), owner);
    const { client: b, welcome } = await LiveClient.join(live.url(chartId), {
      token: editor.token,
    });
    await a.next("presence"); // b joined
    b.send({
      type: "presence",
      cursor: { x: 10, y: 20 },
      selection: ["cio", { role: "cio", responsibility: "infra" }],
    });
    expect(await a.next("presence")).toEqual({
      type: "presence",
      peer: welcome.you.peer,
      name: "Eve Editor",
      cursor: { x: 10, y: 20 },
      selection: ["cio", { role: "cio", responsibility: "infra" }],
    });
    // Speaking for someone else is not a presence message.
    b.send({ type: "presence", name: "Olive Owner", peer: "x", cursor: { x: 0, y: 0 } });
    expect(await b.next("error")).toMatchObject({ code: "invalid_message" });
    expect(await a.quiet()).toEqual([]);
    // The sender does not hear its own presence back.
    expect((await b.quiet()).filter((m) => m.type === "presence")).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it("summons everyone to an editor's viewport; a viewer may not summon", async () => {
    const chartId = await newChart();
    const viewer = await member(chartId, "view", "Val Viewer");
    const { client: a, welcome } = await LiveClient.join(live.url(chartId), owner);
    const { client: v } = await LiveClient.join(live.url(chartId), { token: viewer.token });
    a.send({ type: "presence", viewport: { x: 5, y: 6, zoom: 1.5 } });
    a.send({ type: "summon" });
    expect(await v.next("summon")).toEqual({
      type: "summon",
      by: { peer: welcome.you.peer, name: "Olive Owner" },
      viewport: { x: 5, y: 6, zoom: 1.5 },
    });
    v.send({ type: "summon" });
    expect(await v.next("error")).toMatchObject({ code: "forbidden" });
    expect((await a.quiet()).filter((m) => m.type === "summon")).toEqual([]);
    await Promise.all([a.close(), v.close()]);
  });

  it("locks: only the owner may lock, and then only the owner's batches are accepted", async () => {
    const chartId = await newChart();
    const editor = await member(chartId, "edit", "Ed Locked-Out");
    const { client: o, welcome } = await LiveClient.join(live.url(chartId), owner);
    const { client: e } = await LiveClient.join(live.url(chartId), { token: editor.token });
    e.send({ type: "lock", locked: true });
    expect(await e.next("error")).toMatchObject({ code: "forbidden" });
    o.send({ type: "lock", locked: true });
    const locked = {
      type: "locked",
      locked: true,
      by: { peer: welcome.you.peer, name: "Olive Owner" },
    };
    expect(await o.next("locked")).toEqual(locked);
    expect(await e.next("locked")).toEqual(locked);
    const refused = randomUUID();
    e.send({ type: "ops", batch: refused, base: 1, operations: [retitle("ceo", "Editor")] });
    expect(await e.next("reject")).toMatchObject({ batch: refused, error: { code: "locked" } });
    // HTTP writes by an editor meet the same lock.
    const http = await request(t.app)
      .post(`/api/charts/${chartId}/operations`)
      .set("Authorization", `Bearer ${editor.token}`)
      .send({ operations: [retitle("ceo", "Editor")] });
    expect(http.status).toBe(423);
    expect(http.body.error.code).toBe("locked");
    const accepted = randomUUID();
    o.send({ type: "ops", batch: accepted, base: 1, operations: [retitle("ceo", "Owner")] });
    expect(await o.next("ack")).toMatchObject({ batch: accepted });
    // A newcomer is told; unlocking opens it again.
    const { welcome: late, client: l } = await LiveClient.join(live.url(chartId), owner);
    expect(late.locked).toBe(true);
    o.send({ type: "lock", locked: false });
    expect(await e.next("locked")).toMatchObject({ locked: false });
    const after = randomUUID();
    e.send({ type: "ops", batch: after, base: 2, operations: [retitle("ceo", "Editor again")] });
    expect(await e.next("ack")).toMatchObject({ batch: after });
    await Promise.all([o.close(), e.close(), l.close()]);
  });
});

describe("revocation and deletion", () => {
  it("closes a removed member's connections within a second, and a revoked link's guests", async () => {
    const chartId = await newChart();
    const editor = await member(chartId, "edit", "Rae Removed");
    const { client: e } = await LiveClient.join(live.url(chartId), { token: editor.token });
    const link = await shareLink(t, ownerBearer(), chartId, "edit", "Gus Guest");
    const guestCookie = (link.guest as { cookie: string }).cookie;
    const { client: g, welcome } = await LiveClient.join(live.url(chartId), {
      cookie: guestCookie,
    });
    expect(welcome.you).toMatchObject({ name: "Gus Guest", access: "edit" });

    const started = Date.now();
    await call(
      t.anonymous,
      ownerBearer(),
      "delete",
      `/api/charts/${chartId}/members/${editor.account.id}`,
    ).expect(204);
    expect(await e.closed).toMatchObject({ code: LIVE_CLOSE.revoked });
    expect(Date.now() - started).toBeLessThan(1000);

    await call(
      t.anonymous,
      ownerBearer(),
      "delete",
      `/api/charts/${chartId}/links/${link.linkId}`,
    ).expect(204);
    expect((await g.closed).code).toBe(LIVE_CLOSE.unauthenticated);
  });

  it("closes a session's connections at once when it signs out (4401), and only that session's", async () => {
    const chartId = await newChart();
    const person = await member(chartId, "edit", "Sid Signout");
    const cookie = (person.session as { cookie: string }).cookie;
    const { client: browser } = await LiveClient.join(live.url(chartId), { cookie });
    const { client: script } = await LiveClient.join(live.url(chartId), { token: person.token });
    const started = Date.now();
    await call(t.anonymous, { kind: "cookie", cookie }, "post", "/api/auth/logout").expect(204);
    expect(await browser.closed).toMatchObject({ code: LIVE_CLOSE.unauthenticated });
    expect(Date.now() - started).toBeLessThan(1000);
    // The same person's API token is another credential: its connection stays.
    script.send({ type: "ping" });
    expect(await script.next("pong")).toMatchObject({ type: "pong" });
    await script.close();
  });

  it("applies a changed member level to open connections", async () => {
    const chartId = await newChart();
    const person = await member(chartId, "edit", "Dee Demoted");
    const { client } = await LiveClient.join(live.url(chartId), { token: person.token });
    await call(t.anonymous, ownerBearer(), "put", `/api/charts/${chartId}/members`)
      .send({ email: person.account.email, access: "view" })
      .expect(200);
    // The re-check runs at once; give it a moment to answer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const batch = randomUUID();
    client.send({ type: "ops", batch, base: 1, operations: [retitle("ceo", "Too late")] });
    expect(await client.next("reject")).toMatchObject({ batch, error: { code: "forbidden" } });
    await client.close();
  });

  it("closes every connection of a deleted chart", async () => {
    const chartId = await newChart();
    const { client } = await LiveClient.join(live.url(chartId), owner);
    await request(t.app).delete(`/api/charts/${chartId}`).expect(204);
    expect((await client.closed).code).toBe(LIVE_CLOSE.deleted);
  });
});

describe("garbage", () => {
  it("answers a frame that is not JSON, a binary one, an unknown type and a huge one, and stays open", async () => {
    const chartId = await newChart();
    const { client } = await LiveClient.join(live.url(chartId), owner);
    client.send("this is not json");
    expect(await client.next("error")).toMatchObject({ code: "invalid_message" });
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await client.next("error")).toMatchObject({ code: "invalid_message" });
    client.send({ type: "dance" });
    expect((await client.next("error")).message).toContain("unknown message type");
    client.send({ type: "ping", extra: 1 });
    expect(await client.next("error")).toMatchObject({ code: "invalid_message" });
    client.send(`{"type":"ping","pad":"${"x".repeat(LIVE_MAX_MESSAGE_BYTES)}"}`);
    expect((await client.next("error")).message).toContain("at most");
    client.send({ type: "ping" });
    expect(await client.next("pong")).toEqual({ type: "pong" });
    await client.close();
  });

  it("closes a connection that keeps sending garbage", async () => {
    const chartId = await newChart();
    const { client } = await LiveClient.join(live.url(chartId), owner);
    for (let i = 0; i < 25; i++) client.send("garbage");
    expect((await client.closed).code).toBe(LIVE_CLOSE.policy);
  });
});

// Keep the linter honest about the Host the helpers send.
expect(HOST).toBe("rolemap.test");
