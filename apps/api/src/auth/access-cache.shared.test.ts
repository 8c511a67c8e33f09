import pino from "pino";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { serverUrl, withPostgresDatabase } from "../../test/harness";
import { type Credentials, call, HOST, sessionCookie } from "../../test/principals";
import { createApp, type RolemapApp } from "../app";
import { type Database, openDatabase } from "../db/database";
import { createPrismaAccessStore } from "../db/prisma-access-store";
import { createPrismaChartStore } from "../db/prisma-chart-store";
import type { ChangeBus } from "../live/bus";
import { createPostgresBus } from "../live/pg-bus";
import { TEST_PASSWORD_COST } from "./secrets";

/**
 * Two apps on one PostgreSQL database, each with its own bus, as two processes run: what
 * one keeps of access (auth/access-cache.ts) follows what the other changes. Grants are
 * read every time on a shared database; sessions are dropped when the bus says so.
 * Needs a PostgreSQL server: skipped unless ROLEMAP_TEST_DATABASE_URL is set.
 */

const OWNER = { email: "owner@example.com", name: "Olive", password: "owner-password-1" };
const MEMBER = { email: "mia@example.com", name: "Mia", password: "member-password-1" };
const logger = pino({ level: "silent" });

describe.skipIf(serverUrl === undefined)("access kept by two processes", () => {
  let release: () => void = () => {};
  const opened: { database: Database; bus: ChangeBus; app: RolemapApp }[] = [];
  let first: RolemapApp;
  let second: RolemapApp;

  beforeAll(async () => {
    const url = await new Promise<string>((resolve) => {
      void withPostgresDatabase(
        (given) =>
          new Promise<void>((done) => {
            release = done;
            resolve(given);
          }),
      );
    });
    for (let n = 0; n < 2; n++) {
      const database = await openDatabase({ kind: "postgres", url }, () => {});
      const bus = await createPostgresBus(url, logger);
      const app = createApp({
        store: createPrismaChartStore(database),
        accessStore: createPrismaAccessStore(database),
        logger,
        bodyLimit: "1mb",
        bus,
        security: {
          passwordCost: TEST_PASSWORD_COST,
          allowedHosts: [HOST],
          rateLimits: {
            api: { limit: 0, windowMs: 60_000 },
            signIn: { limit: 0, windowMs: 60_000 },
          },
        },
      });
      opened.push({ database, bus, app });
    }
    [first, second] = opened.map((o) => o.app) as [RolemapApp, RolemapApp];
  }, 60_000);

  afterAll(async () => {
    for (const { app, bus, database } of opened) {
      await app.live.close();
      await bus.close();
      await database.close();
    }
    release();
  });

  const none: Credentials = { kind: "none" };
  const signIn = async (app: RolemapApp, who: { email: string; password: string }) =>
    ({
      kind: "cookie",
      cookie: sessionCookie(
        await call(app, none, "post", "/api/auth/login")
          .send({ email: who.email, password: who.password })
          .expect(200),
      ),
    }) as Credentials;

  it("obeys a sign-out, a removed member and a revoked link made by the other process", async () => {
    const setup = await call(first, none, "post", "/api/auth/setup").send(OWNER).expect(201);
    const owner: Credentials = { kind: "cookie", cookie: sessionCookie(setup) };
    const invite = await call(first, owner, "post", "/api/admin/invites")
      .send({ email: MEMBER.email })
      .expect(201);
    const token = (invite.body.url as string).replace("/invite/", "");
    await call(first, none, "post", "/api/auth/signup")
      .send({ ...MEMBER, invite: token })
      .expect(201);
    const chart = await call(first, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const path = `/api/charts/${chart.body.id}`;
    await call(first, owner, "put", `${path}/members`)
      .send({ email: MEMBER.email, access: "view" })
      .expect(200);

    // The second process keeps the member's session and reads the chart.
    const mia = await signIn(second, MEMBER);
    await call(second, mia, "get", path).expect(200);
    await call(second, mia, "get", path).expect(200);
    // Removed by the first: the second reads grants every time on a shared database.
    const members = await call(first, owner, "get", `${path}/members`).expect(200);
    const miaId = (members.body.members as { id: string; email: string }[]).find(
      (m) => m.email === MEMBER.email,
    )?.id;
    await call(first, owner, "delete", `${path}/members/${miaId}`).expect(204);
    await call(second, mia, "get", path).expect(404);

    // A guest kept by the second process, its link revoked through the first.
    const link = await call(first, owner, "post", `${path}/links`)
      .send({ access: "view" })
      .expect(201);
    const entered = await call(second, none, "post", "/api/auth/guest")
      .send({ token: (link.body.url as string).replace("/s/", ""), name: "Guest" })
      .expect(200);
    const guest: Credentials = { kind: "cookie", cookie: sessionCookie(entered) };
    await call(second, guest, "get", path).expect(200);
    await call(first, owner, "delete", `${path}/links/${link.body.id}`).expect(204);
    await vi.waitFor(
      async () => {
        await call(second, guest, "get", path).expect(401);
      },
      { timeout: 3000 },
    );

    // The owner's session kept by the second process, signed out through the first.
    await call(second, owner, "get", path).expect(200);
    await call(first, owner, "post", "/api/auth/logout").expect(204);
    await vi.waitFor(
      async () => {
        await call(second, owner, "get", path).expect(401);
      },
      { timeout: 3000 },
    );
  });
});
