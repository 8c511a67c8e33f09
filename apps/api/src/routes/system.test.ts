import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl, startTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("GET /api/health", () => {
  it("answers ok with the database kind", async () => {
    const res = await request(t.app).get("/api/health").expect(200);
    expect(res.body).toEqual({
      status: "ok",
      database: serverUrl === undefined ? "embedded" : "postgres",
    });
  });
});
