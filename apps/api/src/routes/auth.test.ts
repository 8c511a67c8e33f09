import { randomUUID } from "node:crypto";
import { MeResponseSchema } from "@rolemap/contract";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER, openTestDatabase, startTestApp, type TestApp } from "../../test/harness";
import {
  type Credentials,
  call,
  HOST,
  inviteAccount,
  sessionCookie,
  shareLink,
} from "../../test/principals";
import { createApp } from "../app";
import { TEST_PASSWORD_COST } from "../auth/secrets";
import { createPrismaAccessStore } from "../db/prisma-access-store";
import { createPrismaChartStore } from "../db/prisma-chart-store";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const none: Credentials = { kind: "none" };
const login = (email: string, password: string) =>
  call(t.anonymous, none, "post", "/api/auth/login").send({ email, password });

describe("first-run setup", () => {
  it("gives the owner every chart made before accounts existed, and refuses a second setup", async () => {
    const { database, close } = await openTestDatabase();
    try {
      // A chart from before the upgrade: no owner.
      const old = await database.prisma.chart.create({
        data: { id: randomUUID(), name: "From before accounts" },
      });

      const app = createApp({
        store: createPrismaChartStore(database),
        accessStore: createPrismaAccessStore(database),
        logger: pino({ level: "silent" }),
        bodyLimit: "1mb",
        security: { passwordCost: TEST_PASSWORD_COST, allowedHosts: [HOST] },
      });
      expect((await call(app, none, "get", "/api/auth/state").expect(200)).body).toEqual({
        setup: true,
      });
      const setup = await call(app, none, "post", "/api/auth/setup").send(OWNER).expect(201);
      expect(setup.body.account).toMatchObject({ email: OWNER.email, admin: true });
      const session: Credentials = { kind: "cookie", cookie: sessionCookie(setup) };
      const list = await call(app, session, "get", "/api/charts").expect(200);
      expect(list.body.charts).toEqual([
        expect.objectContaining({
          id: old.id,
          access: "owner",
          owner: expect.objectContaining({ name: OWNER.name }),
        }),
      ]);
      expect((await call(app, none, "get", "/api/auth/state").expect(200)).body).toEqual({
        setup: false,
      });
      const again = await call(app, none, "post", "/api/auth/setup").send(OWNER).expect(409);
      expect(again.body.error.code).toBe("already_set_up");
    } finally {
      await close();
    }
  });

  it.each([
    ["a short password", { ...OWNER, password: "short" }, "password"],
    ["a bad email", { ...OWNER, email: "not-an-email" }, "email"],
    ["an empty name", { ...OWNER, name: "  " }, "name"],
  ])("answers 400 naming the field for %s", async (_what, body, path) => {
    const res = await call(t.anonymous, none, "post", "/api/auth/setup").send(body).expect(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([path]);
  });
});

describe("sign-in and sessions", () => {
  it("signs in with the right password and sets a hardened session cookie", async () => {
    const res = await login(OWNER.email, OWNER.password).expect(200);
    expect(res.body.account).toMatchObject({ email: OWNER.email, name: OWNER.name });
    const cookie = (res.headers["set-cookie"] as unknown as string[])[0] as string;
    expect(cookie).toMatch(/^rolemap_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=2592000/);
    expect(cookie).not.toMatch(/; Secure/); // plain http here
  });

  it("marks the cookie Secure when served over https behind a trusted proxy", async () => {
    const app = createApp({
      store: t.store,
      accessStore: t.accessStore,
      logger: pino({ level: "silent" }),
      bodyLimit: "1mb",
      security: { trustProxy: 1, passwordCost: TEST_PASSWORD_COST, allowedHosts: [HOST] },
    });
    const res = await call(app, none, "post", "/api/auth/login")
      .set("X-Forwarded-Proto", "https")
      .set("Origin", "https://rolemap.test")
      .send({ email: OWNER.email, password: OWNER.password })
      .expect(200);
    expect((res.headers["set-cookie"] as unknown as string[])[0]).toMatch(/; Secure/);
  });

  it("answers the same 401 for an unknown email and a wrong password", async () => {
    const unknown = await login("nobody@example.com", "some password").expect(401);
    const wrong = await login(OWNER.email, "wrong password").expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe("invalid_credentials");
    expect(wrong.headers["set-cookie"]).toBeUndefined();
  });

  it("takes the email in any case", async () => {
    await login(OWNER.email.toUpperCase(), OWNER.password).expect(200);
  });

  it("stores neither the password nor the session secret", async () => {
    const res = await login(OWNER.email, OWNER.password).expect(200);
    const secret = sessionCookie(res).split("=")[1] as string;
    const accounts = await t.database.prisma.account.findMany();
    const sessions = await t.database.prisma.session.findMany();
    const stored = JSON.stringify({ accounts, sessions });
    expect(stored).not.toContain(OWNER.password);
    expect(stored).not.toContain(secret);
    expect(accounts[0]?.passwordHash).toMatch(/^scrypt\$/);
  });

  it("ends the session on the server at sign-out", async () => {
    const res = await login(OWNER.email, OWNER.password).expect(200);
    const session: Credentials = { kind: "cookie", cookie: sessionCookie(res) };
    await call(t.anonymous, session, "get", "/api/auth/me").expect(200);
    const out = await call(t.anonymous, session, "post", "/api/auth/logout").expect(204);
    expect((out.headers["set-cookie"] as unknown as string[])[0]).toMatch(/^rolemap_session=;/);
    // The old cookie, replayed, opens nothing.
    await call(t.anonymous, session, "get", "/api/auth/me").expect(401);
  });

  it("renews the cookie's lifetime when a session is used after a while", async () => {
    const justIn: Credentials = {
      kind: "cookie",
      cookie: sessionCookie(await login(OWNER.email, OWNER.password).expect(200)),
    };
    const fresh = await call(t.anonymous, justIn, "get", "/api/auth/me").expect(200);
    expect(fresh.headers["set-cookie"]).toBeUndefined(); // just signed in: nothing to renew
    // Another session, aged before its first use (a session in use is kept in memory, where
    // only the server's own touches change it).
    const res = await login(OWNER.email, OWNER.password).expect(200);
    const session: Credentials = { kind: "cookie", cookie: sessionCookie(res) };
    await t.database.prisma.session.updateMany({
      where: { createdAt: { gte: new Date(Date.now() - 60_000) } },
      data: { lastSeenAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) },
    });
    const later = await call(t.anonymous, session, "get", "/api/auth/me").expect(200);
    expect(sessionCookie(later)).toBe((session as { cookie: string }).cookie);
    expect((later.headers["set-cookie"] as unknown as string[])[0]).toMatch(/; Max-Age=2592000/);
  });

  it("ends a session idle for more than 30 days", async () => {
    const res = await login(OWNER.email, OWNER.password).expect(200);
    const session: Credentials = { kind: "cookie", cookie: sessionCookie(res) };
    await t.database.prisma.session.updateMany({
      where: { createdAt: { gte: new Date(Date.now() - 60_000) } },
      data: { lastSeenAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    });
    const me = await call(t.anonymous, session, "get", "/api/auth/me").expect(401);
    expect(me.body.error.code).toBe("unauthenticated");
  });

  it("answers me as the contract says", async () => {
    const res = await call(
      t.anonymous,
      { kind: "bearer", token: t.owner.token },
      "get",
      "/api/auth/me",
    ).expect(200);
    expect(MeResponseSchema.parse(res.body)).toEqual({
      account: { id: t.owner.account.id, email: OWNER.email, name: OWNER.name, admin: true },
    });
  });
});

describe("sign-up by invite", () => {
  it("creates an account from an invite once, for the invited email only", async () => {
    const admin: Credentials = { kind: "bearer", token: t.owner.token };
    const invite = await call(t.anonymous, admin, "post", "/api/admin/invites")
      .send({ email: "Nina@Example.com" })
      .expect(201);
    expect(invite.body).toMatchObject({
      email: "nina@example.com",
      url: expect.stringMatching(/^\/invite\/[\w-]{43}$/),
    });
    const token = invite.body.url.replace("/invite/", "");
    const body = { name: "Nina", password: "a long enough password", invite: token };
    const wrongEmail = await call(t.anonymous, none, "post", "/api/auth/signup")
      .send({ ...body, email: "someone-else@example.com" })
      .expect(403);
    expect(wrongEmail.body.error.code).toBe("forbidden");
    await call(t.anonymous, none, "post", "/api/auth/signup")
      .send({ ...body, email: "nina@example.com" })
      .expect(201);
    // Used up.
    await call(t.anonymous, none, "post", "/api/auth/signup")
      .send({ ...body, email: "nina@example.com" })
      .expect(403);
    await login("nina@example.com", "a long enough password").expect(200);
    const listed = await call(t.anonymous, admin, "get", "/api/admin/invites").expect(200);
    expect(listed.body.invites.map((i: { email: string }) => i.email)).not.toContain(
      "nina@example.com",
    );
  });

  it("refuses an expired invite", async () => {
    const admin: Credentials = { kind: "bearer", token: t.owner.token };
    const invite = await call(t.anonymous, admin, "post", "/api/admin/invites")
      .send({ email: "late@example.com" })
      .expect(201);
    await t.database.prisma.invite.update({
      where: { id: invite.body.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await call(t.anonymous, none, "post", "/api/auth/signup")
      .send({
        email: "late@example.com",
        name: "Late",
        password: "a long enough password",
        invite: invite.body.url.replace("/invite/", ""),
      })
      .expect(403);
  });

  it("gives a removed account's charts to the admin who removed it", async () => {
    const admin: Credentials = { kind: "bearer", token: t.owner.token };
    const leaver = await inviteAccount(t, "Leaver");
    const made = await call(t.anonymous, leaver.session, "post", "/api/charts")
      .send({ template: "classic-split", name: "Left behind" })
      .expect(201);
    await call(t.anonymous, admin, "delete", `/api/admin/accounts/${leaver.account.id}`).expect(
      204,
    );
    await call(t.anonymous, leaver.session, "get", "/api/auth/me").expect(401);
    const chart = await call(t.anonymous, admin, "get", `/api/charts/${made.body.id}`).expect(200);
    expect(chart.body.access).toBe("owner");
    const self = await call(
      t.anonymous,
      admin,
      "delete",
      `/api/admin/accounts/${t.owner.account.id}`,
    ).expect(400);
    expect(self.body.error.issues[0].path).toBe("id");
  });
});

describe("share links and guests", () => {
  it("lets a guest in with exactly the link's access, until the link is revoked", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const id = made.body.id;
    const { linkId, token, guest } = await shareLink(t, owner, id, "view", "Vic");
    const me = await call(t.anonymous, guest, "get", "/api/auth/me").expect(200);
    expect(me.body).toEqual({ guest: { name: "Vic", chart: id, access: "view" } });
    const chart = await call(t.anonymous, guest, "get", `/api/charts/${id}`).expect(200);
    expect(chart.body.access).toBe("view");
    const edit = await call(t.anonymous, guest, "post", `/api/charts/${id}/operations`)
      .send({ operations: [{ op: "removeRole", id: "ceo" }] })
      .expect(403);
    expect(edit.body.error.code).toBe("forbidden");

    const links = await call(t.anonymous, owner, "get", `/api/charts/${id}/links`).expect(200);
    expect(links.body.links).toEqual([
      {
        id: linkId,
        access: "view",
        expiresAt: null,
        createdAt: expect.any(String),
        expired: false,
      },
    ]);
    expect(JSON.stringify(links.body)).not.toContain(token);

    await call(t.anonymous, owner, "delete", `/api/charts/${id}/links/${linkId}`).expect(204);
    await call(t.anonymous, guest, "get", `/api/charts/${id}`).expect(401);
    // The link itself opens nothing any more either.
    await call(t.anonymous, none, "post", "/api/auth/guest")
      .send({ token, name: "Again" })
      .expect(404);
    const after = await call(t.anonymous, owner, "get", `/api/charts/${id}/links`).expect(200);
    expect(after.body.links).toEqual([]);
  });

  it("refuses an expiry in the past and reports a future one", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const past = await call(t.anonymous, owner, "post", `/api/charts/${made.body.id}/links`)
      .send({ access: "edit", expiresAt: new Date(Date.now() - 60_000).toISOString() })
      .expect(400);
    expect(past.body.error.issues[0].path).toBe("expiresAt");
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const link = await call(t.anonymous, owner, "post", `/api/charts/${made.body.id}/links`)
      .send({ access: "edit", expiresAt: future })
      .expect(201);
    expect(link.body).toMatchObject({ access: "edit", expiresAt: future });
    const owned = await call(t.anonymous, owner, "post", `/api/charts/${made.body.id}/links`)
      .send({ access: "owner" })
      .expect(400);
    expect(owned.body.error.issues[0].path).toBe("access");
  });

  it("lets an editor guest edit but not rename or delete", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const id = made.body.id;
    const { guest } = await shareLink(t, owner, id, "edit", "Ed");
    await call(t.anonymous, guest, "post", `/api/charts/${id}/operations`)
      .send({ operations: [{ op: "updateRole", id: "ceo", changes: { holder: "Ed's pick" } }] })
      .expect(200);
    const rename = await call(t.anonymous, guest, "post", `/api/charts/${id}/operations`)
      .send({ operations: [{ op: "updateChart", name: "Mine now" }] })
      .expect(403);
    expect(rename.body.error.code).toBe("forbidden");
    await call(t.anonymous, guest, "delete", `/api/charts/${id}`).expect(403);
    const chart = await call(t.anonymous, owner, "get", `/api/charts/${id}`).expect(200);
    expect(chart.body.document.name).toBe(made.body.document.name);
    expect(chart.body.document.roles.find((r: { id: string }) => r.id === "ceo").holder).toBe(
      "Ed's pick",
    );
  });
});

describe("imports into a shared chart", () => {
  it("need edit access: a viewer is refused, an editor guest merges, a guest cannot create", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const id = made.body.id;
    const viewer = (await shareLink(t, owner, id, "view")).guest;
    const editor = (await shareLink(t, owner, id, "edit")).guest;
    const role = made.body.document.roles[0];
    const csv = `Responsibility,${role.title}\nWorkshop planning,A\n`;
    const into = `/api/charts/import?format=matrix-csv&into=${id}`;
    for (const path of [into, `${into}&preview=true`]) {
      const refused = await call(t.anonymous, viewer, "post", path).type("text/csv").send(csv);
      expect(refused.status).toBe(403);
    }
    await call(t.anonymous, editor, "post", `${into}&preview=true`)
      .type("text/csv")
      .send(csv)
      .expect(200);
    await call(t.anonymous, editor, "post", into).type("text/csv").send(csv).expect(200);
    const created = await call(t.anonymous, editor, "post", "/api/charts/import?format=matrix-csv")
      .type("text/csv")
      .send(csv);
    expect(created.status).toBe(403);
  });
});

describe("members", () => {
  it("adds a member by email, changes the level and removes them", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const id = made.body.id;
    const pat = await inviteAccount(t, "Pat");
    await call(t.anonymous, pat.session, "get", `/api/charts/${id}`).expect(404);
    const added = await call(t.anonymous, owner, "put", `/api/charts/${id}/members`)
      .send({ email: pat.account.email, access: "comment" })
      .expect(200);
    const person = { id: pat.account.id, name: "Pat", email: pat.account.email };
    expect(added.body).toEqual({ ...person, access: "comment" });
    const seen = await call(t.anonymous, pat.session, "get", `/api/charts/${id}`).expect(200);
    expect(seen.body.access).toBe("comment");
    await call(t.anonymous, owner, "put", `/api/charts/${id}/members/${pat.account.id}`)
      .send({ access: "edit" })
      .expect(200);
    const members = await call(t.anonymous, owner, "get", `/api/charts/${id}/members`).expect(200);
    expect(members.body).toEqual({
      owner: { id: t.owner.account.id, name: OWNER.name, email: OWNER.email },
      members: [{ ...person, access: "edit" }],
    });
    await call(t.anonymous, owner, "delete", `/api/charts/${id}/members/${pat.account.id}`).expect(
      204,
    );
    await call(t.anonymous, pat.session, "get", `/api/charts/${id}`).expect(404);
  });

  it("names the email when nobody has it, and refuses to make the owner a member", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const unknown = await call(t.anonymous, owner, "put", `/api/charts/${made.body.id}/members`)
      .send({ email: "stranger@example.com", access: "view" })
      .expect(400);
    expect(unknown.body.error.issues[0].path).toBe("email");
    await call(
      t.anonymous,
      owner,
      "put",
      `/api/charts/${made.body.id}/members/${t.owner.account.id}`,
    )
      .send({ access: "view" })
      .expect(400);
    await call(t.anonymous, owner, "put", `/api/charts/${made.body.id}/members/${randomUUID()}`)
      .send({ access: "view" })
      .expect(404);
  });
});

describe("API tokens", () => {
  it("shows a token once, lists it without the secret and stops it at revocation", async () => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const created = await call(t.anonymous, owner, "post", "/api/tokens")
      .send({ name: "CI" })
      .expect(201);
    expect(created.body.token).toMatch(/^rm_[\w-]{43}$/);
    const bearer: Credentials = { kind: "bearer", token: created.body.token };
    await call(t.anonymous, bearer, "get", "/api/charts").expect(200);
    const listed = await call(t.anonymous, owner, "get", "/api/tokens").expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(listed.body.tokens).toContainEqual({
      id: created.body.id,
      name: "CI",
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
    await call(t.anonymous, owner, "delete", `/api/tokens/${created.body.id}`).expect(204);
    await call(t.anonymous, bearer, "get", "/api/charts").expect(401);
  });
});
