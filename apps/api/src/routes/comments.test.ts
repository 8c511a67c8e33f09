import { COMMENT_BODY_MAX, type Comment, type CommentTarget } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import {
  type Credentials,
  call,
  createToken,
  inviteAccount,
  shareLink,
} from "../../test/principals";

/** The comment routes of history.md, on the embedded database or PostgreSQL (harness.ts). */

let t: TestApp;
let owner: Credentials;
beforeAll(async () => {
  t = await startTestApp();
  owner = { kind: "bearer", token: t.owner.token };
});
afterAll(async () => {
  await t?.close();
});

async function newChart(): Promise<string> {
  return (
    await call(t.anonymous, owner, "post", "/api/charts")
      .send({ document: specExample() })
      .expect(201)
  ).body.id;
}

/** A member of the chart at `access`, signed in with an API token. */
async function member(chartId: string, access: "view" | "comment" | "edit", name: string) {
  const person = await inviteAccount(t, name);
  await call(t.anonymous, owner, "put", `/api/charts/${chartId}/members`)
    .send({ email: person.account.email, access })
    .expect(200);
  return (await createToken(t, person.session)).bearer;
}

const path = (chartId: string, cid?: string) =>
  `/api/charts/${chartId}/comments${cid === undefined ? "" : `/${cid}`}`;

async function post(
  chartId: string,
  who: Credentials,
  body: { target: CommentTarget; body: string; replyTo?: string },
): Promise<Comment> {
  return (await call(t.anonymous, who, "post", path(chartId)).send(body).expect(201)).body;
}

async function list(chartId: string, who: Credentials, query = ""): Promise<Comment[]> {
  return (await call(t.anonymous, who, "get", `${path(chartId)}${query}`).expect(200)).body
    .comments;
}

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe("POST /api/charts/:id/comments", () => {
  it.each<[string, CommentTarget]>([
    ["the chart", { chart: true }],
    ["a role", { role: "cio" }],
    ["a responsibility", { responsibility: "infra" }],
    ["a matrix cell", { role: "cio", responsibility: "infra" }],
  ])("answers 201 with a comment on %s", async (_, target) => {
    const chartId = await newChart();
    const res = await call(t.anonymous, owner, "post", path(chartId))
      .send({ target, body: "Who signs this off?" })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      target,
      replyTo: null,
      author: { name: "Olive Owner" },
      body: "Who signs this off?",
      createdAt: ISO,
      editedAt: null,
      resolvedAt: null,
      resolvedBy: null,
      targetRemoved: false,
      mine: true,
      replies: [],
    });
    expect(await list(chartId, owner)).toEqual([res.body]);
  });

  it("keeps the body exactly as typed, HTML and spaces included, and answers it as JSON data", async () => {
    const chartId = await newChart();
    const body = '  <img src=x onerror="alert(1)"><script>alert(2)</script> &amp;\n\tline two  ';
    const res = await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { role: "ceo" }, body })
      .expect(201)
      .expect("content-type", /^application\/json/);
    expect(res.body.body).toBe(body);
    expect(res.text).toContain(JSON.stringify(body));
    expect((await list(chartId, owner))[0]?.body).toBe(body);
  });

  it("takes 5,000 characters (astral ones count once) and refuses 5,001 or a blank body", async () => {
    const chartId = await newChart();
    const longest = `${"😀".repeat(10)}${"x".repeat(COMMENT_BODY_MAX - 10)}`;
    expect((await post(chartId, owner, { target: { chart: true }, body: longest })).body).toBe(
      longest,
    );
    for (const body of ["x".repeat(COMMENT_BODY_MAX + 1), "  \n\t ", ""]) {
      const res = await call(t.anonymous, owner, "post", path(chartId))
        .send({ target: { chart: true }, body })
        .expect(400);
      expect(res.body.error.code).toBe("invalid_input");
      expect(res.body.error.issues).toEqual([{ path: "body", message: expect.any(String) }]);
    }
    expect(await list(chartId, owner)).toHaveLength(1);
  });

  it("refuses a target the chart does not have, naming the path, and stores nothing", async () => {
    const chartId = await newChart();
    const res = await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { role: "cfo", responsibility: "payroll" }, body: "?" })
      .expect(400);
    expect(res.body.error).toMatchObject({
      code: "invalid_input",
      issues: [
        { path: "target.role", message: 'the chart has no role "cfo"' },
        { path: "target.responsibility", message: 'the chart has no responsibility "payroll"' },
      ],
    });
    const shape = await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { role: "ceo", chart: true }, body: "?" })
      .expect(400);
    expect(shape.body.error.issues[0].path).toBe("target");
    const unstorable = await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { chart: true }, body: "a\u0000b" })
      .expect(400);
    expect(unstorable.body.error.issues).toEqual([
      { path: "body", message: "must not contain the character U+0000" },
    ]);
    expect(await list(chartId, owner)).toEqual([]);
  });

  it("joins a reply to its thread (a reply to a reply too), whose target it must repeat", async () => {
    const chartId = await newChart();
    const target = { role: "cio", responsibility: "infra" };
    const root = await post(chartId, owner, { target, body: "Should the CIO be A here?" });
    const first = await post(chartId, owner, { target, body: "Yes", replyTo: root.id });
    const second = await post(chartId, owner, { target, body: "Agreed", replyTo: first.id });
    expect([first.replyTo, second.replyTo]).toEqual([root.id, root.id]);
    const other = await post(chartId, owner, { target: { chart: true }, body: "Later thread" });

    const wrong = await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { role: "cio" }, body: "No", replyTo: root.id })
      .expect(400);
    expect(wrong.body.error.issues).toEqual([
      { path: "target", message: expect.stringContaining('"responsibility":"infra"') },
    ]);
    await call(t.anonymous, owner, "post", path(chartId))
      .send({ target, body: "?", replyTo: crypto.randomUUID() })
      .expect(404);
    // A comment of another chart is not found here.
    const elsewhere = await newChart();
    await call(t.anonymous, owner, "post", path(elsewhere))
      .send({ target, body: "?", replyTo: root.id })
      .expect(404);

    const threads = await list(chartId, owner);
    expect(threads.map((thread) => thread.id)).toEqual([root.id, other.id]);
    expect(threads[0]?.replies.map((reply) => reply.body)).toEqual(["Yes", "Agreed"]);
    // Replies do not nest.
    expect(threads[0]?.replies.every((reply) => !("replies" in reply))).toBe(true);
  });

  it("is for comment access and above: view-level members and guests get 403", async () => {
    const chartId = await newChart();
    const viewer = await member(chartId, "view", "Vera Viewer");
    const commenter = await member(chartId, "comment", "Cory Commenter");
    const { guest: viewGuest } = await shareLink(t, owner, chartId, "view");
    const { guest: commentGuest } = await shareLink(t, owner, chartId, "comment", "Gus Guest");
    const body = { target: { chart: true as const }, body: "Hello" };
    for (const who of [viewer, viewGuest]) {
      const res = await call(t.anonymous, who, "post", path(chartId)).send(body).expect(403);
      expect(res.body.error.code).toBe("forbidden");
      await call(t.anonymous, who, "get", path(chartId)).expect(200);
    }
    expect((await post(chartId, commenter, body)).author).toEqual({ name: "Cory Commenter" });
    expect((await post(chartId, commentGuest, body)).author).toEqual({ name: "Gus Guest" });
    // Nobody signed in: 401; a stranger and another chart's guest: 404.
    await call(t.anonymous, { kind: "none" }, "post", path(chartId)).send(body).expect(401);
    const stranger = (await createToken(t, (await inviteAccount(t, "Stan")).session)).bearer;
    await call(t.anonymous, stranger, "get", path(chartId)).expect(404);
    const { guest: otherGuest } = await shareLink(t, owner, await newChart(), "comment");
    await call(t.anonymous, otherGuest, "post", path(chartId)).send(body).expect(404);
    await call(t.anonymous, owner, "get", path("not-a-uuid")).expect(400);
  });
});

describe("GET /api/charts/:id/comments", () => {
  it("filters by exact target: a role, a row, a cell, the chart, or none", async () => {
    const chartId = await newChart();
    const on = async (target: CommentTarget) =>
      (await post(chartId, owner, { target, body: JSON.stringify(target) })).id;
    const chart = await on({ chart: true });
    const role = await on({ role: "cio" });
    const row = await on({ responsibility: "infra" });
    const cell = await on({ role: "cio", responsibility: "infra" });
    const otherCell = await on({ role: "cto", responsibility: "infra" });
    const ids = async (query: string) => (await list(chartId, owner, query)).map((c) => c.id);
    expect(await ids("")).toEqual([chart, role, row, cell, otherCell]);
    expect(await ids("?role=cio")).toEqual([role]);
    expect(await ids("?responsibility=infra")).toEqual([row]);
    expect(await ids("?role=cio&responsibility=infra")).toEqual([cell]);
    expect(await ids("?chart=true")).toEqual([chart]);
    expect(await ids("?chart=false")).toEqual([chart, role, row, cell, otherCell]);
    expect(await ids("?role=nobody")).toEqual([]);

    const both = await call(t.anonymous, owner, "get", `${path(chartId)}?chart=true&role=cio`);
    expect(both.status).toBe(400);
    expect(both.body.error.issues[0].path).toBe("chart");
    for (const bad of ["?resolved=yes", "?chart=1", "?author=me"])
      await call(t.anonymous, owner, "get", `${path(chartId)}${bad}`).expect(400);
  });

  it("tells each asker which comments are theirs", async () => {
    const chartId = await newChart();
    const commenter = await member(chartId, "comment", "Cleo");
    await post(chartId, owner, { target: { chart: true }, body: "mine (owner)" });
    await post(chartId, commenter, { target: { chart: true }, body: "mine (Cleo)" });
    const mine = async (who: Credentials) =>
      (await list(chartId, who)).map((c) => [c.body, c.mine]);
    expect(await mine(owner)).toEqual([
      ["mine (owner)", true],
      ["mine (Cleo)", false],
    ]);
    expect(await mine(commenter)).toEqual([
      ["mine (owner)", false],
      ["mine (Cleo)", true],
    ]);
  });

  it("keeps comments on a removed role or row readable, marked as removed", async () => {
    const chartId = await newChart();
    const onRole = await post(chartId, owner, { target: { role: "cto" }, body: "vacant?" });
    const onCell = await post(chartId, owner, {
      target: { role: "cio", responsibility: "product" },
      body: "why not?",
    });
    const onKept = await post(chartId, owner, { target: { role: "ceo" }, body: "fine" });
    await call(t.anonymous, owner, "post", `/api/charts/${chartId}/operations`)
      .send({
        operations: [
          { op: "removeRole", id: "cto" },
          { op: "removeResponsibility", id: "product" },
        ],
      })
      .expect(200);
    const removed = Object.fromEntries(
      (await list(chartId, owner)).map((c) => [c.id, c.targetRemoved]),
    );
    expect(removed).toEqual({ [onRole.id]: true, [onCell.id]: true, [onKept.id]: false });
    // The thread goes on; a new thread on the removed role is refused.
    const reply = await post(chartId, owner, {
      target: { role: "cto" },
      body: "it was merged into the CIO",
      replyTo: onRole.id,
    });
    expect(reply.targetRemoved).toBe(true);
    await call(t.anonymous, owner, "post", path(chartId))
      .send({ target: { role: "cto" }, body: "?" })
      .expect(400);
  });
});

describe("PATCH /api/charts/:id/comments/:cid", () => {
  it("lets the author edit the body, sets editedAt, and nobody else (not even the owner)", async () => {
    const chartId = await newChart();
    const commenter = await member(chartId, "comment", "Cass");
    const comment = await post(chartId, commenter, { target: { chart: true }, body: "typo" });
    const edited = await call(t.anonymous, commenter, "patch", path(chartId, comment.id))
      .send({ body: "fixed " })
      .expect(200);
    expect(edited.body).toMatchObject({ body: "fixed ", editedAt: ISO, mine: true });
    const res = await call(t.anonymous, owner, "patch", path(chartId, comment.id))
      .send({ body: "owner's words" })
      .expect(403);
    expect(res.body.error.message).toBe("only its author can edit a comment");
    expect((await list(chartId, owner))[0]?.body).toBe("fixed ");
    const tooLong = await call(t.anonymous, commenter, "patch", path(chartId, comment.id))
      .send({ body: "x".repeat(COMMENT_BODY_MAX + 1) })
      .expect(400);
    expect(tooLong.body.error.issues[0].path).toBe("body");
    await call(t.anonymous, commenter, "patch", path(chartId, comment.id)).send({}).expect(400);
  });

  it("lets a guest edit what its own session wrote, and not another guest of the same link", async () => {
    const chartId = await newChart();
    const link = await shareLink(t, owner, chartId, "comment", "Gwen");
    const comment = await post(chartId, link.guest, { target: { chart: true }, body: "hi" });
    expect(comment.mine).toBe(true);
    await call(t.anonymous, link.guest, "patch", path(chartId, comment.id))
      .send({ body: "hello" })
      .expect(200);
    const entered = await call(t.anonymous, { kind: "none" }, "post", "/api/auth/guest")
      .send({ token: link.token, name: "Gwen" })
      .expect(200);
    const sameNameOtherSession: Credentials = {
      kind: "cookie",
      cookie: (entered.headers["set-cookie"] as unknown as string[])[0]?.split(";")[0] ?? "",
    };
    expect((await list(chartId, sameNameOtherSession))[0]?.mine).toBe(false);
    await call(t.anonymous, sameNameOtherSession, "patch", path(chartId, comment.id))
      .send({ body: "hijacked" })
      .expect(403);
    // A guest with view access may not even resolve.
    const { guest: viewer } = await shareLink(t, owner, chartId, "view");
    await call(t.anonymous, viewer, "patch", path(chartId, comment.id))
      .send({ resolved: true })
      .expect(403);
  });

  it("resolves and reopens a thread at comment level; a reply resolves its thread", async () => {
    const chartId = await newChart();
    const commenter = await member(chartId, "comment", "Rex Resolver");
    const target = { role: "ceo" };
    const root = await post(chartId, owner, { target, body: "Open question" });
    const reply = await post(chartId, owner, { target, body: "An answer", replyTo: root.id });
    const open = await post(chartId, owner, { target: { chart: true }, body: "Still open" });

    const resolved = await call(t.anonymous, commenter, "patch", path(chartId, reply.id))
      .send({ resolved: true })
      .expect(200);
    // The answer is the reply, which shares its thread's resolution.
    expect(resolved.body).toMatchObject({
      id: reply.id,
      resolvedAt: ISO,
      resolvedBy: { name: "Rex Resolver" },
      editedAt: null,
      mine: false,
    });
    const [thread] = await list(chartId, owner, "?role=ceo");
    expect(thread).toMatchObject({ id: root.id, resolvedBy: { name: "Rex Resolver" } });
    expect(thread?.resolvedAt).toBe(resolved.body.resolvedAt);
    expect(thread?.editedAt).toBeNull();

    const ids = async (query: string) => (await list(chartId, owner, query)).map((c) => c.id);
    expect(await ids("?resolved=false")).toEqual([open.id]);
    expect(await ids("?resolved=true")).toEqual([root.id]);
    expect(await ids("")).toEqual([root.id, open.id]);

    const reopened = await call(t.anonymous, commenter, "patch", path(chartId, root.id))
      .send({ resolved: false })
      .expect(200);
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect(reopened.body.replies.map((r: Comment) => r.resolvedAt)).toEqual([null]);
    expect(await ids("?resolved=false")).toEqual([root.id, open.id]);
  });

  it("edits a reply and resolves its thread in one request, the author by any of its credentials", async () => {
    const chartId = await newChart();
    const person = await inviteAccount(t, "Tess");
    await call(t.anonymous, owner, "put", `/api/charts/${chartId}/members`)
      .send({ email: person.account.email, access: "comment" })
      .expect(200);
    const token = (await createToken(t, person.session)).bearer;
    const root = await post(chartId, owner, { target: { chart: true }, body: "Done?" });
    const reply = await post(chartId, token, {
      target: { chart: true },
      body: "Yes",
      replyTo: root.id,
    });
    // Written with a token, edited from a browser session of the same account.
    const res = await call(t.anonymous, person.session, "patch", path(chartId, reply.id))
      .send({ body: "Yes, done", resolved: true })
      .expect(200);
    expect(res.body).toMatchObject({
      id: reply.id,
      body: "Yes, done",
      editedAt: ISO,
      resolvedBy: { name: "Tess" },
      mine: true,
      replies: [],
    });
    const [thread] = await list(chartId, owner);
    expect(thread).toMatchObject({ id: root.id, editedAt: null, resolvedBy: { name: "Tess" } });
    expect(thread?.replies[0]).toMatchObject({ body: "Yes, done", mine: false });
  });

  it("answers 404 for a comment that is not the chart's", async () => {
    const chartId = await newChart();
    const comment = await post(chartId, owner, { target: { chart: true }, body: "here" });
    const other = await newChart();
    await call(t.anonymous, owner, "patch", path(other, comment.id))
      .send({ resolved: true })
      .expect(404);
    await call(t.anonymous, owner, "patch", path(chartId, crypto.randomUUID()))
      .send({ resolved: true })
      .expect(404);
    const bad = await call(t.anonymous, owner, "patch", path(chartId, "nope"))
      .send({ resolved: true })
      .expect(400);
    expect(bad.body.error.issues[0].path).toBe("cid");
  });
});

describe("DELETE /api/charts/:id/comments/:cid", () => {
  it("lets the author or the chart's owner delete, nobody else; a first comment takes its thread", async () => {
    const chartId = await newChart();
    const writer = await member(chartId, "comment", "Wes");
    const bystander = await member(chartId, "edit", "Bea");
    const { guest: viewGuest } = await shareLink(t, owner, chartId, "view");
    const root = await post(chartId, writer, { target: { role: "cio" }, body: "Thread" });
    const reply = await post(chartId, owner, {
      target: { role: "cio" },
      body: "Reply",
      replyTo: root.id,
    });
    const own = await post(chartId, writer, { target: { chart: true }, body: "Mine" });
    const writersReply = await post(chartId, writer, {
      target: { role: "cio" },
      body: "Another reply",
      replyTo: root.id,
    });

    for (const who of [bystander, viewGuest])
      await call(t.anonymous, who, "delete", path(chartId, own.id)).expect(403);
    await call(t.anonymous, writer, "delete", path(chartId, own.id)).expect(204);
    await call(t.anonymous, writer, "delete", path(chartId, own.id)).expect(404);
    await call(t.anonymous, writer, "delete", path(chartId, writersReply.id)).expect(204);
    expect((await list(chartId, owner))[0]?.replies.map((r) => r.id)).toEqual([reply.id]);

    // The owner deletes someone else's first comment: the thread goes with it.
    await call(t.anonymous, owner, "delete", path(chartId, root.id)).expect(204);
    expect(await list(chartId, owner)).toEqual([]);
    await call(t.anonymous, owner, "patch", path(chartId, reply.id))
      .send({ resolved: true })
      .expect(404);
  });

  it("goes with its chart", async () => {
    const chartId = await newChart();
    await post(chartId, owner, { target: { chart: true }, body: "bye" });
    await call(t.anonymous, owner, "delete", `/api/charts/${chartId}`).expect(204);
    await call(t.anonymous, owner, "get", path(chartId)).expect(404);
    expect(await t.database.prisma.comment.count({ where: { chartId } })).toBe(0);
  });
});
