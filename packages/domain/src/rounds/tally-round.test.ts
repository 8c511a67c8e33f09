import type { RaciCode } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { type RoundBallot, tallyRound } from "./tally-round";

const vote = (
  voter: string,
  responsibility: string,
  role: string,
  codes: RaciCode[],
): RoundBallot => ({ voter, role, responsibility, codes });

const counts = (given: Partial<Record<RaciCode, number>>) => ({
  R: 0,
  A: 0,
  C: 0,
  I: 0,
  S: 0,
  ...given,
});

describe("tallyRound", () => {
  it("counts each code per cell and marks a cell where people gave different codes", () => {
    const tally = tallyRound({
      responsibilities: ["security"],
      roles: ["cio", "ciso"],
      votes: [
        vote("ann", "security", "cio", ["A"]),
        vote("ann", "security", "ciso", ["R"]),
        vote("bob", "security", "cio", ["A"]),
        vote("bob", "security", "ciso", ["R", "A"]),
      ],
    });
    expect(tally.cells).toEqual([
      { role: "cio", responsibility: "security", counts: counts({ A: 2 }), disagree: false },
      {
        role: "ciso",
        responsibility: "security",
        counts: counts({ R: 2, A: 1 }),
        disagree: true,
      },
    ]);
    expect(tally.rows).toEqual([
      {
        responsibility: "security",
        voters: 2,
        accountables: [
          { role: "cio", votes: 2 },
          { role: "ciso", votes: 1 },
        ],
        disagree: true,
        disagreements: 1,
      },
    ]);
  });

  it("takes a cell left empty by someone who filled in the row as their answer", () => {
    const tally = tallyRound({
      responsibilities: ["budget"],
      roles: ["cfo", "ceo"],
      votes: [vote("ann", "budget", "cfo", ["A"]), vote("bob", "budget", "ceo", ["A"])],
    });
    expect(tally.cells.map((cell) => [cell.role, cell.disagree])).toEqual([
      ["cfo", true],
      ["ceo", true],
    ]);
    expect(tally.rows[0]).toMatchObject({ voters: 2, disagree: true, disagreements: 2 });
  });

  it("does not ask someone who never touched a row about it", () => {
    const tally = tallyRound({
      responsibilities: ["budget", "hiring"],
      roles: ["cfo", "hr"],
      votes: [
        vote("ann", "budget", "cfo", ["A"]),
        vote("bob", "budget", "cfo", ["A"]),
        vote("bob", "hiring", "hr", ["A", "R"]),
      ],
    });
    expect(tally.rows).toEqual([
      {
        responsibility: "budget",
        voters: 2,
        accountables: [{ role: "cfo", votes: 2 }],
        disagree: false,
        disagreements: 0,
      },
      {
        responsibility: "hiring",
        voters: 1,
        accountables: [{ role: "hr", votes: 1 }],
        disagree: false,
        disagreements: 0,
      },
    ]);
  });

  it("sees no accountable as an answer that differs from one", () => {
    const tally = tallyRound({
      responsibilities: ["budget"],
      roles: ["cfo", "ceo"],
      votes: [vote("ann", "budget", "cfo", ["A"]), vote("bob", "budget", "cfo", ["A", "R"])],
    });
    expect(tally.rows[0]?.disagree).toBe(false);
    const split = tallyRound({
      responsibilities: ["budget"],
      roles: ["cfo", "ceo"],
      votes: [vote("ann", "budget", "cfo", ["A"]), vote("bob", "budget", "ceo", ["R"])],
    });
    expect(split.rows[0]).toMatchObject({ disagree: true, accountables: [{ role: "cfo" }] });
  });

  it("gives every row of the round, in the round's order, and only cells someone filled in", () => {
    const tally = tallyRound({
      responsibilities: ["b", "a"],
      roles: ["y", "x"],
      votes: [
        vote("ann", "a", "x", ["I"]),
        vote("ann", "b", "x", []),
        vote("ann", "a", "y", ["C"]),
      ],
    });
    expect(tally.rows.map((row) => [row.responsibility, row.voters])).toEqual([
      ["b", 0],
      ["a", 1],
    ]);
    expect(tally.cells.map((cell) => `${cell.responsibility}/${cell.role}`)).toEqual([
      "a/y",
      "a/x",
    ]);
  });

  it("ignores votes outside the round's rows and roles and merges repeated ones", () => {
    const tally = tallyRound({
      responsibilities: ["a"],
      roles: ["x"],
      votes: [
        vote("ann", "a", "x", ["R"]),
        vote("ann", "a", "x", ["A"]),
        vote("ann", "gone", "x", ["A"]),
        vote("bob", "a", "removed-role", ["A"]),
      ],
    });
    expect(tally.cells).toEqual([
      { role: "x", responsibility: "a", counts: counts({ R: 1, A: 1 }), disagree: false },
    ]);
    expect(tally.rows[0]?.voters).toBe(1);
  });

  it("lists accountables by votes, then in the round's role order", () => {
    const tally = tallyRound({
      responsibilities: ["a"],
      roles: ["x", "y", "z"],
      votes: [
        vote("ann", "a", "z", ["A"]),
        vote("bob", "a", "y", ["A"]),
        vote("cid", "a", "z", ["A"]),
        vote("dan", "a", "x", ["A"]),
      ],
    });
    expect(tally.rows[0]?.accountables).toEqual([
      { role: "z", votes: 2 },
      { role: "x", votes: 1 },
      { role: "y", votes: 1 },
    ]);
  });

  it("does not mutate its input", () => {
    const input = {
      responsibilities: ["a"],
      roles: ["x"],
      votes: [vote("ann", "a", "x", ["R", "A"])],
    };
    const copy = structuredClone(input);
    tallyRound(input);
    expect(input).toEqual(copy);
  });
});
