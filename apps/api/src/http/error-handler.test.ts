import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import express, { type Express } from "express";
import pino from "pino";
import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { rawRequest } from "../../test/raw-request";
import { createApp } from "../app";
import { hashSecret } from "../auth/secrets";
import type { AccessStore } from "../services/access-store";
import type { ChartStore } from "../services/chart-store";

/** A store that fails every call the way a broken database would, with internals in it. */
function failingStore(error: unknown): ChartStore {
  const fail = async (): Promise<never> => {
    throw error;
  };
  return {
    kind: "embedded",
    create: fail,
    get: fail,
    head: fail,
    versions: fail,
    list: fail,
    commit: fail,
    readLog: fail,
    setLock: fail,
    saveCounts: fail,
    remove: fail,
    scenarios: fail,
    markPromoted: fail,
    ping: fail,
    close: async () => {},
  };
}

const TOKEN = "rm_test-token";
/** Knows one token (so requests get past sign-in) and fails everything else. */
function failingAccessStore(error: unknown): AccessStore {
  const known = {
    findToken: async (hash: string) =>
      hash === hashSecret(TOKEN)
        ? {
            id: randomUUID(),
            lastUsedAt: new Date(),
            account: { id: randomUUID(), email: "a@example.com", name: "A", admin: true },
          }
        : undefined,
  };
  return new Proxy(known as AccessStore, {
    get: (target, name) =>
      name in target
        ? target[name as keyof typeof known]
        : async () => {
            throw error;
          },
  });
}

let logged: string;
function appWith(error: unknown) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  const app = createApp({
    store: failingStore(error),
    accessStore: failingAccessStore(error),
    logger: pino(sink),
    bodyLimit: "1mb",
  });
  // Every request carries the one token the store knows.
  const signedIn = express();
  signedIn.use((req, _res, next) => {
    req.headers.authorization = `Bearer ${TOKEN}`;
    next();
  });
  signedIn.use(app);
  return signedIn;
}

beforeEach(() => {
  logged = "";
});

/** A failure that is not an outage (PostgreSQL's internal_error). */
const secret = () =>
  Object.assign(new Error("secret detail: password=hunter2 at db.internal:5432"), {
    code: "XX000",
  });

const id = randomUUID();
const minimal = {
  format: "rolemap.chart/v1",
  name: "x",
  roles: [],
  reportingLines: [],
  responsibilities: [],
  assignments: [],
};

describe("an unexpected error", () => {
  it.each([
    ["GET", `/api/charts/${id}`, undefined],
    ["GET", "/api/charts", undefined],
    ["GET", `/api/charts/${id}/findings`, undefined],
    ["DELETE", `/api/charts/${id}`, undefined],
    ["POST", "/api/charts", { document: minimal }],
    ["PUT", `/api/charts/${id}`, { document: minimal, version: 1 }],
    ["POST", `/api/charts/${id}/operations`, { operations: [{ op: "removeRole", id: "a" }] }],
  ])("in %s %s answers 500 internal without leaking the cause", async (method, path, body) => {
    const app = appWith(secret());
    const call = request(app)[method.toLowerCase() as "get" | "post" | "put" | "delete"](path);
    const res = await (body === undefined ? call : call.send(body));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: "internal", message: expect.any(String), issues: [] },
    });
    expect(res.text).not.toMatch(/secret|hunter2|XX000|db\.internal|at /);
    expect(res.headers["x-request-id"]).toEqual(expect.any(String));
    // It is logged in full with the request id for whoever runs the server.
    expect(logged).toContain("secret detail");
    expect(logged).toContain(res.headers["x-request-id"]);
  });

  it("answers 500 internal for a thrown value that is not an Error", async () => {
    const res = await request(appWith("secret string")).get(`/api/charts/${id}`).expect(500);
    expect(res.body.error.code).toBe("internal");
    expect(res.text).not.toContain("secret");
  });

  it("does not touch requests that do not reach the store", async () => {
    const app = appWith(secret());
    await request(app).post("/api/validate").send(minimal).expect(200);
    expect((await request(app).get("/api/charts/nope").expect(400)).body.error.code).toBe(
      "invalid_input",
    );
  });
});

describe("a malformed request", () => {
  it("answers 400 for a broken %-escape in the path, not 500", async () => {
    const res = await request(appWith(secret())).get("/api/charts/%E0%A4%A").expect(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.text).not.toMatch(/URIError|at |node_modules/);
  });
});

describe("requests found to answer 500 when tried (issue 17)", () => {
  const methods = ["get", "put", "post", "delete"] as const;
  it.each(
    methods.flatMap((method) =>
      [
        "/api/charts/%ff",
        "/api/charts/%",
        "/api/charts/%ff/operations",
        "/api/charts/%/export",
      ].map((path) => [method, path] as const),
    ),
  )("%s %s answers 400 invalid_input", async (method, path) => {
    const res = await request(appWith(secret()))[method](path).send({}).expect(400);
    expect(res.body.error.code).toBe("invalid_input");
  });

  it("answers 400 for a corrupt gzip body, naming no internals", async () => {
    const corrupt = gzipSync(JSON.stringify(minimal)).subarray(0, 20);
    const res = await rawPost(appWith(secret()), "/api/validate", "gzip", corrupt);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.code).toBe("invalid_input");
    expect(res.text).not.toMatch(/zlib|at |node_modules/);
  });

  it("answers 400 for a body that says brotli but is not", async () => {
    const res = await rawPost(appWith(secret()), "/api/validate", "br", Buffer.from("{}"));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.code).toBe("invalid_input");
  });

  it("reads a real gzip body (so the 400s above are for corruption, not for gzip)", async () => {
    const body = gzipSync(JSON.stringify(minimal));
    const res = await rawPost(appWith(secret()), "/api/validate", "gzip", body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).findings).toEqual(expect.any(Array));
  });
});

/** POSTs raw bytes as JSON with a content encoding (supertest would serialise a Buffer). */
async function rawPost(app: Express, path: string, encoding: string, body: Buffer) {
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  try {
    return await rawRequest({
      port,
      method: "POST",
      path,
      headers: { "content-type": "application/json", "content-encoding": encoding },
      body,
    });
  } finally {
    server.close();
  }
}

describe("errors of the body parser", () => {
  it("answers 415 unsupported_media_type for an unknown charset", async () => {
    const res = await request(appWith(secret()))
      .post("/api/validate")
      .set("content-type", "application/json; charset=klingon")
      .send(JSON.stringify(minimal))
      .expect(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("answers 415 unsupported_media_type for an unknown content encoding", async () => {
    const res = await request(appWith(secret()))
      .post("/api/validate")
      .set("content-type", "application/json")
      .set("content-encoding", "zstd-ish")
      .send(JSON.stringify(minimal))
      .expect(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("answers 413 naming the limit in bytes", async () => {
    const res = await request(appWith(secret()))
      .post("/api/validate")
      .send({ ...minimal, name: "x".repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(res.body.error).toEqual({
      code: "payload_too_large",
      message: expect.stringContaining(`${1024 * 1024} bytes`),
      issues: [],
    });
  });
});

describe("a database that cannot serve now (issue 17: an outage answered 500)", () => {
  /** How pg reports a server that refused the connection, with internals in the message. */
  const refused = () =>
    Object.assign(new Error("connect ECONNREFUSED db.internal:5432 password=hunter2"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      errno: -111,
    });
  /** How pg reports a backend terminated under it (a restart, pg_terminate_backend). */
  const terminated = () =>
    Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      severity: "FATAL",
    });

  it.each([
    ["GET", `/api/charts/${id}`, undefined, refused],
    ["GET", "/api/charts", undefined, terminated],
    ["PUT", `/api/charts/${id}`, { document: minimal, version: 1 }, refused],
    [
      "POST",
      `/api/charts/${id}/operations`,
      { operations: [{ op: "removeRole", id: "a" }] },
      terminated,
    ],
    // The access gate's query (the access store) fails the same way.
    ["GET", `/api/charts/${id}/members`, undefined, refused],
  ] as const)(
    "%s %s answers 503 database_unavailable with Retry-After",
    async (method, path, body, error) => {
      const call = request(appWith(error()))[method.toLowerCase() as "get" | "put" | "post"](path);
      const res = await (body === undefined ? call : call.send(body));
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.body).toEqual({
        error: {
          code: "database_unavailable",
          message: "the database is not answering; try again in a few seconds",
          issues: [],
        },
      });
      expect(res.text).not.toMatch(/hunter2|db\.internal|ECONNREFUSED|57P01|administrator/);
      // Logged for whoever runs the server: a warning with the cause, not an error.
      const line = JSON.parse(logged.trim().split("\n").at(-2) ?? "{}");
      expect(line).toMatchObject({ level: 40, msg: "the database is not answering" });
      expect(logged).toContain(res.headers["x-request-id"]);
    },
  );

  it("reports the database degraded on /api/health with 503 and Retry-After", async () => {
    const res = await request(appWith(refused())).get("/api/health").expect(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body).toEqual({
      status: "degraded",
      database: "embedded",
      databaseReachable: false,
      databaseLatencyMs: null,
    });
    expect(res.text).not.toMatch(/hunter2|db\.internal|ECONNREFUSED/);
  });
});
