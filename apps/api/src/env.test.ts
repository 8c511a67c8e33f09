import { isAbsolute, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("gives the documented defaults for an empty environment", () => {
    expect(readEnv({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "127.0.0.1",
      ALLOWED_HOSTS: [],
      MAX_CONNECTIONS: 1000,
      DATA_DIR: resolve("./data"),
      LOG_LEVEL: "info",
      BODY_LIMIT: "16mb",
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      API_RATE_LIMIT: 1200,
      SIGN_IN_RATE_LIMIT: 10,
      HEADERS_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 60_000,
      LIVE_HEAL_MS: 5000,
      LIVE_CATCH_UP_LIMIT: 1000,
      HISTORY_COMPACT_AFTER_DAYS: 180,
      INTERCHANGE_QUEUE: 4,
      INTERCHANGE_PER_PRINCIPAL: 2,
      INTERCHANGE_TIMEOUT_MS: 60_000,
      INTERCHANGE_MEMORY_MB: 1024,
      DATABASE_POOL_SIZE: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
      DATABASE_LOCK_TIMEOUT_MS: 5000,
      DATABASE_TRANSACTION_TIMEOUT_MS: 60_000,
    });
  });

  it("resolves DATA_DIR to an absolute path", () => {
    const env = readEnv({ DATA_DIR: "some/where" });
    expect(isAbsolute(env.DATA_DIR)).toBe(true);
    expect(env.DATA_DIR).toBe(resolve("some/where"));
    expect(readEnv({ DATA_DIR: "/var/lib/rolemap" }).DATA_DIR).toBe("/var/lib/rolemap");
  });

  it("reads every variable it knows", () => {
    expect(
      readEnv({
        NODE_ENV: "production",
        PORT: "8080",
        HOST: "0.0.0.0",
        ALLOWED_HOSTS: "192.168.1.20, Rolemap.local",
        MAX_CONNECTIONS: "200",
        DATABASE_URL: "postgresql://app:secret@db:5432/rolemap",
        LOG_LEVEL: "warn",
        BODY_LIMIT: "32mb",
        WEB_DIST: "/srv/web",
        APP_ORIGIN: "https://rolemap.example.com/",
        CORS_ORIGINS: "https://a.example, https://b.example:8443/",
        TRUST_PROXY: "1",
        API_RATE_LIMIT: "0",
        SIGN_IN_RATE_LIMIT: "20",
        HEADERS_TIMEOUT_MS: "5000",
        REQUEST_TIMEOUT_MS: "30000",
        LIVE_HEAL_MS: "250",
        LIVE_CATCH_UP_LIMIT: "0",
        HISTORY_COMPACT_AFTER_DAYS: "0",
        INTERCHANGE_THREADS: "2",
        INTERCHANGE_QUEUE: "0",
        INTERCHANGE_PER_PRINCIPAL: "1",
        INTERCHANGE_TIMEOUT_MS: "30000",
        INTERCHANGE_MEMORY_MB: "512",
        DATABASE_POOL_SIZE: "20",
        DATABASE_CONNECT_TIMEOUT_MS: "2000",
        DATABASE_STATEMENT_TIMEOUT_MS: "30000",
        DATABASE_LOCK_TIMEOUT_MS: "1000",
        DATABASE_TRANSACTION_TIMEOUT_MS: "120000",
        UNRELATED: "ignored",
      }),
    ).toEqual({
      NODE_ENV: "production",
      PORT: 8080,
      HOST: "0.0.0.0",
      ALLOWED_HOSTS: ["192.168.1.20", "rolemap.local"],
      MAX_CONNECTIONS: 200,
      DATABASE_URL: "postgresql://app:secret@db:5432/rolemap",
      DATA_DIR: resolve("./data"),
      LOG_LEVEL: "warn",
      BODY_LIMIT: "32mb",
      WEB_DIST: "/srv/web",
      APP_ORIGIN: "https://rolemap.example.com",
      CORS_ORIGINS: ["https://a.example", "https://b.example:8443"],
      TRUST_PROXY: 1,
      API_RATE_LIMIT: 0,
      SIGN_IN_RATE_LIMIT: 20,
      HEADERS_TIMEOUT_MS: 5000,
      REQUEST_TIMEOUT_MS: 30_000,
      LIVE_HEAL_MS: 250,
      LIVE_CATCH_UP_LIMIT: 0,
      HISTORY_COMPACT_AFTER_DAYS: 0,
      INTERCHANGE_THREADS: 2,
      INTERCHANGE_QUEUE: 0,
      INTERCHANGE_PER_PRINCIPAL: 1,
      INTERCHANGE_TIMEOUT_MS: 30_000,
      INTERCHANGE_MEMORY_MB: 512,
      DATABASE_POOL_SIZE: 20,
      DATABASE_CONNECT_TIMEOUT_MS: 2000,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      DATABASE_LOCK_TIMEOUT_MS: 1000,
      DATABASE_TRANSACTION_TIMEOUT_MS: 120_000,
    });
  });

  it.each([
    ["APP_ORIGIN", "ftp://x.example"],
    ["CORS_ORIGINS", "https://ok.example,not a url"],
    ["HEADERS_TIMEOUT_MS", "10"],
    ["LIVE_HEAL_MS", "0"],
    ["HISTORY_COMPACT_AFTER_DAYS", "-1"],
    ["HISTORY_COMPACT_AFTER_DAYS", "1.5"],
    ["DATABASE_POOL_SIZE", "0"],
    ["DATABASE_LOCK_TIMEOUT_MS", "5"],
  ])("rejects %s=%s naming it", (name, value) => {
    expect(() => readEnv({ [name]: value })).toThrow(new RegExp(name));
  });

  it.each(["postgres://localhost/rolemap", "postgresql://postgres@127.0.0.1:5432/postgres"])(
    "accepts the PostgreSQL URL %s",
    (url) => {
      expect(readEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    },
  );

  it.each(["mysql://localhost/rolemap", "http://localhost:5432/rolemap", "not a url"])(
    "rejects DATABASE_URL=%s naming DATABASE_URL",
    (url) => {
      expect(() => readEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    },
  );

  it.each(["abc", "-1", "65536", "80.5"])("rejects PORT=%s naming PORT", (port) => {
    expect(() => readEnv({ PORT: port })).toThrow(/PORT/);
  });

  it.each([
    ["NODE_ENV", "staging"],
    ["LOG_LEVEL", "loud"],
  ])("rejects %s=%s naming it", (name, value) => {
    expect(() => readEnv({ [name]: value })).toThrow(new RegExp(name));
  });

  it("treats empty strings as unset", () => {
    expect(
      readEnv({ PORT: "", DATABASE_URL: "", DATA_DIR: "", BODY_LIMIT: "", NODE_ENV: "" }),
    ).toEqual(readEnv({}));
  });

  it("names every bad variable at once", () => {
    expect(() => readEnv({ PORT: "x", DATABASE_URL: "ftp://x" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});
