import { type ChartDocument, LIVE_CLOSE, type Operation } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, smallChart, specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";
import { type Credentials, call, inviteAccount, shareLink } from "../../test/principals";

/**
 * Scenarios (history.md): make, list, compare, promote — and who may, by the access rule
 * of principal.ts: a scenario is seen by whoever sees its original, at the higher of the
 * two levels. Carla owns the original; Mia is its view member, Eve its edit member, Zed a
 * stranger.
 */

let t: TestApp;
let carla: Credentials;
let mia: Credentials;
let eve: Credentials;
let zed: Credentials;

beforeAll(async () => {
  t = await startTestApp();
  carla = (await inviteAccount(t, "Carla")).session;
  mia = (await inviteAccount(t, "Mia")).session;
  eve = (await inviteAccount(t, "Eve")).session;
  zed = (await inviteAccount(t, "Zed")).session;
}, 60_000);
afterAll(() => t?.close());

const send = (who: Credentials, method: "get" | "post" | "put" | "delete", path: string) =>
  call(t.anonymous, who, method, path);

/** A chart of Carla's with Mia (view) and Eve (edit) as members. */
async function original(document: ChartDocument = specExample()): Promise<string> {
  const made = await send(carla, "post", "/api/charts").send({ document }).expect(201);
  const id: string = made.body.id;
  const members = [
    ["mia", "view"],
    ["eve", "edit"],
  ] as const;
  for (const [name, access] of members) {
    const me = await send(name === "mia" ? mia : eve, "get", "/api/auth/me").expect(200);
    await send(carla, "put", `/api/charts/${id}/members`)
      .send({ email: me.body.account.email, access })
      .expect(200);
  }
  return id;
}

async function scenario(who: Credentials, of: string, name = "CISO under CIO") {
  const res = await send(who, "post", `/api/charts/${of}/scenarios`).send({ name }).expect(201);
  return res.body as { id: string; version: number; document: ChartDocument; access: string };
}

const edit = (who: Credentials, id: string, operations: Operation[]) =>
  send(who, "post", `/api/charts/${id}/operations`).send({ operations });

const read = async (who: Credentials, id: string) =>
  (await send(who, "get", `/api/charts/${id}`).expect(200)).body;

const promote = (who: Credentials, id: string, body: object = {}) =>
  send(who, "post", `/api/charts/${id}/promote`).send(body);

describe("POST /api/charts/:id/scenarios", () => {
  it("copies the current document under the scenario's name, naming its original and base", async () => {
    const id = await original();
    await edit(carla, id, [{ op: "updateRole", id: "cto", changes: { holder: "Kim" } }]).expect(
      200,
    );
    const res = await send(carla, "post", `/api/charts/${id}/scenarios`)
      .send({ name: "  CISO under CIO " })
      .expect(201);
    const before = await read(carla, id);
    expect(res.headers.location).toBe(`/api/charts/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      updatedAt: expect.any(String),
      document: { ...before.document, name: "CISO under CIO" },
      access: "owner",
      scenarioOf: id,
      baseVersion: 2,
    });
    // Its record says so wherever it is read; the original's does not.
    const { access: _, ...stored } = res.body;
    expect(await read(carla, res.body.id)).toEqual({ ...stored, access: "owner" });
    expect(before.scenarioOf).toBeUndefined();
    expect(before.version).toBe(2);
  });

  it("makes a scenario of a scenario its sibling: the same original and base", async () => {
    const id = await original();
    const first = await scenario(carla, id);
    await edit(carla, first.id, [{ op: "updateRole", id: "cto", changes: { title: "CISO" } }]);
    await edit(carla, id, [{ op: "updateRole", id: "ceo", changes: { holder: "Lee" } }]);
    const second = await scenario(eve, first.id, "CISO, variant");
    expect(second).toMatchObject({ scenarioOf: id, baseVersion: 1, access: "owner" });
    expect(second.document.roles.find((r) => r.id === "cto")?.title).toBe("CISO");
    expect(second.document.roles.find((r) => r.id === "ceo")?.holder).toBe("Dana Smith");
  });

  it.each([
    [{}, "name"],
    [{ name: "   " }, "name"],
    [{ name: "x".repeat(121) }, "name"],
    [{ name: "ok", extra: 1 }, ""],
    [{ name: "nul\u0000" }, "name"],
  ])("answers 400 for %j and makes nothing", async (body, path) => {
    const id = await original();
    const res = await send(carla, "post", `/api/charts/${id}/scenarios`).send(body).expect(400);
    expect(expectError(res.body, "invalid_input")).toContain(path);
    expect((await send(carla, "get", `/api/charts/${id}/scenarios`)).body.scenarios).toEqual([]);
  });

  it("needs edit access: 403 for a view member, 404 for a stranger, 401 without a principal", async () => {
    const id = await original();
    await send(mia, "post", `/api/charts/${id}/scenarios`).send({ name: "x" }).expect(403);
    await send(zed, "post", `/api/charts/${id}/scenarios`).send({ name: "x" }).expect(404);
    await send({ kind: "none" }, "post", `/api/charts/${id}/scenarios`)
      .send({ name: "x" })
      .expect(401);
  });
});

describe("GET /api/charts/:id/scenarios", () => {
  it("lists the scenarios made from a chart, newest first, with who made them", async () => {
    const id = await original();
    const { guest } = await shareLink(t, carla, id, "edit", "Gus");
    const first = await scenario(carla, id, "First");
    const second = await scenario(guest, id, "Second");
    const res = await send(mia, "get", `/api/charts/${id}/scenarios`).expect(200);
    expect(res.body).toEqual({
      scenarios: [
        {
          id: second.id,
          name: "Second",
          scenarioOf: id,
          baseVersion: 1,
          version: 1,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          createdBy: { name: "Gus" },
          promotedAt: null,
          promotedVersion: null,
        },
        expect.objectContaining({ id: first.id, name: "First", createdBy: { name: "Carla" } }),
      ],
    });
    // A scenario has none of its own (siblings are its original's).
    expect((await send(carla, "get", `/api/charts/${first.id}/scenarios`)).body).toEqual({
      scenarios: [],
    });
    await send(zed, "get", `/api/charts/${id}/scenarios`).expect(404);
  });
});

describe("access to a scenario goes through its original", () => {
  it("shows the original's members its scenarios at their level, in the chart list too", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    expect((await read(mia, made.id)).access).toBe("view");
    expect((await read(eve, made.id)).access).toBe("edit");
    await edit(mia, made.id, [{ op: "updateRole", id: "cto", changes: { notes: "x" } }]).expect(
      403,
    );
    await edit(eve, made.id, [{ op: "updateRole", id: "cto", changes: { notes: "x" } }]).expect(
      200,
    );
    await send(zed, "get", `/api/charts/${made.id}`).expect(404);
    const listed = await send(mia, "get", "/api/charts?limit=200").expect(200);
    expect(listed.body.charts).toContainEqual(
      expect.objectContaining({ id: made.id, scenarioOf: id, access: "view" }),
    );
    const strangers = await send(zed, "get", "/api/charts?limit=200").expect(200);
    expect(strangers.body.charts.map((c: { id: string }) => c.id)).not.toContain(made.id);
  });

  it("answers 404 on the scenario to a member removed from the original", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await read(eve, made.id); // the grant is held in memory now
    const me = await send(eve, "get", "/api/auth/me").expect(200);
    await send(carla, "delete", `/api/charts/${id}/members/${me.body.account.id}`).expect(204);
    await send(eve, "get", `/api/charts/${made.id}`).expect(404);
    await edit(eve, made.id, [{ op: "updateRole", id: "cto", changes: { notes: "x" } }]).expect(
      404,
    );
    const listed = await send(eve, "get", "/api/charts?limit=200").expect(200);
    expect(listed.body.charts.map((c: { id: string }) => c.id)).not.toContain(made.id);
  });

  it("keeps a scenario its maker owns when they leave the original", async () => {
    const id = await original();
    const made = await scenario(eve, id);
    const me = await send(eve, "get", "/api/auth/me").expect(200);
    await send(carla, "delete", `/api/charts/${id}/members/${me.body.account.id}`).expect(204);
    expect((await read(eve, made.id)).access).toBe("owner");
    // The original's owner still sees it, through the original.
    expect((await read(carla, made.id)).access).toBe("owner");
  });

  it("lets a guest with an edit link make and edit scenarios, owned by the original's owner", async () => {
    const id = await original();
    const { guest } = await shareLink(t, carla, id, "edit");
    const made = await scenario(guest, id);
    expect(made.access).toBe("edit");
    await edit(guest, made.id, [
      { op: "updateRole", id: "cto", changes: { title: "CISO" } },
    ]).expect(200);
    const mine = await send(carla, "get", "/api/charts?limit=200").expect(200);
    expect(mine.body.charts).toContainEqual(
      expect.objectContaining({ id: made.id, access: "owner", scenarioOf: id }),
    );
    const listed = await send(guest, "get", "/api/charts").expect(200);
    expect(listed.body.charts.map((c: { id: string }) => c.id).sort()).toEqual(
      [id, made.id].sort(),
    );
  });

  it("gives a view guest its level on the scenarios and takes them away with a revoked link", async () => {
    const id = await original();
    const { guest, linkId } = await shareLink(t, carla, id, "view");
    const made = await scenario(carla, id);
    expect((await read(guest, made.id)).access).toBe("view");
    await send(guest, "post", `/api/charts/${id}/scenarios`).send({ name: "x" }).expect(403);
    await send(carla, "delete", `/api/charts/${id}/links/${linkId}`).expect(204);
    await send(guest, "get", `/api/charts/${made.id}`).expect(401);
  });

  it("leaves a scenario a chart of its own when its original is deleted", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await read(eve, made.id);
    await send(carla, "delete", `/api/charts/${id}`).expect(204);
    const record = await read(carla, made.id);
    expect(record.scenarioOf).toBeUndefined();
    expect(record.baseVersion).toBeUndefined();
    await send(eve, "get", `/api/charts/${made.id}`).expect(404);
    const res = await promote(carla, made.id).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["id"]);
  });
});

describe("GET /api/charts/:a/compare/:b", () => {
  it("tells what b changes relative to a, naming both", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await edit(carla, made.id, [
      { op: "updateRole", id: "cto", changes: { title: "CISO" } },
      { op: "removeAssignment", assignment: { role: "cio", responsibility: "infra", code: "A" } },
    ]).expect(200);
    const res = await send(mia, "get", `/api/charts/${id}/compare/${made.id}`).expect(200);
    expect(res.body.a).toEqual({ id, name: "Acme technology leadership", version: 1 });
    expect(res.body.b).toEqual({ id: made.id, name: "CISO under CIO", version: 2 });
    expect(res.body.diff.roles.changed).toEqual([
      expect.objectContaining({ id: "cto", fields: { title: ["CTO", "CISO"] } }),
    ]);
    expect(res.body.diff.cells.removed).toEqual([
      { role: "cio", responsibility: "infra", code: "A" },
    ]);
  });

  it("compares any two charts the principal can see, and 404s when it cannot see either", async () => {
    const a = await original();
    const b = await original(smallChart("Other"));
    const res = await send(eve, "get", `/api/charts/${a}/compare/${b}`).expect(200);
    expect(res.body.diff.roles.removed.map((r: { id: string }) => r.id)).toEqual(["cio"]);
    const hidden = (await send(zed, "post", "/api/charts").send({ document: smallChart() })).body
      .id;
    for (const path of [`${a}/compare/${hidden}`, `${hidden}/compare/${a}`]) {
      const denied = await send(eve, "get", `/api/charts/${path}`).expect(404);
      expectError(denied.body, "not_found");
    }
    const bad = await send(eve, "get", `/api/charts/${a}/compare/nope`).expect(400);
    expect(expectError(bad.body, "invalid_input")).toEqual(["b"]);
  });
});

describe("POST /api/charts/:scenario/promote", () => {
  const title = (document: ChartDocument, id: string) =>
    document.roles.find((role) => role.id === id)?.title;

  it("applies the scenario's changes to the original as one new version and moves its base", async () => {
    const id = await original();
    const made = await scenario(eve, id);
    await edit(eve, made.id, [{ op: "updateRole", id: "cto", changes: { title: "CISO" } }]);
    await edit(eve, made.id, [
      { op: "addLine", line: { manager: "cio", report: "cto", kind: "dotted" } },
    ]);
    const res = await promote(carla, made.id).expect(200);
    expect(res.body).toEqual({ id, version: 2, applied: 2 });
    const after = await read(carla, id);
    expect(after.document.name).toBe("Acme technology leadership");
    expect(title(after.document, "cto")).toBe("CISO");
    const rows = await t.database.prisma.chartVersion.findMany({
      where: { chartId: id },
      orderBy: { version: "asc" },
    });
    expect(rows.map((row) => [row.version, row.kind, row.promotedFromId])).toEqual([
      [1, "create", null],
      [2, "promote", made.id],
    ]);
    expect(rows[1]?.promotedFromName).toBe("CISO under CIO");
    const listed = await send(carla, "get", `/api/charts/${id}/scenarios`).expect(200);
    expect(listed.body.scenarios[0]).toMatchObject({
      id: made.id,
      baseVersion: 2,
      promotedVersion: 2,
      promotedAt: expect.any(String),
    });
    expect((await read(eve, made.id)).baseVersion).toBe(2);

    // A second promote applies only what changed since.
    await edit(carla, id, [{ op: "updateRole", id: "cto", changes: { holder: "Pat" } }]);
    await edit(eve, made.id, [{ op: "updateRole", id: "ceo", changes: { title: "Chief" } }]);
    const again = await promote(carla, made.id).expect(200);
    expect(again.body).toEqual({ id, version: 4, applied: 1 });
    const latest = (await read(carla, id)).document;
    expect(title(latest, "ceo")).toBe("Chief");
    expect(latest.roles.find((role: { id: string }) => role.id === "cto")?.holder).toBe("Pat");
  });

  it("promotes the scenario as it was at a version when one is given", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await edit(carla, made.id, [{ op: "updateRole", id: "cto", changes: { title: "CISO" } }]);
    await edit(carla, made.id, [{ op: "updateRole", id: "ceo", changes: { title: "Chief" } }]);
    await promote(carla, made.id, { version: 2 }).expect(200);
    const after = (await read(carla, id)).document;
    expect([title(after, "cto"), title(after, "ceo")]).toEqual(["CISO", "CEO"]);
    const res = await promote(carla, made.id, { version: 9 }).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["version"]);
  });

  it("answers 409 promote_conflict listing each clash when the original changed the same things, and changes nothing", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await edit(carla, made.id, [
      { op: "updateRole", id: "cto", changes: { title: "CISO" } },
      { op: "updateRole", id: "ceo", changes: { holder: "Lee" } },
    ]);
    await edit(carla, id, [
      { op: "updateRole", id: "cto", changes: { title: "Chief Technology Officer" } },
      { op: "updateRole", id: "ceo", changes: { holder: "Kim" } },
    ]).expect(200);
    const before = await read(carla, id);
    const res = await promote(carla, made.id).expect(409);
    const paths = expectError(res.body, "promote_conflict");
    expect(paths.sort()).toEqual(["roles.ceo.holder", "roles.cto.title"]);
    expect(await read(carla, id)).toEqual(before);
    expect((await read(carla, made.id)).baseVersion).toBe(1);
    const listed = await send(carla, "get", `/api/charts/${id}/scenarios`).expect(200);
    expect(listed.body.scenarios[0].promotedAt).toBeNull();
  });

  it("never lets an edit of the original slip in between the merge and its write", async () => {
    for (let round = 0; round < 4; round++) {
      const id = await original();
      const made = await scenario(carla, id);
      await edit(carla, made.id, [{ op: "updateRole", id: "cto", changes: { title: "CISO" } }]);
      const [promoted, edited] = await Promise.all([
        promote(carla, made.id),
        edit(carla, id, [{ op: "updateRole", id: "cto", changes: { title: "Chief" } }]),
      ]);
      expect(edited.status).toBe(200);
      // Promoted first, or refused: a promote written after the edit would have clashed.
      if (promoted.status === 200) expect(promoted.body.version).toBeLessThan(edited.body.version);
      else expect(expectError(promoted.body, "promote_conflict")).toEqual(["roles.cto.title"]);
      expect(title((await read(carla, id)).document, "cto")).toBe("Chief");
    }
  });

  it("merges a disjoint change of the original with the scenario's, and brings it into the scenario", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await edit(carla, made.id, [{ op: "updateRole", id: "cto", changes: { title: "CISO" } }]);
    await edit(carla, id, [{ op: "updateRole", id: "ceo", changes: { holder: "Kim" } }]);
    await promote(carla, made.id).expect(200);
    const after = (await read(carla, id)).document;
    expect(title(after, "cto")).toBe("CISO");
    expect(after.roles.find((role: { id: string }) => role.id === "ceo")?.holder).toBe("Kim");
    // The scenario took the original's change: a second promote does not undo it.
    const rebased = await read(carla, made.id);
    expect(rebased.document).toEqual({ ...after, name: "CISO under CIO" });
    expect(rebased.baseVersion).toBe(3);
    await promote(carla, made.id).expect(200);
    expect((await read(carla, id)).document).toEqual(after);
  });

  it("answers 409 conflict, changing nothing, when the original's base version cannot be rebuilt", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await edit(carla, id, [{ op: "updateRole", id: "ceo", changes: { holder: "Kim" } }]);
    // Its history lost (the rows a rebuild starts from are gone).
    await t.database.prisma.chartSnapshot.deleteMany({ where: { chartId: id } });
    const before = await read(carla, id);
    const res = await promote(carla, made.id).expect(409);
    expectError(res.body, "conflict");
    expect(await read(carla, id)).toEqual(before);
  });

  it("is the original owner's: 403 to an editor and to the scenario's maker, 404 to a stranger", async () => {
    const id = await original();
    const made = await scenario(eve, id);
    const { guest } = await shareLink(t, carla, id, "edit");
    for (const who of [eve, mia, guest]) {
      const res = await promote(who, made.id).expect(403);
      expectError(res.body, "forbidden");
    }
    await promote(zed, made.id).expect(404);
    await promote({ kind: "none" }, made.id).expect(401);
    expect((await read(carla, id)).version).toBe(1);
  });

  it("answers 400 for a chart that is not a scenario and for a body it does not know", async () => {
    const id = await original();
    const res = await promote(carla, id).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["id"]);
    const made = await scenario(carla, id);
    for (const body of [{ version: 0 }, { version: "2" }, { other: 1 }]) {
      const bad = await promote(carla, made.id, body).expect(400);
      expectError(bad.body, "invalid_input");
    }
  });
});

describe("live connections", () => {
  const cookieOf = (who: Credentials) => ({ cookie: (who as { cookie: string }).cookie });
  let live: Awaited<ReturnType<typeof startLiveServer>>;
  // Last in this file: closing the server closes the app's live side.
  beforeAll(async () => {
    live = await startLiveServer(t);
  });
  afterAll(() => live?.close());

  it("closes a scenario's connection at once when its user is removed from the original", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    const { client, welcome } = await LiveClient.join(live.url(made.id), cookieOf(eve));
    expect(welcome.you.access).toBe("edit");
    const me = await send(eve, "get", "/api/auth/me").expect(200);
    const started = Date.now();
    await send(carla, "delete", `/api/charts/${id}/members/${me.body.account.id}`).expect(204);
    expect(await client.closed).toMatchObject({ code: LIVE_CLOSE.revoked });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("closes a scenario's connection at once when its original is deleted and it saw the scenario only through it", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    const { client } = await LiveClient.join(live.url(made.id), cookieOf(eve));
    const started = Date.now();
    await send(carla, "delete", `/api/charts/${id}`).expect(204);
    expect(await client.closed).toMatchObject({ code: LIVE_CLOSE.revoked });
    expect(Date.now() - started).toBeLessThan(1000);
    // The scenario's own owner keeps it, live too.
    const kept = await LiveClient.join(live.url(made.id), cookieOf(carla));
    expect(kept.welcome.you.access).toBe("owner");
    await kept.client.close();
  });

  it("sends a promote to the original's connections as applied", async () => {
    const id = await original();
    const made = await scenario(carla, id);
    await edit(carla, made.id, [{ op: "updateRole", id: "cto", changes: { title: "CISO" } }]);
    const { client } = await LiveClient.join(live.url(id), cookieOf(mia));
    await promote(carla, made.id).expect(200);
    const applied = await client.next("applied");
    expect(applied).toMatchObject({ version: 2 });
    expect(JSON.stringify(applied)).toContain("CISO");
    await client.close();
  });
});
