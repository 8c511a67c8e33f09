import pino from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { SecurityOptions } from "../app";
import { createApp } from "../app";
import { TEST_PASSWORD_COST } from "../auth/secrets";
import type { AccessStore } from "../services/access-store";
import type { ChartStore } from "../services/chart-store";
import { allowedHostNames, hostnameOf } from "./allowed-hosts";

/** The API description and static routes never reach a store: an unreachable one is enough here. */
const nowhere = new Proxy({ kind: "embedded" } as unknown as ChartStore & AccessStore, {
  get: (target, name) =>
    name === "kind"
      ? "embedded"
      : name in target
        ? target[name as keyof typeof target]
        : async () => {
            throw new Error(`the store was reached (${String(name)})`);
          },
});

const appWith = (security: Partial<SecurityOptions> = {}) =>
  createApp({
    store: nowhere,
    accessStore: nowhere,
    logger: pino({ level: "silent" }),
    bodyLimit: "1mb",
    security: { passwordCost: TEST_PASSWORD_COST, ...security },
  });

const ask = (app: ReturnType<typeof appWith>, host: string) =>
  request(app).get("/api/openapi.json").set("Host", host);

describe("hostnameOf", () => {
  it.each([
    ["localhost:3000", "localhost"],
    ["LOCALHOST", "localhost"],
    ["127.0.0.1:80", "127.0.0.1"],
    ["[::1]:3000", "::1"],
    ["[::1]", "::1"],
    ["rolemap.example.com.", "rolemap.example.com"],
    ["Rolemap.Example.com:443", "rolemap.example.com"],
  ])("%s → %s", (host, name) => {
    expect(hostnameOf(host)).toBe(name);
  });
});

describe("the host names the server answers to", () => {
  it("are the loopback names by default, with any port", async () => {
    const app = appWith();
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "localhost"])
      await ask(app, host).expect(200);
  });

  it("refuse any other name with 421 unknown_host, before any route (DNS rebinding)", async () => {
    const app = appWith();
    const res = await ask(app, "evil.example:3000").expect(421);
    expect(res.body.error.code).toBe("unknown_host");
    expect(res.body.error.message).toContain('"evil.example"');
    expect(res.body.error.message).toContain("ALLOWED_HOSTS");
    // Not only the API: the web app's shell and anything unknown too.
    await request(app).get("/").set("Host", "evil.example").expect(421);
    await request(app).post("/api/auth/login").set("Host", "evil.example").send({}).expect(421);
  });

  it("include APP_ORIGIN's host name and those ALLOWED_HOSTS adds", async () => {
    const app = appWith({
      appOrigin: "https://rolemap.example.com",
      allowedHosts: ["192.168.1.20", "Rolemap.Local"],
    });
    await ask(app, "rolemap.example.com").expect(200);
    await ask(app, "192.168.1.20:3000").expect(200);
    await ask(app, "rolemap.local:3000").expect(200);
    await ask(app, "localhost:3000").expect(200);
    await ask(app, "other.example.com").expect(421);
  });

  it("take X-Forwarded-Host only from a trusted proxy", async () => {
    const forwarded = (app: ReturnType<typeof appWith>, name: string) =>
      request(app).get("/api/openapi.json").set("Host", "localhost").set("X-Forwarded-Host", name);
    const direct = appWith();
    await forwarded(direct, "evil.example").expect(200); // the Host is what counts here
    const proxied = appWith({ trustProxy: true, appOrigin: "https://rolemap.example.com" });
    await forwarded(proxied, "evil.example").expect(421);
    await forwarded(proxied, "rolemap.example.com").expect(200);
  });

  it("are built from the configuration once", () => {
    expect([...allowedHostNames("https://a.example:8443", ["B.example."])].sort()).toEqual(
      ["127.0.0.1", "::1", "a.example", "b.example", "localhost"].sort(),
    );
  });
});
