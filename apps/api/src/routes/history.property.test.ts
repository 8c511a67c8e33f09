import type { ChartDocument, ChartRecord } from "@rolemap/contract";
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallChartArbitrary } from "../../../../packages/domain/src/testing/arbitraries";
import { canonical } from "../../../../packages/domain/src/testing/canonical";
import { batchArb } from "../../../../packages/domain/src/testing/operation-arbitraries";
import { startTestApp, type TestApp } from "../../test/harness";

/**
 * For random edits through the real routes (batches of operations, some refused, and
 * whole replacements), every version reads back as the chart was when it was made, and
 * restoring any of them gives exactly its document. Replay a failure with the seed
 * fast-check prints: `HISTORY_PROPERTY_SEED=… npx vitest run src/routes/history.property.test.ts`.
 */

const RUNS = Number(process.env.HISTORY_PROPERTY_RUNS ?? 25);
const SEED = process.env.HISTORY_PROPERTY_SEED;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** A batch made for the chart as it is then (by a seed), or a whole new document. */
const stepArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ batchSeed: fc.integer({ min: 0, max: 0x7fffffff }) }) },
  { weight: 1, arbitrary: fc.record({ replacement: smallChartArbitrary }) },
);

type Step = { batchSeed: number } | { replacement: ChartDocument };

/** Makes the edits; answers each version's document as the API gave it right after. */
async function edit(start: ChartDocument, steps: Step[]) {
  const made: ChartRecord = (
    await request(t.app).post("/api/charts").send({ document: start }).expect(201)
  ).body;
  const seen = new Map<number, ChartDocument>([[1, made.document]]);
  let current = made;
  for (const step of steps) {
    const res =
      "batchSeed" in step
        ? await request(t.app)
            .post(`/api/charts/${made.id}/operations`)
            .send({
              operations: fc.sample(batchArb(current.document), {
                seed: step.batchSeed,
                numRuns: 1,
              })[0],
            })
        : await request(t.app)
            .put(`/api/charts/${made.id}`)
            .send({ document: step.replacement, version: current.version });
    // A batch that does not apply to the chart as it is is refused, changing nothing.
    if (res.status === 400) continue;
    expect(res.status).toBe(200);
    current = (await request(t.app).get(`/api/charts/${made.id}`).expect(200)).body;
    seen.set(current.version, current.document);
  }
  return { id: made.id, seen, last: current.version };
}

describe("history, for random edits", () => {
  it("gives every version's document as it was, and restore(v) gives exactly v's", async () => {
    await fc.assert(
      fc.asyncProperty(
        smallChartArbitrary,
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (start, steps, pick) => {
          const { id, seen, last } = await edit(start, steps);
          expect([...seen.keys()]).toEqual(Array.from({ length: last }, (_, i) => i + 1));
          for (const [version, document] of seen) {
            const res = await request(t.app).get(`/api/charts/${id}/versions/${version}`);
            expect(res.status).toBe(200);
            expect(canonical(res.body.document)).toBe(canonical(document));
          }
          const version = (pick % last) + 1;
          const restored = await request(t.app)
            .post(`/api/charts/${id}/restore`)
            .send({ version })
            .expect(200);
          const expected = canonical(seen.get(version));
          expect(restored.body.version).toBe(last + 1);
          expect(canonical(restored.body.document)).toBe(expected);
          const now = await request(t.app).get(`/api/charts/${id}`).expect(200);
          expect(canonical(now.body.document)).toBe(expected);
          const after = await request(t.app).get(`/api/charts/${id}/versions/${last + 1}`);
          expect(canonical(after.body.document)).toBe(expected);
        },
      ),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: Number(SEED) }) },
    );
  }, 120_000);
});
