import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallChart } from "../../test/fixtures/charts";
import { OWNER, startTestApp, type TestApp } from "../../test/harness";
import { type Credentials, call, HOST, sessionCookie, shareLink } from "../../test/principals";
import { createApp, type SecurityOptions } from "../app";
import { TEST_PASSWORD_COST } from "../auth/secrets";
import { createHttpServer } from "../server";
import { inlineScriptHashes } from "./security-headers";

let t: TestApp;
let session: Credentials;
beforeAll(async () => {
  t = await startTestApp();
  const res = await call(t.anonymous, { kind: "none" }, "post", "/api/auth/login")
    .send({ email: OWNER.email, password: OWNER.password })
    .expect(200);
  session = { kind: "cookie", cookie: sessionCookie(res) };
});
afterAll(() => t?.close());

/** The same database behind an app with other security settings. */
function appWith(
  security: Partial<SecurityOptions>,
  extra: { webDist?: string; logger?: pino.Logger } = {},
) {
  return createApp({
    store: t.store,
    accessStore: t.accessStore,
    logger: extra.logger ?? pino({ level: "silent" }),
    bodyLimit: "1mb",
    ...(extra.webDist === undefined ? {} : { webDist: extra.webDist }),
    security: { passwordCost: TEST_PASSWORD_COST, allowedHosts: [HOST], ...security },
  });
}

const chartCount = async () => await t.database.prisma.chart.count();

describe("security headers", () => {
  const INDEX = `<!doctype html><html><head><script>window.early = 1;</script>
<script type="module" src="/assets/app.js"></script></head><body></body></html>`;
  let web: ReturnType<typeof createApp>;
  beforeAll(() => {
    const dist = mkdtempSync(path.join(tmpdir(), "rolemap-web-"));
    writeFileSync(path.join(dist, "index.html"), INDEX);
    web = appWith({}, { webDist: dist });
  });

  it.each([
    ["an API answer", "/api/health", 200],
    ["an error", "/api/charts/not-a-uuid", 401],
    ["an unknown API route", "/api/nothing-here", 401],
    ["the app shell", "/charts/123", 200],
    ["a share link page", "/s/some-token", 200],
  ])("are on %s", async (_what, url, status) => {
    const res = await request(web).get(url).expect(status);
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("allows index.html's own inline script by its hash and no other", async () => {
    const res = await request(web).get("/").expect(200);
    const hash = `'sha256-${createHash("sha256").update("window.early = 1;").digest("base64")}'`;
    // The src= script is not inline: one hash only.
    expect(inlineScriptHashes(INDEX)).toEqual([hash]);
    expect(res.headers["content-security-policy"]).toContain(`script-src 'self' ${hash}`);
  });
});

describe("cross-site requests", () => {
  it("refuse a cross-site form post to the import route and store nothing", async () => {
    const before = await chartCount();
    // What a page on another origin can make a browser send: a text/plain form post.
    const res = await request(t.anonymous)
      .post("/api/charts/import?format=json")
      .set("Host", HOST)
      .set("Cookie", (session as { cookie: string }).cookie)
      .set("Origin", "https://evil.example")
      .set("Content-Type", "text/plain")
      .send(JSON.stringify(smallChart("Planted")))
      .expect(403);
    expect(res.body.error.code).toBe("cross_site");
    expect(await chartCount()).toBe(before);
  });

  it.each([
    ["another origin", { Origin: "https://evil.example" }],
    ["a look-alike origin", { Origin: `http://${HOST}.evil.example` }],
    ["the null origin of a sandboxed frame", { Origin: "null" }],
    ["no Origin and a cross-site fetch", { "Sec-Fetch-Site": "cross-site" }],
    ["no Origin and no Sec-Fetch-Site", {}],
  ])("refuse a cookie-authenticated change from %s", async (_what, headers) => {
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    for (const [method, path, body] of [
      [
        "post",
        `/api/charts/${made.body.id}/operations`,
        { operations: [{ op: "removeRole", id: "ceo" }] },
      ],
      ["put", `/api/charts/${made.body.id}`, { document: smallChart(), version: 1 }],
      ["delete", `/api/charts/${made.body.id}`, undefined],
      ["post", "/api/charts", { template: "classic-split" }],
      ["post", "/api/auth/logout", undefined],
    ] as const) {
      const req = request(t.anonymous)
        [method](path)
        .set("Host", HOST)
        .set("Cookie", (session as { cookie: string }).cookie)
        .set(headers);
      const res = await (body === undefined ? req : req.send(body));
      expect({ path, method, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        method,
        status: 403,
        code: "cross_site",
      });
    }
    const after = await call(t.anonymous, owner, "get", `/api/charts/${made.body.id}`).expect(200);
    expect(after.body.version).toBe(1);
    await call(t.anonymous, session, "get", "/api/auth/me").expect(200); // still signed in
  });

  it("accept the app's own origin, and same-origin fetches without Origin", async () => {
    await call(t.anonymous, session, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    await request(t.anonymous)
      .post("/api/charts")
      .set("Host", HOST)
      .set("Cookie", (session as { cookie: string }).cookie)
      .set("Sec-Fetch-Site", "same-origin")
      .send({ template: "classic-split" })
      .expect(201);
  });

  it("accept Bearer requests from anywhere: a page cannot forge the header", async () => {
    await request(t.anonymous)
      .post("/api/charts")
      .set("Authorization", `Bearer ${t.owner.token}`)
      .set("Origin", "https://ci.example")
      .send({ template: "classic-split" })
      .expect(201);
  });

  it("refuse a cross-site sign-in (login CSRF) even without a cookie", async () => {
    const res = await request(t.anonymous)
      .post("/api/auth/login")
      .set("Origin", "https://evil.example")
      .send({ email: OWNER.email, password: OWNER.password })
      .expect(403);
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("check the origin against APP_ORIGIN when it is configured", async () => {
    const app = appWith({ appOrigin: "https://rolemap.example.com" });
    const send = (origin: string) =>
      request(app)
        .post("/api/charts")
        .set("Host", HOST)
        .set("Cookie", (session as { cookie: string }).cookie)
        .set("Origin", origin)
        .send({ template: "classic-split" });
    await send("https://rolemap.example.com").expect(201);
    await send(`http://${HOST}`).expect(403);
  });
});

describe("CORS", () => {
  it("sends no Access-Control-Allow-Origin to a foreign origin's preflight or request", async () => {
    const preflight = await request(t.anonymous)
      .options("/api/charts")
      .set("Origin", "https://evil.example")
      .set("Access-Control-Request-Method", "POST")
      .set("Access-Control-Request-Headers", "content-type");
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
    const get = await request(t.anonymous).get("/api/health").set("Origin", "https://evil.example");
    expect(get.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows exactly the origins CORS_ORIGINS names", async () => {
    const app = appWith({ corsOrigins: ["https://intranet.example"] });
    const allowed = await request(app)
      .options("/api/charts")
      .set("Origin", "https://intranet.example")
      .set("Access-Control-Request-Method", "POST")
      .expect(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://intranet.example");
    const other = await request(app)
      .options("/api/charts")
      .set("Origin", "https://evil.example")
      .set("Access-Control-Request-Method", "POST");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("rate limits", () => {
  it("answer 429 after repeated wrong passwords, and only to that address", async () => {
    const app = appWith({
      trustProxy: true,
      rateLimits: { signIn: { limit: 10, windowMs: 60_000 }, api: { limit: 0, windowMs: 60_000 } },
    });
    const attempt = (ip: string, password: string) =>
      request(app)
        .post("/api/auth/login")
        .set("Host", HOST)
        .set("Origin", `http://${HOST}`)
        .set("X-Forwarded-For", ip)
        .send({ email: OWNER.email, password });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt("203.0.113.7", `wrong ${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    const limited = await attempt("203.0.113.7", OWNER.password).expect(429);
    expect(limited.body.error.code).toBe("rate_limited");
    // Someone else, elsewhere, signs in.
    await attempt("198.51.100.1", OWNER.password).expect(200);
  });

  it("limit API requests per principal, not for everyone", async () => {
    const app = appWith({
      rateLimits: { signIn: { limit: 0, windowMs: 60_000 }, api: { limit: 5, windowMs: 60_000 } },
    });
    const owner: Credentials = { kind: "bearer", token: t.owner.token };
    for (let i = 0; i < 5; i++) await call(app, owner, "get", "/api/charts").expect(200);
    const res = await call(app, owner, "get", "/api/charts").expect(429);
    expect(res.body.error.code).toBe("rate_limited");
    expect(res.headers.ratelimit).toBeDefined();
    // Another principal is not affected.
    const made = await call(t.anonymous, owner, "post", "/api/charts")
      .send({ template: "classic-split" })
      .expect(201);
    const { guest } = await shareLink(t, owner, made.body.id, "view");
    await call(app, guest, "get", `/api/charts/${made.body.id}`).expect(200);
  });
});

describe("logs", () => {
  it("hold neither cookies, Authorization headers nor share-link secrets", async () => {
    let logged = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const dist = mkdtempSync(path.join(tmpdir(), "rolemap-web-"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Rolemap</title>");
    const app = appWith({}, { logger: pino({ level: "info" }, sink), webDist: dist });
    const cookie = (session as { cookie: string }).cookie;
    await call(app, session, "get", "/api/charts").expect(200);
    await call(app, { kind: "bearer", token: t.owner.token }, "get", "/api/charts").expect(200);
    const login = await call(app, { kind: "none" }, "post", "/api/auth/login")
      .send({ email: OWNER.email, password: OWNER.password })
      .expect(200);
    const linkToken = "Xv3FsecretLinkTokenThatMustNotBeLogged0000";
    await request(app).get(`/s/${linkToken}`).expect(200);

    expect(logged).toContain('"url":"/api/charts"'); // requests are logged…
    expect(logged).toContain("/s/[redacted]");
    const secrets = [
      cookie.split("=")[1] as string,
      t.owner.token,
      sessionCookie(login).split("=")[1] as string,
      linkToken,
      OWNER.password,
    ];
    for (const secret of secrets) expect(logged).not.toContain(secret);
    expect(logged.toLowerCase()).not.toContain('"cookie"');
    expect(logged.toLowerCase()).not.toContain('"authorization"');
    expect(logged.toLowerCase()).not.toContain("set-cookie");
  });
});

/**
 * Sends `start` on a raw connection to a server with short deadlines, then nothing more;
 * answers what the server sent before it closed the connection, and how long that took.
 */
async function stallAfter(start: string): Promise<{ answer: string; ms: number }> {
  const server = createHttpServer(appWith({}), { headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(start));
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
      });
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
      setTimeout(() => reject(new Error("the connection was still open after 10 s")), 10_000);
    });
    return { answer, ms: Date.now() - started };
  } finally {
    server.close();
  }
}

describe("timeouts", () => {
  it("cut off a client that stalls while sending its headers", async () => {
    // Slowloris: the request line and one header, then nothing more.
    const { answer, ms } = await stallAfter("GET /api/health HTTP/1.1\r\nHost: x\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5000);
  });

  it("cut off a client that stalls while sending its body", async () => {
    const { answer, ms } = await stallAfter(
      "POST /api/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(6000);
  });
});
