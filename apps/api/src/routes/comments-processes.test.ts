import { COMMENT_BODY_MAX, type CommentMessage } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { serverUrl, withPostgresDatabase } from "../../test/harness";
import { LiveClient } from "../../test/live-client";
import { type ServerProcess, setUpOwnerToken, startServerProcess } from "../../test/server-process";

/**
 * Two real API processes on one PostgreSQL database: a comment changed through one reaches
 * the live connections held by the other, whatever its size (the bus carries only its id;
 * each process reads it from the database), each connection with its own `mine`.
 * Needs a PostgreSQL server: skipped unless ROLEMAP_TEST_DATABASE_URL is set.
 */

describe.skipIf(serverUrl === undefined)("comments across two API processes", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let token = "";
  let release: () => void = () => {};
  let dropped: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    const url = await new Promise<string>((resolve, reject) => {
      const held = new Promise<void>((done) => {
        release = done;
      });
      dropped = withPostgresDatabase(async (created) => {
        resolve(created);
        await held;
      });
      dropped.catch(reject);
    });
    [a, b] = await Promise.all([
      startServerProcess({ DATABASE_URL: url, API_RATE_LIMIT: "0" }),
      startServerProcess({ DATABASE_URL: url, API_RATE_LIMIT: "0" }),
    ]);
    token = await setUpOwnerToken(a.baseUrl);
  }, 240_000);

  afterAll(async () => {
    for (const server of [a, b]) server?.child.kill("SIGTERM");
    await Promise.all([a?.exited, b?.exited]);
    release();
    await dropped;
  });

  /** A request as the owner (API token) or as a browser with a cookie on the server's origin. */
  const http = (
    server: ServerProcess,
    method: string,
    route: string,
    body?: unknown,
    cookie?: string,
  ) =>
    fetch(`${server.baseUrl}${route}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(cookie === undefined
          ? { authorization: `Bearer ${token}` }
          : { cookie, origin: server.baseUrl }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const wsUrl = (server: ServerProcess, chartId: string) =>
    `${server.baseUrl.replace("http", "ws")}/api/charts/${chartId}/live`;

  it("reaches the other process's connections: add, resolve and delete, a 5,000-character body too", async () => {
    const chart = await http(a, "POST", "/api/charts", { document: specExample() });
    const chartId = ((await chart.json()) as { id: string }).id;
    // A guest who entered through B, with comment access.
    const link = await http(a, "POST", `/api/charts/${chartId}/links`, { access: "comment" });
    const { url } = (await link.json()) as { url: string };
    const entered = await http(b, "POST", "/api/auth/guest", {
      token: url.replace("/s/", ""),
      name: "Gus",
    });
    expect(entered.status).toBe(200);
    const guestCookie = (entered.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

    const onA = (await LiveClient.join(wsUrl(a, chartId), { token })).client;
    const onB = (await LiveClient.join(wsUrl(b, chartId), { token })).client;
    const guestOnB = (await LiveClient.join(wsUrl(b, chartId), { cookie: guestCookie })).client;
    const clients = [onA, onB, guestOnB];
    const next = () => Promise.all(clients.map((client) => client.next("comment")));

    // Far over PostgreSQL's 8,000-byte NOTIFY limit once encoded (4 bytes a character).
    const body = "😀".repeat(COMMENT_BODY_MAX);
    const posted = await http(
      b,
      "POST",
      `/api/charts/${chartId}/comments`,
      { target: { role: "cio" }, body },
      guestCookie,
    );
    expect(posted.status).toBe(201);
    const created = (await posted.json()) as { id: string };
    const added = await next();
    expect(added.map((m) => [m.id, m.body === body, m.author.name, m.mine])).toEqual([
      [created.id, true, "Gus", false],
      [created.id, true, "Gus", false],
      [created.id, true, "Gus", true],
    ]);

    const resolved = await http(a, "PATCH", `/api/charts/${chartId}/comments/${created.id}`, {
      resolved: true,
    });
    expect(resolved.status).toBe(200);
    expect((await next()).map((m) => m.resolvedBy)).toEqual(clients.map(() => ({ name: "Owner" })));

    const deleted = await http(a, "DELETE", `/api/charts/${chartId}/comments/${created.id}`);
    expect(deleted.status).toBe(204);
    const gone = await next();
    expect(gone[2]).toEqual<CommentMessage>({
      type: "comment",
      deleted: true,
      id: created.id,
      target: { role: "cio" },
      replyTo: null,
      author: { name: "Gus" },
      body: "",
      createdAt: added[2]?.createdAt ?? "",
      editedAt: null,
      resolvedAt: expect.any(String),
      resolvedBy: { name: "Owner" },
      targetRemoved: false,
      mine: true,
    });
    expect(gone.map((m) => m.mine)).toEqual([false, false, true]);
    for (const client of clients) client.close();
  });
});
