import { randomUUID } from "node:crypto";
import type { ChartDocument, ChartRecord, Finding, Operation } from "@rolemap/contract";
import { OperationsResponseSchema } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, specExample } from "../../test/fixtures/charts";
import { OPERATION_CASES } from "../../test/fixtures/operation-cases";
import { startTestApp, type TestApp } from "../../test/harness";

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
const post = (id: string, body: unknown) =>
  request(t.app)
    .post(`/api/charts/${id}/operations`)
    .send(body as object);
const base = specExample();
const rules = (findings: Finding[]) =>
  findings.map((f) => `${f.rule} ${f.roles} ${f.responsibilities}`);

describe("POST /api/charts/:id/operations, one kind at a time", () => {
  it.each(OPERATION_CASES)("applies $name", async ({ operations, expected, finding }) => {
    const made = await create();
    const res = await post(made.id, { operations }).expect(200);
    expect(OperationsResponseSchema.parse(res.body)).toEqual(res.body);
    const after = await read(made.id);
    expect(after.document).toEqual(expected(structuredClone(base)));
    expect(res.body).toEqual({
      id: made.id,
      version: 2,
      updatedAt: after.updatedAt,
      findings: validateChart(after.document),
    });
    expect(after.version).toBe(2);
    if (finding !== undefined) expect(rules(res.body.findings)).toContain(finding);
  });
});

describe("POST /api/charts/:id/operations, findings and batches", () => {
  it("reports a missing A, then none once one is added, then two when a second is", async () => {
    const made = await create();
    const sec: Operation = {
      op: "addResponsibility",
      responsibility: { id: "sec", name: "Security" },
    };
    const added = await post(made.id, { operations: [sec] }).expect(200);
    expect(rules(added.body.findings)).toContain("raci/no-accountable  sec");
    const a = (role: string): Operation => ({
      op: "addAssignment",
      assignment: { role, responsibility: "sec", code: "A" },
    });
    const one = await post(made.id, { operations: [a("ceo")] }).expect(200);
    expect(rules(one.body.findings).filter((r) => r.endsWith(" sec"))).toEqual([
      "raci/no-responsible  sec",
    ]);
    const two = await post(made.id, { operations: [a("cio")] }).expect(200);
    expect(rules(two.body.findings)).toContain("raci/multiple-accountable ceo,cio sec");
    expect(two.body.version).toBe(4);
    const stored = await request(t.app).get(`/api/charts/${made.id}/findings`).expect(200);
    expect(stored.body.findings).toEqual(two.body.findings);
  });

  it("applies a batch in order, each operation seeing the ones before it", async () => {
    const made = await create();
    const res = await post(made.id, {
      operations: [
        { op: "addRole", role: { id: "cfo", title: "CFO" } },
        { op: "addLine", line: { manager: "ceo", report: "cfo", kind: "solid" } },
        { op: "addAssignment", assignment: { role: "cfo", responsibility: "infra", code: "R" } },
        { op: "removeRole", id: "cfo" },
      ],
    }).expect(200);
    expect(res.body.version).toBe(2);
    expect((await read(made.id)).document).toEqual(base);
  });
});

describe("POST /api/charts/:id/operations, failures change nothing", () => {
  it.each([
    {
      what: "a batch where some operations do not apply",
      operations: [
        { op: "addRole", role: { id: "cfo", title: "CFO" } },
        { op: "updateRole", id: "cxo", changes: { title: "X" } },
        { op: "addAssignment", assignment: { role: "cfo", responsibility: "nope", code: "R" } },
        { op: "moveResponsibility", id: "infra", index: 2 },
        { op: "addRole", role: { id: "coo", title: "COO" }, index: 9 },
      ],
      paths: [
        "operations[1].id",
        "operations[2].assignment.responsibility",
        "operations[3].index",
        "operations[4].index",
      ],
    },
    {
      what: "an updateRole with an empty title",
      operations: [{ op: "updateRole", id: "cio", changes: { title: "" } }],
      paths: ["operations[0].changes.title"],
    },
    {
      what: "an updateChart with a blank name",
      operations: [{ op: "updateChart", name: "   " }],
      paths: ["operations[0].name"],
    },
    {
      what: "an unknown operation",
      operations: [{ op: "renameRole", id: "cio" }],
      paths: ["operations[0].op"],
    },
    { what: "an empty batch", operations: [], paths: ["operations"] },
    {
      what: "an operation with an extra field",
      operations: [{ op: "removeRole", id: "cto", cascade: true }],
      paths: ["operations[0]"],
    },
  ])("answers 400 for $what", async ({ operations, paths }) => {
    const made = await create();
    const res = await post(made.id, { operations }).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(paths);
    expect(await read(made.id)).toEqual(made);
  });

  it("answers 400, not a 500, for text the database cannot store", async () => {
    const made = await create();
    const operations = [
      { op: "addRole", role: { id: "cfo", title: "CFO" } },
      { op: "updateRole", id: "cio", changes: { notes: "line\u0000break" } },
      { op: "addRole", role: { id: "x\udc00", title: "X" } },
    ];
    const res = await post(made.id, { operations }).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual([
      "operations[1].changes.notes",
      "operations[2].role.id",
    ]);
    expect(await read(made.id)).toEqual(made);
  });

  it.each([
    ["no operations key", {}],
    [
      "a version that is not an integer",
      { operations: [{ op: "removeRole", id: "cto" }], version: "1" },
    ],
  ])("answers 400 for a body with %s", async (_what, body) => {
    const made = await create();
    expectError((await post(made.id, body).expect(400)).body, "invalid_input");
    expect(await read(made.id)).toEqual(made);
  });

  it("applies with the current version and answers 409 with a stale one", async () => {
    const made = await create();
    const op: Operation = { op: "removeRole", id: "cto" };
    await post(made.id, { operations: [op], version: 1 }).expect(200);
    const stale = await post(made.id, {
      operations: [{ op: "removeRole", id: "cio" }],
      version: 1,
    }).expect(409);
    expectError(stale.body, "version_conflict");
    const now = await read(made.id);
    expect(now.version).toBe(2);
    expect(now.document.roles.map((r) => r.id)).toEqual(["ceo", "cio"]);
  });

  it("answers 404 for an unknown chart and 400 for an id that is not a UUID", async () => {
    const body = { operations: [{ op: "removeRole", id: "cto" }] };
    expectError((await post(randomUUID(), body).expect(404)).body, "not_found");
    expect(expectError((await post("nope", body).expect(400)).body, "invalid_input")).toEqual([
      "id",
    ]);
  });
});

describe("POST /api/charts/:id/operations, concurrency", () => {
  it("loses no update when 20 batches arrive at once", async () => {
    const made = await create();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(made.id, {
          operations: [{ op: "addRole", role: { id: `new${i}`, title: `New ${i}` } }],
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.map((a) => a.body.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    const after = await read(made.id);
    expect(after.version).toBe(21);
    const ids = after.document.roles.map((r) => r.id);
    for (let i = 0; i < 20; i++) expect(ids).toContain(`new${i}`);
    expect(ids).toHaveLength(23);
  });

  it("lets exactly one of several batches at the same version through", async () => {
    const made = await create();
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        post(made.id, {
          operations: [{ op: "addRole", role: { id: `x${i}`, title: "X" } }],
          version: 1,
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const after = await read(made.id);
    expect(after.version).toBe(2);
    expect(after.document.roles).toHaveLength(4);
  });
});
