import { randomUUID } from "node:crypto";
import type { Express } from "express";
import pg from "pg";
import pino from "pino";
import { createApp } from "../src/app";
import { type Database, openDatabase } from "../src/db/database";
import { createPrismaChartStore } from "../src/db/prisma-chart-store";
import type { ChartStore } from "../src/services/chart-store";

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
  app: Express;
  store: ChartStore;
  close(): Promise<void>;
}

export async function startTestApp(options: { bodyLimit?: string } = {}): Promise<TestApp> {
  const { database, close } = await openTestDatabase();
  const store = createPrismaChartStore(database);
  const app = createApp({
    store,
    logger: pino({ level: "silent" }),
    bodyLimit: options.bodyLimit ?? "16mb",
  });
  return { app, store, close };
}
