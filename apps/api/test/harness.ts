import { randomUUID } from "node:crypto";
import type { Account } from "@rolemap/contract";
import express, { type Express } from "express";
import pg from "pg";
import pino, { type Logger } from "pino";
import request from "supertest";
import { createApp, type RolemapApp, type SecurityOptions } from "../src/app";
import { TEST_PASSWORD_COST } from "../src/auth/secrets";
import { type Database, openDatabase } from "../src/db/database";
import { createPrismaAccessStore } from "../src/db/prisma-access-store";
import { createPrismaChartStore } from "../src/db/prisma-chart-store";
import { createPrismaCommentStore } from "../src/db/prisma-comment-store";
import { createPrismaHistoryStore } from "../src/db/prisma-history-store";
import { createPrismaRoundStore } from "../src/db/prisma-round-store";
import type { InterchangePool } from "../src/interchange-pool/pool";
import type { HubOptions } from "../src/live/live-hub";
import type { AccessStore } from "../src/services/access-store";
import type { ChartStore } from "../src/services/chart-store";
import { HOST as TEST_HOST } from "./principals";

/**
 * A real database for a test file: embedded PGlite in memory by default, or a fresh
 * database on the PostgreSQL server named by ROLEMAP_TEST_DATABASE_URL (dropped after).
 * CI runs the suite both ways.
 */
export const serverUrl = process.env.ROLEMAP_TEST_DATABASE_URL;

export interface TestDatabase {
  database: Database;
  /** For a second process (crash tests): how to reach the same data. */
  close(): Promise<void>;
}

export async function withPostgresDatabase<T>(use: (url: string) => Promise<T>): Promise<T> {
  if (serverUrl === undefined) throw new Error("ROLEMAP_TEST_DATABASE_URL is not set");
  const name = `rolemap_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const warn = (message: string) => {
    throw new Error(`unexpected migration warning: ${message}`);
  };
  if (serverUrl === undefined) {
    const database = await openDatabase({ kind: "embedded", dataDir: undefined }, warn);
    return { database, close: () => database.close() };
  }
  let release: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  let ready: (db: Database) => void = () => {};
  const opened = new Promise<Database>((resolve) => {
    ready = resolve;
  });
  const dropped = withPostgresDatabase(async (url) => {
    const database = await openDatabase({ kind: "postgres", url }, warn);
    ready(database);
    await done;
    await database.close();
  });
  const database = await Promise.race([
    opened,
    dropped.then(() => Promise.reject(new Error("database closed early"))),
  ]);
  return {
    database,
    close: async () => {
      release();
      await dropped;
    },
  };
}

export interface TestApp {
  /** The app as the instance owner sees it: requests carry the owner's API token. */
  app: Express;
  /** The same app with nobody signed in (and its live side, for `startLiveServer`). */
  anonymous: RolemapApp;
  store: ChartStore;
  accessStore: AccessStore;
  /** For tests that must reach below the API (e.g. to let time pass on a link). */
  database: Database;
  owner: { account: Account; token: string };
  close(): Promise<void>;
}

export const OWNER = {
  email: "owner@example.com",
  name: "Olive Owner",
  password: "owner-password-1",
};

export async function startTestApp(
  options: {
    bodyLimit?: string;
    security?: Partial<SecurityOptions>;
    logger?: Logger;
    live?: Partial<HubOptions>;
    /** Export and import threads with the test's limits (or worker). */
    interchangePool?: InterchangePool;
  } = {},
): Promise<TestApp> {
  const { database, close } = await openTestDatabase();
  const store = createPrismaChartStore(database);
  const accessStore = createPrismaAccessStore(database);
  const anonymous = createApp({
    store,
    accessStore,
    comments: createPrismaCommentStore(database),
    rounds: createPrismaRoundStore(database),
    history: createPrismaHistoryStore(database),
    logger: options.logger ?? pino({ level: "silent" }),
    bodyLimit: options.bodyLimit ?? "16mb",
    security: {
      passwordCost: TEST_PASSWORD_COST,
      // The host name test requests send (principals.ts).
      allowedHosts: [TEST_HOST],
      rateLimits: { api: { limit: 0, windowMs: 60_000 }, signIn: { limit: 0, windowMs: 60_000 } },
      ...options.security,
    },
    ...(options.live === undefined ? {} : { liveOptions: options.live }),
    ...(options.interchangePool === undefined ? {} : { interchangePool: options.interchangePool }),
  });
  // The suites written before accounts existed sign in as the owner with an API token.
  const setup = await request(anonymous)
    .post("/api/auth/setup")
    .set("Origin", "http://127.0.0.1")
    .set("Host", "127.0.0.1")
    .send(OWNER)
    .expect(201);
  const cookie = setup.headers["set-cookie"]?.[0]?.split(";")[0] ?? "";
  const created = await request(anonymous)
    .post("/api/tokens")
    .set("Cookie", cookie)
    .set("Origin", "http://127.0.0.1")
    .set("Host", "127.0.0.1")
    .send({ name: "test suite" })
    .expect(201);
  const token: string = created.body.token;
  const app = express();
  app.use((req, _res, next) => {
    if (req.headers.authorization === undefined && req.headers.cookie === undefined)
      req.headers.authorization = `Bearer ${token}`;
    next();
  });
  app.use(anonymous);
  return {
    app,
    anonymous,
    store,
    accessStore,
    database,
    owner: { account: setup.body.account, token },
    close: async () => {
      await anonymous.live.close();
      await close();
    },
  };
}
