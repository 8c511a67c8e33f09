import type { ChartDocument, Operation } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical } from "../../../../packages/domain/src/testing/canonical";
import { specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";
import { call } from "../../test/principals";

let t: TestApp;
let live: Awaited<ReturnType<typeof startLiveServer>>;
beforeAll(async () => {
  t = await startTestApp();
  live = await startLiveServer(t);
});
afterAll(async () => {
  await live?.close();
  await t?.close();
});

describe("POST /api/charts/:id/restore, live", () => {
  it("reaches a live connection as `applied`, which brings it to the restored document", async () => {
    const owner = { kind: "bearer", token: t.owner.token } as const;
    const made = (
      await call(t.anonymous, owner, "post", "/api/charts").send({ document: specExample() })
    ).body;
    const edits: Operation[] = [
      { op: "updateRole", id: "ceo", changes: { title: "Chief Executive" } },
      { op: "removeRole", id: "cto" },
    ];
    await call(t.anonymous, owner, "post", `/api/charts/${made.id}/operations`)
      .send({ operations: edits })
      .expect(200);
    const { client, welcome } = await LiveClient.join(live.url(made.id), { token: t.owner.token });
    expect(welcome.version).toBe(2);
    const held = welcome.chart as ChartDocument;

    const restored = await call(t.anonymous, owner, "post", `/api/charts/${made.id}/restore`)
      .send({ version: 1 })
      .expect(200);

    const applied = await client.next("applied");
    expect(applied).toMatchObject({ version: 3, by: { name: "Olive Owner", peer: null } });
    const replayed = applyOperations(held, applied.operations);
    if (!replayed.ok) throw new Error(JSON.stringify(replayed.issues));
    expect(canonical(replayed.document)).toBe(canonical(restored.body.document));
    expect(canonical(replayed.document)).toBe(canonical(made.document));
    await client.close();
  });
});
