import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallChart } from "../../test/fixtures/charts";
import { openTestDatabase, type TestDatabase } from "../../test/harness";
import type { RoundStore } from "../services/round-store";
import { createPrismaAccessStore } from "./prisma-access-store";
import { createPrismaChartStore } from "./prisma-chart-store";
import { createPrismaRoundStore } from "./prisma-round-store";

let db: TestDatabase;
let rounds: RoundStore;
let newChart: () => Promise<string>;
beforeAll(async () => {
  db = await openTestDatabase();
  rounds = createPrismaRoundStore(db.database);
  const charts = createPrismaChartStore(db.database);
  const owner = await createPrismaAccessStore(db.database).createOwner({
    id: randomUUID(),
    email: "owner@example.com",
    name: "Owner",
    passwordHash: "-",
  });
  if (owner === "already_set_up") throw new Error("a fresh database has no accounts");
  const counts = { roles: 2, responsibilities: 1, errors: 0, warnings: 0, infos: 0 };
  newChart = async () => (await charts.create({ document: smallChart(), counts }, owner.id)).id;
});
afterAll(() => db?.close());

const roundOn = (chartId: string) => ({
  id: randomUUID(),
  chartId,
  responsibilities: ["product"],
  roles: ["ceo", "cto"],
  startedByName: "Owner",
  startedAt: new Date(),
});

describe("createPrismaRoundStore", () => {
  it("opens one round per chart however many starts race", async () => {
    const chartId = await newChart();
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => rounds.start(roundOn(chartId))),
    );
    const started = outcomes.filter((o) => o.status === "started");
    expect(started).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "open_exists")).toHaveLength(5);
    expect(await rounds.list(chartId)).toHaveLength(1);
    expect(await rounds.start(roundOn(randomUUID()))).toEqual({ status: "no_chart" });
  });

  it("takes no vote after the reveal, however votes and the reveal race", async () => {
    const chartId = await newChart();
    const outcome = await rounds.start(roundOn(chartId));
    if (outcome.status !== "started") throw new Error("the round did not start");
    const id = outcome.round.id;
    const voters = Array.from({ length: 8 }, (_, i) => ({ key: `v${i}`, name: `Voter ${i}` }));
    const cell = { responsibility: "product", role: "cto", codes: ["A" as const] };
    const save = (voter: { key: string; name: string }) =>
      rounds.saveVotes(chartId, id, voter, [cell]);
    const [before, revealed, after] = await Promise.all([
      Promise.all(voters.slice(0, 4).map(save)),
      rounds.reveal(chartId, id, new Date()),
      Promise.all(voters.slice(4).map(save)),
    ]);
    expect(revealed.status).toBe("revealed");
    const votes = [...before, ...after];
    const saved = votes.filter((r) => r.status === "saved").length;
    // Every vote answered "saved" is counted; every other one was told "revealed".
    expect((await rounds.participants([id])).get(id) ?? 0).toBe(saved);
    expect(votes.filter((r) => r.status === "revealed")).toHaveLength(8 - saved);
    expect(await save({ key: "late", name: "Late" })).toMatchObject({ status: "revealed" });
  });

  it("keeps codes in RACI order and drops empty cells", async () => {
    const chartId = await newChart();
    const outcome = await rounds.start(roundOn(chartId));
    if (outcome.status !== "started") throw new Error("the round did not start");
    const voter = { key: "guest:abc", name: "Guest" };
    await rounds.saveVotes(chartId, outcome.round.id, voter, [
      { responsibility: "product", role: "cto", codes: ["I", "A", "R"] },
      { responsibility: "product", role: "ceo", codes: [] },
    ]);
    expect(await rounds.votesOf(outcome.round.id, "guest:abc")).toEqual([
      {
        voter: "guest:abc",
        voterName: "Guest",
        responsibility: "product",
        role: "cto",
        codes: ["R", "A", "I"],
      },
    ]);
    expect(await rounds.remove(chartId, outcome.round.id)).toBe(true);
    expect(await rounds.votes(outcome.round.id)).toEqual([]);
  });
});
