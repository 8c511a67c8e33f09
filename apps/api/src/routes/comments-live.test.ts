import type { CommentMessage } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";
import {
  type Credentials,
  call,
  createToken,
  inviteAccount,
  shareLink,
} from "../../test/principals";

/** Every change of a comment reaches the chart's live connections as a `comment` message. */

let t: TestApp;
let live: Awaited<ReturnType<typeof startLiveServer>>;
let owner: Credentials;
beforeAll(async () => {
  t = await startTestApp();
  live = await startLiveServer(t);
  owner = { kind: "bearer", token: t.owner.token };
});
afterAll(async () => {
  await live?.close();
  await t?.close();
});

const path = (chartId: string, cid?: string) =>
  `/api/charts/${chartId}/comments${cid === undefined ? "" : `/${cid}`}`;

async function newChart(): Promise<string> {
  return (
    await call(t.anonymous, owner, "post", "/api/charts")
      .send({ document: specExample() })
      .expect(201)
  ).body.id;
}

/** What a live connection sends for the credentials of an HTTP request. */
const liveAs = (who: Credentials) => {
  if (who.kind === "bearer") return { token: who.token };
  if (who.kind === "cookie") return { cookie: who.cookie };
  throw new Error("no credentials");
};

describe("comment messages on the live connection", () => {
  it("announce an add, edit, resolve, reopen and delete to every connection, each with its own `mine`", async () => {
    const chartId = await newChart();
    const person = await inviteAccount(t, "Cora");
    await call(t.anonymous, owner, "put", `/api/charts/${chartId}/members`)
      .send({ email: person.account.email, access: "comment" })
      .expect(200);
    const cora = (await createToken(t, person.session)).bearer;
    const onOwner = (await LiveClient.join(live.url(chartId), liveAs(owner))).client;
    const onCora = (await LiveClient.join(live.url(chartId), liveAs(cora))).client;
    const link = await shareLink(t, owner, chartId, "view", "Gil");
    const onGuest = (await LiveClient.join(live.url(chartId), liveAs(link.guest))).client;
    const clients = [onOwner, onCora, onGuest];
    const next = (client: LiveClient) => client.next("comment");

    const body = "<b>not bold</b> & kept";
    const created = (
      await call(t.anonymous, cora, "post", path(chartId))
        .send({ target: { role: "cio", responsibility: "infra" }, body })
        .expect(201)
    ).body;
    const added = await Promise.all(clients.map(next));
    const { replies: _, mine: __, ...fields } = created;
    expect(added).toEqual([
      { type: "comment", deleted: false, ...fields, mine: false },
      { type: "comment", deleted: false, ...fields, mine: true },
      { type: "comment", deleted: false, ...fields, mine: false },
    ]);

    await call(t.anonymous, cora, "patch", path(chartId, created.id))
      .send({ body: "edited" })
      .expect(200);
    const edited = await Promise.all(clients.map(next));
    expect(edited.map((m) => [m.body, m.editedAt !== null, m.mine])).toEqual([
      ["edited", true, false],
      ["edited", true, true],
      ["edited", true, false],
    ]);

    const reply = (
      await call(t.anonymous, owner, "post", path(chartId))
        .send({ target: { role: "cio", responsibility: "infra" }, body: "ok", replyTo: created.id })
        .expect(201)
    ).body;
    expect((await Promise.all(clients.map(next))).map((m) => [m.replyTo, m.mine])).toEqual([
      [created.id, true],
      [created.id, false],
      [created.id, false],
    ]);

    // Resolving through a reply announces the thread's first comment, now resolved.
    await call(t.anonymous, owner, "patch", path(chartId, reply.id))
      .send({ resolved: true })
      .expect(200);
    const resolved = await Promise.all(clients.map(next));
    expect(resolved.map((m) => [m.id, m.resolvedBy])).toEqual(
      clients.map(() => [created.id, { name: "Olive Owner" }]),
    );
    await call(t.anonymous, cora, "patch", path(chartId, created.id))
      .send({ resolved: false })
      .expect(200);
    expect((await Promise.all(clients.map(next))).map((m) => [m.resolvedAt, m.resolvedBy])).toEqual(
      clients.map(() => [null, null]),
    );

    // Deleting: the comment as it was, without its body, marked deleted.
    await call(t.anonymous, owner, "delete", path(chartId, created.id)).expect(204);
    const deleted = await Promise.all(clients.map(next));
    expect(deleted[1]).toEqual<CommentMessage>({
      type: "comment",
      deleted: true,
      id: created.id,
      target: { role: "cio", responsibility: "infra" },
      replyTo: null,
      author: { name: "Cora" },
      body: "",
      createdAt: created.createdAt,
      editedAt: expect.any(String),
      resolvedAt: null,
      resolvedBy: null,
      targetRemoved: false,
      mine: true,
    });
    expect(deleted.map((m) => m.mine)).toEqual([false, true, false]);
    // Nothing more: one message per change.
    for (const client of clients) {
      expect(client.received.filter((m) => m.type === "comment")).toHaveLength(6);
      client.close();
    }
  });

  it("reaches only the chart's own connections, and says nothing for a refused change", async () => {
    const chartId = await newChart();
    const otherId = await newChart();
    const onOther = (await LiveClient.join(live.url(otherId), liveAs(owner))).client;
    const onChart = (await LiveClient.join(live.url(chartId), liveAs(owner))).client;
    await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { role: "nobody" }, body: "refused" })
      .expect(400);
    await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { chart: true }, body: "here" })
      .expect(201);
    await call(t.anonymous, owner, "post", path(otherId))
      .send({ target: { chart: true }, body: "there" })
      .expect(201);
    expect((await onChart.next("comment")).body).toBe("here");
    expect((await onOther.next("comment")).body).toBe("there");
    expect(onChart.received.filter((m) => m.type === "comment")).toHaveLength(1);
    onChart.close();
    onOther.close();
  });
});
