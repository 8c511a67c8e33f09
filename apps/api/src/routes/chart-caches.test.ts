import { type ChartRecord, ChartRecordSchema } from "@rolemap/contract";
import { getTemplate } from "@rolemap/domain";
import { exportMatrixCsv } from "@rolemap/interchange";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";
import {
  type Credentials,
  call,
  createToken,
  inviteAccount,
  sessionCookie,
  shareLink,
} from "../../test/principals";

/**
 * What is kept in memory for GET /api/charts/:id — the chart's bytes per version, and the
 * sessions, tokens and grants of the access checks — is never out of date: every write path
 * changes what the next GET sends, and every change of access is obeyed by the next request.
 */

let t: TestApp;
let owner: Credentials;
beforeAll(async () => {
  t = await startTestApp();
  owner = { kind: "bearer", token: t.owner.token };
});
afterAll(() => t?.close());

const template = () => {
  const found = getTemplate("classic-split");
  if (found === undefined) throw new Error("template classic-split is gone");
  return found.document;
};

async function newChart(who: Credentials = owner): Promise<ChartRecord> {
  const res = await call(t.anonymous, who, "post", "/api/charts")
    .send({ document: template() })
    .expect(201);
  return ChartRecordSchema.parse(res.body);
}

const get = (who: Credentials, id: string) => call(t.anonymous, who, "get", `/api/charts/${id}`);

/** GETs the chart twice (the second from what was kept) and checks both against `expected`. */
async function expectServed(who: Credentials, expected: ChartRecord) {
  for (let n = 0; n < 2; n++) {
    const res = await get(who, expected.id).expect(200);
    expect(res.body).toEqual(expected);
  }
}

describe("GET /api/charts/:id, kept per version", () => {
  it("answers the same JSON as the write that made the version", async () => {
    const created = await newChart();
    const res = await get(owner, created.id).expect(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(res.text)).toEqual(created);
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.text));
  });

  it("answers 304 to an unchanged chart, and the new chart once it changed", async () => {
    const created = await newChart();
    const first = await get(owner, created.id).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/); // strong
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    const again = await get(owner, created.id).set("If-None-Match", etag).expect(304);
    expect(again.text).toBe("");
    await call(t.anonymous, owner, "post", `/api/charts/${created.id}/operations`)
      .send({ operations: [{ op: "updateChart", name: "Renamed" }] })
      .expect(200);
    const changed = await get(owner, created.id).set("If-None-Match", etag).expect(200);
    expect(changed.body.document.name).toBe("Renamed");
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("gives each access level its own ETag and access field", async () => {
    const created = await newChart();
    const viewer = await shareLink(t, owner, created.id, "view");
    const asOwner = await get(owner, created.id).expect(200);
    const asGuest = await get(viewer.guest, created.id)
      .set("If-None-Match", asOwner.headers.etag as string)
      .expect(200);
    expect(asGuest.body.access).toBe("view");
    expect(asGuest.headers.etag).not.toBe(asOwner.headers.etag);
  });

  it("sends each write path's new version: operations, PUT, a restore, import into it, live", async () => {
    const created = await newChart();
    await expectServed(owner, created);

    const operated = await call(t.anonymous, owner, "post", `/api/charts/${created.id}/operations`)
      .send({ operations: [{ op: "updateRole", id: "ceo", changes: { title: "Chief" } }] })
      .expect(200);
    const afterOperations = (await get(owner, created.id).expect(200)).body as ChartRecord;
    expect(afterOperations.version).toBe(operated.body.version);
    expect(afterOperations.document.roles.find((r) => r.id === "ceo")?.title).toBe("Chief");
    await expectServed(owner, afterOperations);

    const replaced = await call(t.anonymous, owner, "put", `/api/charts/${created.id}`)
      .send({
        document: { ...afterOperations.document, name: "Replaced" },
        version: afterOperations.version,
      })
      .expect(200);
    await expectServed(owner, replaced.body);

    // A restore: an earlier version's document put back.
    const restored = await call(t.anonymous, owner, "put", `/api/charts/${created.id}`)
      .send({ document: created.document, version: replaced.body.version })
      .expect(200);
    expect(restored.body.document).toEqual(created.document);
    await expectServed(owner, restored.body);

    const edited = structuredClone(created.document);
    edited.assignments = edited.assignments.filter((a) => a.code !== "I");
    const merged = await call(
      t.anonymous,
      owner,
      "post",
      `/api/charts/import?format=matrix-csv&into=${created.id}`,
    )
      .set("Content-Type", "text/csv")
      .send(exportMatrixCsv(edited))
      .expect(200);
    expect(merged.body.version).toBe(restored.body.version + 1);
    await expectServed(owner, merged.body);

    const live = await startLiveServer(t);
    try {
      const { client } = await LiveClient.join(live.url(created.id), { token: t.owner.token });
      client.send({
        type: "ops",
        batch: crypto.randomUUID(),
        base: merged.body.version,
        operations: [{ op: "updateChart", name: "Renamed live" }],
      });
      const ack = await client.next("ack");
      const byLive = (await get(owner, created.id).expect(200)).body as ChartRecord;
      expect(byLive.version).toBe(ack.version);
      expect(byLive.document.name).toBe("Renamed live");
      await expectServed(owner, byLive);
      client.socket.close();
    } finally {
      await live.close();
    }
  });

  it("answers 404 once the chart is deleted, to every principal, and refuses new links", async () => {
    const created = await newChart();
    const viewer = await shareLink(t, owner, created.id, "view");
    await expectServed(owner, created);
    await get(viewer.guest, created.id).expect(200);
    await call(t.anonymous, owner, "delete", `/api/charts/${created.id}`).expect(204);
    await get(owner, created.id).expect(404);
    await get(viewer.guest, created.id).expect(401); // its link went with the chart
    await call(t.anonymous, owner, "post", `/api/charts/${created.id}/links`)
      .send({ access: "view" })
      .expect(404);
    await call(t.anonymous, owner, "get", `/api/charts/${created.id}/links`).expect(404);
  });
});

describe("access kept in memory", () => {
  it("stops a removed member at once, even with a matching ETag", async () => {
    const carla = await inviteAccount(t, "Carla");
    const mia = await inviteAccount(t, "Mia");
    const created = await newChart(carla.session);
    await call(t.anonymous, carla.session, "put", `/api/charts/${created.id}/members`)
      .send({ email: mia.account.email, access: "edit" })
      .expect(200);
    const seen = await get(mia.session, created.id).expect(200);
    await get(mia.session, created.id).expect(200);

    await call(
      t.anonymous,
      carla.session,
      "put",
      `/api/charts/${created.id}/members/${mia.account.id}`,
    )
      .send({ access: "view" })
      .expect(200);
    await call(t.anonymous, mia.session, "post", `/api/charts/${created.id}/operations`)
      .send({ operations: [{ op: "updateChart", name: "Not mine to change" }] })
      .expect(403);
    const asViewer = await get(mia.session, created.id).expect(200);
    expect(asViewer.body.access).toBe("view");

    await call(
      t.anonymous,
      carla.session,
      "delete",
      `/api/charts/${created.id}/members/${mia.account.id}`,
    ).expect(204);
    await get(mia.session, created.id)
      .set("If-None-Match", seen.headers.etag as string)
      .expect(404);
    await get(mia.session, created.id).expect(404);
  });

  it("stops a revoked link's guest at once", async () => {
    const created = await newChart();
    const link = await shareLink(t, owner, created.id, "edit");
    await get(link.guest, created.id).expect(200);
    await get(link.guest, created.id).expect(200);
    await call(
      t.anonymous,
      owner,
      "delete",
      `/api/charts/${created.id}/links/${link.linkId}`,
    ).expect(204);
    await get(link.guest, created.id).expect(401);
    await call(t.anonymous, link.guest, "get", "/api/auth/me").expect(401);
  });

  it("stops a signed-out session at once", async () => {
    const created = await newChart();
    const login = await call(t.anonymous, { kind: "none" }, "post", "/api/auth/login")
      .send({ email: "owner@example.com", password: "owner-password-1" })
      .expect(200);
    const session: Credentials = { kind: "cookie", cookie: sessionCookie(login) };
    await get(session, created.id).expect(200);
    await get(session, created.id).expect(200);
    await call(t.anonymous, session, "post", "/api/auth/logout").expect(204);
    await get(session, created.id).expect(401);
  });

  it("stops a revoked API token at once", async () => {
    const created = await newChart();
    const token = await createToken(t, owner, "soon revoked");
    await get(token.bearer, created.id).expect(200);
    await get(token.bearer, created.id).expect(200);
    await call(t.anonymous, owner, "delete", `/api/tokens/${token.id}`).expect(204);
    await get(token.bearer, created.id).expect(401);
  });

  it("stops a removed account's sessions and tokens at once, and its charts pass on", async () => {
    const dora = await inviteAccount(t, "Dora");
    const token = await createToken(t, dora.session);
    const created = await newChart(dora.session);
    await get(dora.session, created.id).expect(200);
    await get(token.bearer, created.id).expect(200);
    // The admin has no right to Dora's chart yet.
    await get(owner, created.id).expect(404);
    await call(t.anonymous, owner, "delete", `/api/admin/accounts/${dora.account.id}`).expect(204);
    await get(dora.session, created.id).expect(401);
    await get(token.bearer, created.id).expect(401);
    expect((await get(owner, created.id).expect(200)).body.access).toBe("owner");
  });
});
