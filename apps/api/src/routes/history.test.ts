import { randomUUID } from "node:crypto";
import type { ChartDocument, ChartRecord, Operation, VersionSummary } from "@rolemap/contract";
import {
  ChartRecordSchema,
  VersionDocumentSchema,
  VersionsResponseSchema,
} from "@rolemap/contract";
import { summariseOperations } from "@rolemap/domain";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, smallChart, specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { type Credentials, call, inviteAccount, shareLink } from "../../test/principals";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function create(document: ChartDocument = specExample()): Promise<ChartRecord> {
  return (await request(t.app).post("/api/charts").send({ document }).expect(201)).body;
}
const read = async (id: string): Promise<ChartRecord> =>
  (await request(t.app).get(`/api/charts/${id}`).expect(200)).body;
const apply = async (id: string, operations: Operation[]) =>
  (await request(t.app).post(`/api/charts/${id}/operations`).send({ operations }).expect(200)).body
    .version as number;
const versions = (id: string, query = "") =>
  request(t.app).get(`/api/charts/${id}/versions${query}`);
const versionAt = (id: string, v: number | string) =>
  request(t.app).get(`/api/charts/${id}/versions/${v}`);
const restore = (id: string, body: unknown) =>
  request(t.app)
    .post(`/api/charts/${id}/restore`)
    .send(body as object);

const rename = (id: string, title: string): Operation => ({
  op: "updateRole",
  id,
  changes: { title },
});

describe("GET /api/charts/:id/versions", () => {
  it("lists every version newest first, with kind, author, time and summary", async () => {
    const made = await create();
    await apply(made.id, [rename("ceo", "Chief Executive")]);
    await request(t.app)
      .put(`/api/charts/${made.id}`)
      .send({ document: smallChart("Replaced"), version: 2 })
      .expect(200);
    const res = await versions(made.id).expect(200);
    expect(VersionsResponseSchema.parse(res.body)).toEqual(res.body);
    const list: VersionSummary[] = res.body.versions;
    expect(list.map((v) => [v.version, v.kind])).toEqual([
      [3, "replace"],
      [2, "operations"],
      [1, "create"],
    ]);
    for (const v of list) {
      expect(v.by.name).toBe("Olive Owner");
      expect(v.summary).not.toBe("");
      expect(Date.parse(v.at)).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(list[2]?.summary).toBe("created the chart");
    // In words, from the engine: what the batch did to the chart as it was.
    expect(list[1]?.summary).toBe(
      summariseOperations(made.document, [rename("ceo", "Chief Executive")]),
    );
    expect(list[1]?.summary).toMatch(/Chief Executive/);
    expect(res.body.next).toBeNull();
  });

  it("says where a chart's first version came from: an imported file, a scenario's original", async () => {
    const imported = await request(t.app)
      .post("/api/charts/import?format=json")
      .set("Content-Type", "application/json")
      .send(JSON.stringify(specExample()))
      .expect(201);
    const fromFile = await versions(imported.body.id).expect(200);
    expect(fromFile.body.versions[0]?.summary).toBe("imported the chart from a JSON file");

    const original = await create();
    await apply(original.id, [rename("ceo", "Chief Executive")]);
    const scenario = await request(t.app)
      .post(`/api/charts/${original.id}/scenarios`)
      .send({ name: "CISO under CIO" })
      .expect(201);
    const copied = await versions(scenario.body.id).expect(200);
    expect(copied.body.versions[0]?.summary).toBe(
      `copied "${original.document.name}" at version 2 as a scenario`,
    );
  });

  it("pages with before and limit, next naming the following page", async () => {
    const made = await create();
    for (let i = 0; i < 6; i += 1) await apply(made.id, [rename("ceo", `CEO ${i}`)]);
    const first = await versions(made.id, "?limit=3").expect(200);
    expect(first.body.versions.map((v: VersionSummary) => v.version)).toEqual([7, 6, 5]);
    expect(first.body.next).toBe(5);
    const second = await versions(made.id, `?limit=3&before=${first.body.next}`).expect(200);
    expect(second.body.versions.map((v: VersionSummary) => v.version)).toEqual([4, 3, 2]);
    expect(second.body.next).toBe(2);
    const last = await versions(made.id, `?limit=3&before=${second.body.next}`).expect(200);
    expect(last.body.versions.map((v: VersionSummary) => v.version)).toEqual([1]);
    expect(last.body.next).toBeNull();
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=201", "limit"],
    ["?limit=two", "limit"],
    ["?before=0", "before"],
    ["?before=1.5", "before"],
    ["?since=3", ""],
  ])("refuses the query %s with 400 naming %s", async (query, path) => {
    const made = await create();
    const res = await versions(made.id, query).expect(400);
    expect(expectError(res.body, "invalid_input")).toContain(path);
  });

  it("answers 404 for an unknown chart and 400 for an id that is not a UUID", async () => {
    expectError((await versions(randomUUID()).expect(404)).body, "not_found");
    expectError((await versions("nope").expect(400)).body, "invalid_input");
  });
});

describe("GET /api/charts/:id/versions/:v", () => {
  it("gives the document as it was at each version", async () => {
    const made = await create();
    const seen: ChartDocument[] = [made.document];
    for (const title of ["One", "Two", "Three"]) {
      await apply(made.id, [rename("ceo", title)]);
      seen.push((await read(made.id)).document);
    }
    for (const [index, document] of seen.entries()) {
      const res = await versionAt(made.id, index + 1).expect(200);
      expect(VersionDocumentSchema.parse(res.body)).toEqual(res.body);
      expect(res.body).toEqual({ id: made.id, version: index + 1, document });
    }
  });

  it("answers 404 for a version the chart has not reached, naming its version", async () => {
    const made = await create();
    const res = await versionAt(made.id, 2).expect(404);
    expectError(res.body, "not_found");
    expect(res.body.error.message).toMatch(/at version 1/);
  });

  it.each(["0", "-1", "x", "1.5"])("refuses version %s with 400", async (v) => {
    const made = await create();
    expectError((await versionAt(made.id, v).expect(400)).body, "invalid_input");
  });

  it("answers 404 for an unknown chart", async () => {
    expectError((await versionAt(randomUUID(), 1).expect(404)).body, "not_found");
  });
});

describe("POST /api/charts/:id/restore", () => {
  it("makes a new version whose document is the old one's; nothing is erased", async () => {
    const made = await create();
    await apply(made.id, [rename("ceo", "Changed")]);
    await apply(made.id, [{ op: "removeRole", id: "cto" }]);
    const res = await restore(made.id, { version: 1 }).expect(200);
    expect(ChartRecordSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toMatchObject({ id: made.id, version: 4, access: "owner" });
    expect(res.body.document).toEqual(made.document);
    expect((await read(made.id)).document).toEqual(made.document);
    const list = (await versions(made.id).expect(200)).body.versions as VersionSummary[];
    expect(list.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(list[0]).toMatchObject({ kind: "restore", restoredFrom: 1 });
    expect(list[0]?.summary).toMatch(/^restored version 1/);
    // The versions in between still read as they were.
    expect((await versionAt(made.id, 3).expect(200)).body.document.roles).not.toContainEqual(
      expect.objectContaining({ id: "cto" }),
    );
  });

  it.each([
    [{}, "version"],
    [{ version: 0 }, "version"],
    [{ version: "1" }, "version"],
    [{ version: 1, extra: true }, ""],
  ])("refuses the body %j with 400 naming %s", async (body, path) => {
    const made = await create();
    const res = await restore(made.id, body).expect(400);
    expect(expectError(res.body, "invalid_input")).toContain(path);
    expect((await read(made.id)).version).toBe(1);
  });

  it("answers 404 for a version the chart has not reached and changes nothing", async () => {
    const made = await create();
    expectError((await restore(made.id, { version: 5 }).expect(404)).body, "not_found");
    expect((await read(made.id)).version).toBe(1);
  });

  it("answers 404 for an unknown chart", async () => {
    expectError((await restore(randomUUID(), { version: 1 }).expect(404)).body, "not_found");
  });
});

describe("access to history (access.md)", () => {
  let chartId: string;
  let owner: Credentials;
  let editor: Credentials;
  let viewer: Credentials;
  let stranger: Credentials;
  beforeAll(async () => {
    const carla = await inviteAccount(t, "Carla");
    const erin = await inviteAccount(t, "Erin");
    const sam = await inviteAccount(t, "Sam");
    owner = carla.session;
    stranger = sam.session;
    chartId = (
      await call(t.anonymous, owner, "post", "/api/charts").send({ document: smallChart() })
    ).body.id;
    await call(t.anonymous, owner, "put", `/api/charts/${chartId}/members/${erin.account.id}`)
      .send({ access: "edit" })
      .expect(200);
    editor = erin.session;
    viewer = (await shareLink(t, owner, chartId, "view")).guest;
  });

  it.each([
    ["nobody", 401, 401, 401],
    ["a stranger", 404, 404, 404],
    ["a view guest", 200, 200, 403],
    ["an editor", 200, 200, 403],
    ["the owner", 200, 200, 200],
  ])("%s: list %i, version %i, restore %i", async (who, list, one, restored) => {
    const as: Credentials =
      who === "nobody"
        ? { kind: "none" }
        : who === "a stranger"
          ? stranger
          : who === "a view guest"
            ? viewer
            : who === "an editor"
              ? editor
              : owner;
    await call(t.anonymous, as, "get", `/api/charts/${chartId}/versions`).expect(list);
    await call(t.anonymous, as, "get", `/api/charts/${chartId}/versions/1`).expect(one);
    await call(t.anonymous, as, "post", `/api/charts/${chartId}/restore`)
      .send({ version: 1 })
      .expect(restored);
  });
});
