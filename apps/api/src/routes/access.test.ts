import type { AccessLevel } from "@rolemap/contract";
import { accessIncludes } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallChart } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import {
  type Credentials,
  call,
  createToken,
  inviteAccount,
  shareLink,
} from "../../test/principals";
import { listRoutes } from "../../test/route-list";

/**
 * Every route × every kind of principal (issue 14): the status each gets, per access.md.
 * The chart under test belongs to Carla (not the instance admin); the admin is a stranger
 * to it, since being admin does not by itself open others' charts.
 */
const PRINCIPALS = [
  "none",
  "view guest",
  "comment guest",
  "edit guest",
  "view member",
  "edit member",
  "owner",
  "owner's token",
  "admin, not a member",
  "revoked link",
  "expired link",
  "revoked token",
] as const;
type Who = (typeof PRINCIPALS)[number];

/** Each principal's level on the chart; "dead" credentials count as no principal at all. */
const LEVEL: Record<Who, AccessLevel | "stranger" | "anonymous"> = {
  none: "anonymous",
  "view guest": "view",
  "comment guest": "comment",
  "edit guest": "edit",
  "view member": "view",
  "edit member": "edit",
  owner: "owner",
  "owner's token": "owner",
  "admin, not a member": "stranger",
  "revoked link": "anonymous",
  "expired link": "anonymous",
  "revoked token": "anonymous",
};
const isGuest = (who: Who) => who.endsWith("guest");
const isAccount = (who: Who) => !isGuest(who) && LEVEL[who] !== "anonymous";

/** What access.md says a chart route answers: 401, 404 (cannot see), 403 (too low) or ok. */
const onChart =
  (needed: AccessLevel, ok: number) =>
  (who: Who): number => {
    const level = LEVEL[who];
    if (level === "anonymous") return 401;
    if (level === "stranger") return 404;
    return accessIncludes(level, needed) ? ok : 403;
  };
/** Routes for accounts only (tokens, creating charts): guests 403. */
const accountsOnly =
  (ok: number) =>
  (who: Who): number =>
    LEVEL[who] === "anonymous" ? 401 : isGuest(who) ? 403 : ok;
/** The instance admin's routes. */
const adminOnly =
  (ok: number) =>
  (who: Who): number =>
    LEVEL[who] === "anonymous" ? 401 : who === "admin, not a member" ? ok : 403;
const everyone = (status: number) => (): number => status;
/** Any live principal may ask; the answer is theirs (the list, who am I). */
const anyPrincipal =
  (ok: number) =>
  (who: Who): number =>
    LEVEL[who] === "anonymous" ? 401 : ok;

interface Context {
  app: TestApp["anonymous"];
  chartId: string;
  carla: Credentials;
  zedId: string;
  /** A chart of Carla's with the same members, for a request that consumes it. */
  disposableChart(): Promise<string>;
  disposableLink(): Promise<string>;
  disposableToken(): Promise<string>;
  disposableInvite(): Promise<string>;
  disposableAccount(): Promise<string>;
  currentVersion(): Promise<number>;
  /** The path of an open round on the chart. */
  roundPath: string;
  /** A scenario of the chart, made by Carla (seen through the chart: principal.ts). */
  scenarioId: string;
  /** The path of a round of Carla's on a chart of its own (revealed when asked). */
  disposableRound(revealed: boolean): Promise<string>;
  /** The path of a comment of Carla's on the chart. */
  commentPath: string;
  /** The path of another comment of Carla's on the chart, to delete. */
  disposableComment(): Promise<string>;
}

interface Target {
  path: string;
  body?: unknown;
  type?: string;
}

interface Row {
  route: string;
  expect: (who: Who) => number;
  /** Builds the request for one principal (targets may be made fresh for it). */
  send: (ctx: Context, who: Who) => Promise<Target> | Target;
}

const TABLE: Row[] = [
  { route: "GET /api/health", expect: everyone(200), send: () => ({ path: "/api/health" }) },
  {
    route: "GET /api/openapi.json",
    expect: everyone(200),
    send: () => ({ path: "/api/openapi.json" }),
  },
  { route: "GET /api/templates", expect: everyone(200), send: () => ({ path: "/api/templates" }) },
  {
    route: "POST /api/validate",
    expect: everyone(200),
    send: () => ({ path: "/api/validate", body: smallChart() }),
  },
  {
    route: "GET /api/auth/state",
    expect: everyone(200),
    send: () => ({ path: "/api/auth/state" }),
  },
  {
    route: "POST /api/auth/setup",
    expect: everyone(409),
    send: () => ({
      path: "/api/auth/setup",
      body: { email: "late@example.com", name: "Late", password: "a long password" },
    }),
  },
  {
    route: "POST /api/auth/signup",
    expect: everyone(403),
    send: () => ({
      path: "/api/auth/signup",
      body: { email: "x@example.com", name: "X", password: "a long password", invite: "forged" },
    }),
  },
  {
    route: "POST /api/auth/login",
    expect: everyone(401),
    send: () => ({
      path: "/api/auth/login",
      body: { email: "nobody@example.com", password: "wrong password" },
    }),
  },
  {
    route: "POST /api/auth/guest",
    expect: everyone(404),
    send: () => ({ path: "/api/auth/guest", body: { token: "no-such-link", name: "Nobody" } }),
  },
  { route: "GET /api/auth/me", expect: anyPrincipal(200), send: () => ({ path: "/api/auth/me" }) },
  { route: "GET /api/charts", expect: anyPrincipal(200), send: () => ({ path: "/api/charts" }) },
  {
    route: "POST /api/charts",
    expect: accountsOnly(201),
    send: () => ({ path: "/api/charts", body: { template: "classic-split" } }),
  },
  {
    route: "POST /api/charts/import",
    expect: accountsOnly(201),
    send: () => ({
      path: "/api/charts/import?format=json",
      body: JSON.stringify(smallChart("Imported")),
      type: "application/json",
    }),
  },
  {
    route: "GET /api/charts/:id",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}` }),
  },
  {
    route: "GET /api/charts/:id/findings",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/findings` }),
  },
  {
    route: "GET /api/charts/:id/export",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/export?format=json` }),
  },
  {
    route: "POST /api/charts/:id/operations",
    expect: onChart("edit", 200),
    send: (c) => ({
      path: `/api/charts/${c.chartId}/operations`,
      body: { operations: [{ op: "updateRole", id: "ceo", changes: { notes: "edited" } }] },
    }),
  },
  {
    route: "PUT /api/charts/:id",
    expect: onChart("edit", 200),
    send: async (c) => ({
      path: `/api/charts/${c.chartId}`,
      body: { document: smallChart("Carla's chart"), version: await c.currentVersion() },
    }),
  },
  {
    route: "DELETE /api/charts/:id",
    expect: onChart("owner", 204),
    send: async (c, who) => ({
      path: `/api/charts/${onChart("owner", 204)(who) === 204 ? await c.disposableChart() : c.chartId}`,
    }),
  },
  {
    route: "GET /api/charts/:id/versions",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/versions` }),
  },
  {
    route: "GET /api/charts/:id/versions/:v",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/versions/1` }),
  },
  {
    route: "POST /api/charts/:id/restore",
    expect: onChart("owner", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/restore`, body: { version: 1 } }),
  },
  {
    route: "POST /api/charts/:id/scenarios",
    expect: onChart("edit", 201),
    send: (c) => ({ path: `/api/charts/${c.chartId}/scenarios`, body: { name: "What if" } }),
  },
  {
    route: "GET /api/charts/:id/scenarios",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/scenarios` }),
  },
  {
    route: "GET /api/charts/:a/compare/:b",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/compare/${c.scenarioId}` }),
  },
  {
    route: "GET /api/charts/:a/compare/:b/export",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/compare/${c.scenarioId}/export?format=svg` }),
  },
  {
    // The original's owner; everyone else who sees the scenario is refused (403).
    route: "POST /api/charts/:id/promote",
    expect: onChart("owner", 200),
    send: (c) => ({ path: `/api/charts/${c.scenarioId}/promote`, body: {} }),
  },
  {
    route: "GET /api/charts/:id/members",
    expect: onChart("owner", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/members` }),
  },
  {
    route: "PUT /api/charts/:id/members",
    expect: onChart("owner", 200),
    send: (c) => ({
      path: `/api/charts/${c.chartId}/members`,
      body: { email: "zed@example.com", access: "view" },
    }),
  },
  {
    route: "PUT /api/charts/:id/members/:accountId",
    expect: onChart("owner", 200),
    send: (c) => ({
      path: `/api/charts/${c.chartId}/members/${c.zedId}`,
      body: { access: "comment" },
    }),
  },
  {
    route: "DELETE /api/charts/:id/members/:accountId",
    expect: onChart("owner", 204),
    send: async (c) => {
      // Zed is a member again before each attempt, so each owner's removal has one to remove.
      await call(c.app, c.carla, "put", `/api/charts/${c.chartId}/members/${c.zedId}`)
        .send({ access: "view" })
        .expect(200);
      return { path: `/api/charts/${c.chartId}/members/${c.zedId}` };
    },
  },
  {
    route: "POST /api/charts/:id/links",
    expect: onChart("owner", 201),
    send: (c) => ({ path: `/api/charts/${c.chartId}/links`, body: { access: "view" } }),
  },
  {
    route: "GET /api/charts/:id/links",
    expect: onChart("owner", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/links` }),
  },
  {
    route: "DELETE /api/charts/:id/links/:linkId",
    expect: onChart("owner", 204),
    send: async (c) => ({ path: `/api/charts/${c.chartId}/links/${await c.disposableLink()}` }),
  },
  {
    route: "POST /api/charts/:id/rounds",
    expect: onChart("owner", 201),
    send: async (c, who) => ({
      path: `/api/charts/${onChart("owner", 201)(who) === 201 ? await c.disposableChart() : c.chartId}/rounds`,
      body: { responsibilities: ["product"] },
    }),
  },
  {
    route: "GET /api/charts/:id/rounds",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/rounds` }),
  },
  {
    route: "GET /api/charts/:id/rounds/:rid",
    expect: onChart("view", 200),
    send: (c) => ({ path: c.roundPath }),
  },
  {
    route: "PUT /api/charts/:id/rounds/:rid/votes",
    expect: onChart("comment", 200),
    send: (c) => ({
      path: `${c.roundPath}/votes`,
      body: { votes: [{ responsibility: "product", role: "cto", codes: ["A"] }] },
    }),
  },
  {
    route: "POST /api/charts/:id/rounds/:rid/reveal",
    expect: onChart("owner", 200),
    send: async (c, who) => ({
      path: `${onChart("owner", 200)(who) === 200 ? await c.disposableRound(false) : c.roundPath}/reveal`,
    }),
  },
  {
    route: "DELETE /api/charts/:id/rounds/:rid",
    expect: onChart("owner", 204),
    send: async (c, who) => ({
      path: onChart("owner", 204)(who) === 204 ? await c.disposableRound(false) : c.roundPath,
    }),
  },
  {
    route: "GET /api/charts/:id/rounds/:rid/votes.csv",
    expect: onChart("owner", 200),
    send: async (c, who) => ({
      path: `${onChart("owner", 200)(who) === 200 ? await c.disposableRound(true) : c.roundPath}/votes.csv`,
    }),
  },
  {
    route: "GET /api/charts/:id/comments",
    expect: onChart("view", 200),
    send: (c) => ({ path: `/api/charts/${c.chartId}/comments` }),
  },
  {
    route: "POST /api/charts/:id/comments",
    expect: onChart("comment", 201),
    send: (c) => ({
      path: `/api/charts/${c.chartId}/comments`,
      body: { target: { role: "cto", responsibility: "product" }, body: "Who is R?" },
    }),
  },
  {
    // Resolving is for comment access; editing the body (its author only) is in comments.test.ts.
    route: "PATCH /api/charts/:id/comments/:cid",
    expect: onChart("comment", 200),
    send: (c) => ({ path: c.commentPath, body: { resolved: true } }),
  },
  {
    // Carla's comment: its author and the chart's owner may delete it, nobody else.
    route: "DELETE /api/charts/:id/comments/:cid",
    expect: onChart("owner", 204),
    send: async (c, who) => ({
      path: onChart("owner", 204)(who) === 204 ? await c.disposableComment() : c.commentPath,
    }),
  },
  { route: "GET /api/tokens", expect: accountsOnly(200), send: () => ({ path: "/api/tokens" }) },
  {
    route: "POST /api/tokens",
    expect: accountsOnly(201),
    send: () => ({ path: "/api/tokens", body: { name: "ci" } }),
  },
  {
    route: "DELETE /api/tokens/:id",
    // Only one's own tokens: another account's token is not there for them (404).
    expect: (who) =>
      LEVEL[who] === "anonymous"
        ? 401
        : isGuest(who)
          ? 403
          : who === "owner" || who === "owner's token"
            ? 204
            : 404,
    send: async (c) => ({ path: `/api/tokens/${await c.disposableToken()}` }),
  },
  {
    route: "GET /api/admin/accounts",
    expect: adminOnly(200),
    send: () => ({ path: "/api/admin/accounts" }),
  },
  {
    route: "DELETE /api/admin/accounts/:id",
    expect: adminOnly(204),
    send: async (c, who) => ({
      path: `/api/admin/accounts/${adminOnly(204)(who) === 204 ? await c.disposableAccount() : c.zedId}`,
    }),
  },
  {
    route: "GET /api/admin/invites",
    expect: adminOnly(200),
    send: () => ({ path: "/api/admin/invites" }),
  },
  {
    route: "POST /api/admin/invites",
    expect: adminOnly(201),
    send: (_c, who) => ({
      path: "/api/admin/invites",
      body: { email: `new-${who.replace(/\W+/g, "-")}@example.com` },
    }),
  },
  {
    route: "DELETE /api/admin/invites/:id",
    expect: adminOnly(204),
    send: async (c) => ({ path: `/api/admin/invites/${await c.disposableInvite()}` }),
  },
  // Last: it ends the sessions it is sent with.
  {
    route: "POST /api/auth/logout",
    expect: everyone(204),
    send: () => ({ path: "/api/auth/logout" }),
  },
];

let t: TestApp;
let ctx: Context;
const credentials = new Map<Who, Credentials>();

beforeAll(async () => {
  t = await startTestApp();
  const admin: Credentials = { kind: "bearer", token: t.owner.token };
  const carla = await inviteAccount(t, "Carla");
  const mia = await inviteAccount(t, "Mia");
  const eve = await inviteAccount(t, "Eve");
  // Zed is the member the member routes change; his email is fixed for PUT …/members.
  const zedInvite = await call(t.anonymous, admin, "post", "/api/admin/invites")
    .send({ email: "zed@example.com" })
    .expect(201);
  const zed = await call(t.anonymous, { kind: "none" }, "post", "/api/auth/signup")
    .send({
      email: "zed@example.com",
      name: "Zed",
      password: "a long enough password",
      invite: zedInvite.body.url.replace("/invite/", ""),
    })
    .expect(201);
  const zedId: string = zed.body.account.id;

  const shareChart = async () => {
    const made = await call(t.anonymous, carla.session, "post", "/api/charts")
      .send({ document: smallChart("Carla's chart") })
      .expect(201);
    const id: string = made.body.id;
    for (const [who, access] of [
      [mia, "view"],
      [eve, "edit"],
    ] as const)
      await call(t.anonymous, carla.session, "put", `/api/charts/${id}/members`)
        .send({ email: who.account.email, access })
        .expect(200);
    return id;
  };
  const chartId = await shareChart();

  const carlaToken = await createToken(t, carla.session);
  const revokedToken = await createToken(t, carla.session, "revoked");
  await call(t.anonymous, carla.session, "delete", `/api/tokens/${revokedToken.id}`).expect(204);

  const viewLink = await shareLink(t, carla.session, chartId, "view");
  const commentLink = await shareLink(t, carla.session, chartId, "comment");
  const editLink = await shareLink(t, carla.session, chartId, "edit");
  const revoked = await shareLink(t, carla.session, chartId, "edit", "Revoked guest");
  await call(
    t.anonymous,
    carla.session,
    "delete",
    `/api/charts/${chartId}/links/${revoked.linkId}`,
  ).expect(204);
  const expired = await shareLink(t, carla.session, chartId, "edit", "Late guest");
  // Time passes: the link's expiry is now behind us.
  await t.database.prisma.shareLink.update({
    where: { id: expired.linkId },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });

  const set: [Who, Credentials][] = [
    ["none", { kind: "none" }],
    ["view guest", viewLink.guest],
    ["comment guest", commentLink.guest],
    ["edit guest", editLink.guest],
    ["view member", mia.session],
    ["edit member", eve.session],
    ["owner", carla.session],
    ["owner's token", carlaToken.bearer],
    ["admin, not a member", admin],
    ["revoked link", revoked.guest],
    ["expired link", expired.guest],
    ["revoked token", revokedToken.bearer],
  ];
  for (const [who, cred] of set) credentials.set(who, cred);

  const startRound = async (id: string) => {
    const res = await call(t.anonymous, carla.session, "post", `/api/charts/${id}/rounds`)
      .send({ responsibilities: ["product"] })
      .expect(201);
    return `/api/charts/${id}/rounds/${res.body.id}`;
  };
  const roundPath = await startRound(chartId);
  const newComment = async () => {
    const res = await call(t.anonymous, carla.session, "post", `/api/charts/${chartId}/comments`)
      .send({ target: { chart: true }, body: "Shall we?" })
      .expect(201);
    return `/api/charts/${chartId}/comments/${res.body.id}`;
  };
  const commentPath = await newComment();
  const scenario = await call(
    t.anonymous,
    carla.session,
    "post",
    `/api/charts/${chartId}/scenarios`,
  )
    .send({ name: "What if" })
    .expect(201);

  ctx = {
    app: t.anonymous,
    chartId,
    carla: carla.session,
    zedId,
    disposableChart: shareChart,
    async disposableLink() {
      const res = await call(t.anonymous, carla.session, "post", `/api/charts/${chartId}/links`)
        .send({ access: "view" })
        .expect(201);
      return res.body.id;
    },
    async disposableToken() {
      return (await createToken(t, carla.session, "disposable")).id;
    },
    async disposableInvite() {
      const res = await call(t.anonymous, admin, "post", "/api/admin/invites")
        .send({ email: `invite-${Math.random().toString(36).slice(2)}@example.com` })
        .expect(201);
      return res.body.id;
    },
    async disposableAccount() {
      return (await inviteAccount(t, "Disposable")).account.id;
    },
    roundPath,
    commentPath,
    disposableComment: newComment,
    scenarioId: scenario.body.id,
    async disposableRound(revealed) {
      const path = await startRound(await shareChart());
      if (revealed) await call(t.anonymous, carla.session, "post", `${path}/reveal`).expect(200);
      return path;
    },
    async currentVersion() {
      const res = await call(t.anonymous, carla.session, "get", `/api/charts/${chartId}`).expect(
        200,
      );
      return res.body.version;
    },
  };
}, 120_000);
afterAll(() => t?.close());

// Before the table: its last row signs the sessions out.
describe("what each principal is told about itself", () => {
  it("answers me with the account or the guest's name, chart and access", async () => {
    const me = await call(
      t.anonymous,
      credentials.get("edit guest") as Credentials,
      "get",
      "/api/auth/me",
    );
    expect(me.body).toEqual({
      guest: { name: "Guest (edit)", chart: ctx.chartId, access: "edit" },
    });
    const owner = await call(
      t.anonymous,
      credentials.get("owner's token") as Credentials,
      "get",
      "/api/auth/me",
    );
    expect(owner.body.account).toMatchObject({ name: "Carla", admin: false });
  });

  it.each(["view member", "owner", "view guest"] as const)(
    "lists only the charts %s may see, with its access",
    async (who) => {
      const res = await call(
        t.anonymous,
        credentials.get(who) as Credentials,
        "get",
        "/api/charts",
      ).expect(200);
      const ids = res.body.charts.map((c: { id: string }) => c.id);
      expect(ids).toContain(ctx.chartId);
      const listed = res.body.charts.find((c: { id: string }) => c.id === ctx.chartId);
      expect(listed.access).toBe(LEVEL[who]);
      expect(listed.owner.name).toBe("Carla");
      // A guest's link opens its chart and that chart's scenarios, nothing else.
      if (isGuest(who))
        for (const chart of res.body.charts)
          if (chart.id !== ctx.chartId) expect(chart.scenarioOf).toBe(ctx.chartId);
    },
  );

  it("does not list Carla's charts to the admin", async () => {
    const res = await call(
      t.anonymous,
      credentials.get("admin, not a member") as Credentials,
      "get",
      "/api/charts",
    ).expect(200);
    expect(res.body.charts.map((c: { id: string }) => c.id)).not.toContain(ctx.chartId);
  });

  it("treats accounts as accounts", () => {
    expect(PRINCIPALS.filter(isAccount)).toEqual([
      "view member",
      "edit member",
      "owner",
      "owner's token",
      "admin, not a member",
    ]);
  });
});

describe("the access table", () => {
  it("has a row for every route the app serves", () => {
    const served = listRoutes(t.anonymous).filter((route) => route.includes(" /api/"));
    expect(TABLE.map((row) => row.route).sort()).toEqual(served);
  });

  describe.each(TABLE)("$route", (row) => {
    it.each(PRINCIPALS)("as %s", async (who) => {
      const [method, pattern] = row.route.split(" ") as [string, string];
      expect(pattern).toBeDefined();
      const { path, body, type } = await row.send(ctx, who);
      const req = call(
        t.anonymous,
        credentials.get(who) as Credentials,
        method.toLowerCase() as "get",
        path,
      );
      if (type !== undefined) req.set("Content-Type", type);
      const res = await (body === undefined ? req : req.send(body as object));
      expect({
        who,
        status: res.status,
        body: res.status >= 400 ? res.body : undefined,
      }).toMatchObject({
        who,
        status: row.expect(who),
      });
      if (res.status === 401 && !row.route.endsWith("/login"))
        expect(res.body.error.code).toBe("unauthenticated");
      if (res.status === 404 && row.route.includes(":id") && !row.route.includes("tokens"))
        expect(res.body.error.code).toBe("not_found");
    });
  });
});
