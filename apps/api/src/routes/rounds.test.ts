import type { ChartDocument, Round, RoundVote } from "@rolemap/contract";
import { RoundSchema, RoundsResponseSchema } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";
import { type Credentials, call, inviteAccount, shareLink } from "../../test/principals";

/** Three roles, two rows; names a spreadsheet would run as formulas, to check the CSV. */
const workshopChart = (): ChartDocument => ({
  format: "rolemap.chart/v1",
  name: "Workshop",
  roles: [
    { id: "cio", title: "CIO" },
    { id: "cto", title: "CTO" },
    { id: "ciso", title: '=HYPERLINK("http://evil.example","CISO")' },
  ],
  reportingLines: [],
  responsibilities: [
    { id: "security", name: "Security" },
    { id: "budget", name: "+SUM(A1:A9)" },
  ],
  assignments: [{ role: "cio", responsibility: "security", code: "A" }],
});

const HOSTILE_NAME = '=HYPERLINK("http://evil.example","click")';

let t: TestApp;
let owner: Credentials;
let mia: Credentials;
let miaEmail: string;
let commentGuest: Credentials;
let viewGuest: Credentials;
let chartId: string;

const path = (tail = "") => `/api/charts/${chartId}/rounds${tail}`;
const cell = (responsibility: string, role: string, codes: RoundVote["codes"]): RoundVote => ({
  responsibility,
  role,
  codes,
});

async function newChart(): Promise<string> {
  const made = await call(t.anonymous, owner, "post", "/api/charts")
    .send({ document: workshopChart() })
    .expect(201);
  const id: string = made.body.id;
  await call(t.anonymous, owner, "put", `/api/charts/${id}/members`)
    .send({ email: miaEmail, access: "comment" })
    .expect(200);
  return id;
}

async function start(body: object = { responsibilities: ["security", "budget"] }): Promise<Round> {
  const res = await call(t.anonymous, owner, "post", path()).send(body).expect(201);
  return RoundSchema.parse(res.body);
}
const vote = (who: Credentials, roundId: string, votes: RoundVote[]) =>
  call(t.anonymous, who, "put", path(`/${roundId}/votes`)).send({ votes });
const read = async (who: Credentials, roundId: string): Promise<Round> =>
  RoundSchema.parse((await call(t.anonymous, who, "get", path(`/${roundId}`)).expect(200)).body);
const reveal = async (roundId: string): Promise<Round> =>
  RoundSchema.parse(
    (await call(t.anonymous, owner, "post", path(`/${roundId}/reveal`)).expect(200)).body,
  );
const remove = (roundId: string) =>
  call(t.anonymous, owner, "delete", path(`/${roundId}`)).expect(204);

beforeAll(async () => {
  t = await startTestApp();
  owner = { kind: "bearer", token: t.owner.token };
  const invited = await inviteAccount(t, "Mia");
  mia = invited.session;
  miaEmail = invited.account.email;
  chartId = await newChart();
  commentGuest = (await shareLink(t, owner, chartId, "comment", HOSTILE_NAME)).guest;
  viewGuest = (await shareLink(t, owner, chartId, "view", "Vera")).guest;
}, 60_000);
afterAll(() => t?.close());

describe("POST /api/charts/:id/rounds", () => {
  it("opens a round on the chosen rows with every role, privately, and refuses a second", async () => {
    const round = await start();
    expect(round).toMatchObject({
      chartId,
      status: "open",
      responsibilities: ["security", "budget"],
      roles: ["cio", "cto", "ciso"],
      startedBy: { name: "Olive Owner" },
      revealedAt: null,
      participants: 0,
      mine: [],
      results: null,
    });
    const again = await call(t.anonymous, owner, "post", path())
      .send({ responsibilities: ["budget"] })
      .expect(409);
    expectError(again.body, "conflict");
    expect(again.body.error.message).toContain(round.id);
    await remove(round.id);
  });

  it("names every id the chart lacks, and stores nothing", async () => {
    const res = await call(t.anonymous, owner, "post", path())
      .send({ responsibilities: ["security", "nope"], roles: ["cto", "ghost"] })
      .expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["responsibilities[1]", "roles[1]"]);
    const list = await call(t.anonymous, owner, "get", path()).expect(200);
    expect(list.body).toEqual({ rounds: [] });
  });

  it("refuses a body the contract refuses, with its paths", async () => {
    const res = await call(t.anonymous, owner, "post", path())
      .send({ responsibilities: [], extra: 1 })
      .expect(400);
    expect(expectError(res.body, "invalid_input").sort()).toEqual(["", "responsibilities"]);
  });

  it("is the owner's: a member with comment access may not start one", async () => {
    const res = await call(t.anonymous, mia, "post", path())
      .send({ responsibilities: ["security"] })
      .expect(403);
    expectError(res.body, "forbidden");
  });

  it("answers 404 for a chart no one has", async () => {
    await call(t.anonymous, owner, "post", `/api/charts/${crypto.randomUUID()}/rounds`)
      .send({ responsibilities: ["security"] })
      .expect(404);
  });
});

describe("PUT /api/charts/:id/rounds/:rid/votes and the privacy of an open round", () => {
  let round: Round;
  beforeAll(async () => {
    round = await start({ responsibilities: ["security"], roles: ["cio", "cto"] });
  });
  afterAll(() => remove(round.id));

  it("keeps each person's codes to themselves until the reveal", async () => {
    const mine = await vote(mia, round.id, [
      cell("security", "cio", ["A"]),
      cell("security", "cto", ["R"]),
    ]).expect(200);
    expect(RoundSchema.parse(mine.body)).toMatchObject({
      participants: 1,
      mine: [cell("security", "cio", ["A"]), cell("security", "cto", ["R"])],
      results: null,
    });
    await vote(commentGuest, round.id, [cell("security", "cto", ["A", "R"])]).expect(200);

    // Neither the owner, nor the other participant, nor a viewer sees anyone else's codes.
    for (const who of [owner, viewGuest]) {
      const seen = await read(who, round.id);
      expect(seen).toMatchObject({ participants: 2, mine: [], results: null });
    }
    expect((await read(commentGuest, round.id)).mine).toEqual([
      cell("security", "cto", ["R", "A"]),
    ]);
    expect((await read(mia, round.id)).mine).toHaveLength(2);
    const listed = await call(t.anonymous, owner, "get", path()).expect(200);
    const rounds = RoundsResponseSchema.parse(listed.body).rounds;
    expect(rounds.map((r) => [r.id, r.mine, r.results])).toEqual([[round.id, [], null]]);
  });

  it("replaces the asker's votes; an empty list takes them out of the count", async () => {
    await vote(mia, round.id, [cell("security", "cto", ["C"])]).expect(200);
    expect((await read(mia, round.id)).mine).toEqual([cell("security", "cto", ["C"])]);
    const emptied = await vote(mia, round.id, [cell("security", "cio", [])]).expect(200);
    expect(emptied.body).toMatchObject({ participants: 1, mine: [] });
    await vote(mia, round.id, [cell("security", "cio", ["A"])]).expect(200);
  });

  it("refuses cells outside the round and a cell given twice, naming each, changing nothing", async () => {
    const res = await vote(mia, round.id, [
      cell("security", "ciso", ["R"]),
      cell("budget", "cio", ["A"]),
      cell("security", "cio", ["R"]),
      cell("security", "cio", ["C"]),
    ]).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual([
      "votes[0].role",
      "votes[1].responsibility",
      "votes[3]",
    ]);
    expect((await read(mia, round.id)).mine).toEqual([cell("security", "cio", ["A"])]);
  });

  it("refuses a body the contract refuses", async () => {
    const res = await vote(mia, round.id, [
      { responsibility: "security", role: "cio", codes: ["A", "A"] },
      { responsibility: "security", role: "cto", codes: ["X"] },
    ] as unknown as RoundVote[]).expect(400);
    expect(expectError(res.body, "invalid_input")).toEqual(["votes[0].codes", "votes[1].codes[0]"]);
  });

  it("lets viewers read the round but not vote", async () => {
    const res = await vote(viewGuest, round.id, [cell("security", "cio", ["A"])]).expect(403);
    expectError(res.body, "forbidden");
  });

  it("answers 404 for a round of another chart and for one that does not exist", async () => {
    const other = await newChart();
    await call(t.anonymous, owner, "get", `/api/charts/${other}/rounds/${round.id}`).expect(404);
    await vote(owner, crypto.randomUUID(), []).expect(404);
    await call(t.anonymous, owner, "get", path("/not-a-uuid")).expect(400);
  });
});

describe("POST /api/charts/:id/rounds/:rid/reveal", () => {
  it("shows the counts per code and the disagreement to everyone, then closes the votes", async () => {
    const round = await start();
    await vote(mia, round.id, [
      cell("security", "cio", ["A"]),
      cell("budget", "cto", ["A", "R"]),
    ]).expect(200);
    await vote(owner, round.id, [
      cell("security", "cio", ["A"]),
      cell("budget", "cio", ["A"]),
      cell("budget", "cto", ["R"]),
    ]).expect(200);
    const refused = await call(t.anonymous, mia, "post", path(`/${round.id}/reveal`)).expect(403);
    expectError(refused.body, "forbidden");

    const revealed = await reveal(round.id);
    expect(revealed.status).toBe("revealed");
    expect(revealed.revealedAt).not.toBeNull();
    expect(revealed.mine).toHaveLength(3);
    expect(revealed.results?.rows).toEqual([
      {
        responsibility: "security",
        voters: 2,
        accountables: [{ role: "cio", votes: 2 }],
        disagree: false,
        disagreements: 0,
      },
      {
        responsibility: "budget",
        voters: 2,
        accountables: [
          { role: "cio", votes: 1 },
          { role: "cto", votes: 1 },
        ],
        disagree: true,
        disagreements: 2,
      },
    ]);
    expect(revealed.results?.cells).toContainEqual({
      responsibility: "budget",
      role: "cto",
      counts: { R: 2, A: 1, C: 0, I: 0, S: 0 },
      disagree: true,
    });
    // A viewer sees the same results, and their own (no) codes.
    const seen = await read(viewGuest, round.id);
    expect(seen.results).toEqual(revealed.results);
    expect(seen.mine).toEqual([]);

    const late = await vote(mia, round.id, [cell("security", "cto", ["R"])]).expect(409);
    expectError(late.body, "conflict");
    // Revealing twice changes nothing; a new round may start once this one is revealed.
    expect((await reveal(round.id)).revealedAt).toBe(revealed.revealedAt);
    const next = await start({ responsibilities: ["budget"] });
    const list = RoundsResponseSchema.parse(
      (await call(t.anonymous, mia, "get", path()).expect(200)).body,
    );
    expect(list.rounds.map((r) => r.id)).toEqual([next.id, round.id]);
    await remove(next.id);
    await remove(round.id);
  });
});

describe("DELETE /api/charts/:id/rounds/:rid", () => {
  it("removes the round and its votes; only the owner may", async () => {
    const round = await start();
    await vote(mia, round.id, [cell("security", "cio", ["A"])]).expect(200);
    await call(t.anonymous, mia, "delete", path(`/${round.id}`)).expect(403);
    await remove(round.id);
    await call(t.anonymous, owner, "get", path(`/${round.id}`)).expect(404);
    await call(t.anonymous, owner, "delete", path(`/${round.id}`)).expect(404);
    expect(await t.database.prisma.roundVote.count({ where: { roundId: round.id } })).toBe(0);
  });
});

describe("GET /api/charts/:id/rounds/:rid/votes.csv", () => {
  it("is refused while the round is open, and to anyone but the owner", async () => {
    const round = await start();
    const res = await call(t.anonymous, owner, "get", path(`/${round.id}/votes.csv`)).expect(409);
    expectError(res.body, "conflict");
    await reveal(round.id);
    await call(t.anonymous, mia, "get", path(`/${round.id}/votes.csv`)).expect(403);
    await remove(round.id);
  });

  it("lists every vote with names and codes, every cell safe from spreadsheet formulas", async () => {
    const round = await start();
    await vote(commentGuest, round.id, [
      cell("budget", "ciso", ["A"]),
      cell("security", "cio", ["R", "A"]),
    ]).expect(200);
    await vote(mia, round.id, [cell("security", "cio", ["A"])]).expect(200);
    await reveal(round.id);
    const res = await call(t.anonymous, owner, "get", path(`/${round.id}/votes.csv`)).expect(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="?round-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.csv"?$/,
    );
    expect(res.text.split("\r\n")).toEqual([
      "\ufeffResponsibility id,Responsibility,Role id,Role,Participant,Codes",
      `security,Security,cio,CIO,"'=HYPERLINK(""http://evil.example"",""click"")",A/R`,
      "security,Security,cio,CIO,Mia,A",
      `budget,'+SUM(A1:A9),ciso,"'=HYPERLINK(""http://evil.example"",""CISO"")","'=HYPERLINK(""http://evil.example"",""click"")",A`,
      "",
    ]);
    await remove(round.id);
  });
});

describe("round messages on the live connection", () => {
  it("announces a start, each change in the number of participants, the reveal and the removal, with counts only", async () => {
    const live = await startLiveServer(t);
    try {
      const { client } = await LiveClient.join(live.url(chartId), { token: t.owner.token });
      const round = await start({ responsibilities: ["security"] });
      const base = { type: "round", id: round.id, removed: false };
      expect(await client.next("round")).toEqual({ ...base, status: "open", participants: 0 });
      await vote(mia, round.id, [cell("security", "cio", ["A"])]).expect(200);
      expect(await client.next("round")).toEqual({ ...base, status: "open", participants: 1 });
      // Mia changes her mind: still one participant, nothing to announce.
      await vote(mia, round.id, [cell("security", "cto", ["A"])]).expect(200);
      expect((await client.quiet(150)).filter((m) => m.type === "round")).toEqual([]);
      await reveal(round.id);
      expect(await client.next("round")).toEqual({ ...base, status: "revealed", participants: 1 });
      await remove(round.id);
      expect(await client.next("round")).toEqual({
        ...base,
        status: "revealed",
        participants: 1,
        removed: true,
      });
      await client.close();
    } finally {
      await live.close();
    }
  });
});
