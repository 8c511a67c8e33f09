import { applyOperations } from "@rolemap/domain";
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical } from "../../../../packages/domain/src/testing/canonical";
import { editArb } from "../../../../packages/domain/src/testing/operation-arbitraries";
import { startTestApp, type TestApp } from "../../test/harness";

/**
 * history.md's promise for promote: with no concurrent change of the original, the original
 * becomes exactly the scenario's document (its own name kept). Random charts, random
 * batches of edits on the scenario, over HTTP on the real database. Replay a failure with
 * `PROMOTE_SEED=… npx vitest run src/routes/scenarios.property.test.ts`.
 */

const SEED = Number(process.env.PROMOTE_SEED ?? 20261208);
const RUNS = Number(process.env.PROMOTE_RUNS ?? 20);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("POST /api/charts/:scenario/promote", () => {
  it("with no concurrent change gives exactly the scenario's document", async () => {
    await fc.assert(
      fc.asyncProperty(editArb(), async ([chart, operations]) => {
        fc.pre(applyOperations(chart, operations).ok);
        const made = await request(t.app).post("/api/charts").send({ document: chart }).expect(201);
        const id: string = made.body.id;
        const copy = await request(t.app)
          .post(`/api/charts/${id}/scenarios`)
          .send({ name: "What if" })
          .expect(201);
        await request(t.app)
          .post(`/api/charts/${copy.body.id}/operations`)
          .send({ operations })
          .expect(200);
        const scenario = await request(t.app).get(`/api/charts/${copy.body.id}`).expect(200);

        const promoted = await request(t.app)
          .post(`/api/charts/${copy.body.id}/promote`)
          .send({})
          .expect(200);
        expect(promoted.body.version).toBe(2);
        const after = await request(t.app).get(`/api/charts/${id}`).expect(200);
        expect(canonical(after.body.document)).toBe(
          canonical({ ...scenario.body.document, name: made.body.document.name }),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
