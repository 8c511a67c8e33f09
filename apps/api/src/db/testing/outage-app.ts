import { randomUUID } from "node:crypto";
import pino from "pino";
import request from "supertest";
import { createApp } from "../../app";
import { hashSecret, TEST_PASSWORD_COST } from "../../auth/secrets";
import type { Database } from "../database";
import { createPrismaAccessStore } from "../prisma-access-store";
import { createPrismaChartStore } from "../prisma-chart-store";

/** The API token the outage tests sign in with (stored by `createOwnerToken`). */
export const OUTAGE_TOKEN = "rm_outage-test-token";

/** The whole app over `database`, without rate limits. */
export function appOn(database: Database) {
  const store = createPrismaChartStore(database);
  return createApp({
    store,
    accessStore: createPrismaAccessStore(database),
    logger: pino({ level: "silent" }),
    bodyLimit: "16mb",
    security: {
      passwordCost: TEST_PASSWORD_COST,
      rateLimits: { api: { limit: 0, windowMs: 60_000 }, signIn: { limit: 0, windowMs: 60_000 } },
    },
  });
}

/** Sets the instance up with an owner whose API token is OUTAGE_TOKEN; the owner's id. */
export async function createOwnerToken(database: Database): Promise<string> {
  const accessStore = createPrismaAccessStore(database);
  const owner = await accessStore.createOwner({
    id: randomUUID(),
    email: "owner@example.com",
    name: "Owner",
    passwordHash: "-",
  });
  if (owner === "already_set_up") throw new Error("a fresh database has no accounts");
  await accessStore.createToken({
    id: randomUUID(),
    accountId: owner.id,
    name: "outage test",
    tokenHash: hashSecret(OUTAGE_TOKEN),
  });
  return owner.id;
}

type App = ReturnType<typeof appOn>;

/** A request as the owner. */
export const asOwner = (app: App, method: "get" | "post" | "put", path: string) =>
  request(app)
    [method](path)
    .set("Host", "127.0.0.1")
    .set("Authorization", `Bearer ${OUTAGE_TOKEN}`);

/** A new chart's id. */
export async function createChart(app: App, name: string): Promise<string> {
  const res = await asOwner(app, "post", "/api/charts").send({ template: "operations-led", name });
  if (res.status !== 201) throw new Error(`could not create a chart: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** A batch that renames the chart. */
export const rename = (app: App, id: string, name: string) =>
  asOwner(app, "post", `/api/charts/${id}/operations`).send({
    operations: [{ op: "updateChart", name }],
  });

/**
 * What `answer` settled to, or "still waiting" after `ms`: a request that hangs fails its
 * test at once instead of when the hang ends (its bound is far above the deadline tested).
 */
export async function within<T>(ms: number, answer: PromiseLike<T>): Promise<T | "still waiting"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"still waiting">((resolve) => {
    timer = setTimeout(() => resolve("still waiting"), ms);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
