import type { RaciCode } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { leadingCodesOf } from "./leading-codes";
import { type RoundBallot, tallyRound } from "./tally-round";

const vote = (voter: string, role: string, codes: RaciCode[]): RoundBallot => ({
  voter,
  role,
  responsibility: "row",
  codes,
});

const lead = (roles: string[], votes: RoundBallot[]) =>
  leadingCodesOf(tallyRound({ responsibilities: ["row"], roles, votes })).get("row");

describe("leadingCodesOf", () => {
  it("keeps the codes more than half of the row's voters chose", () => {
    const codes = lead(
      ["cio", "ciso"],
      [
        vote("ann", "ciso", ["R", "C"]),
        vote("bob", "ciso", ["R"]),
        vote("cid", "ciso", ["I"]),
        vote("cid", "cio", ["A"]),
      ],
    );
    expect(codes).toEqual(
      new Map([
        ["cio", ["A"]],
        ["ciso", ["R"]],
      ]),
    );
  });

  it("gives A to the one role most voters saw as accountable, even without a majority", () => {
    const codes = lead(
      ["cio", "cto", "ceo"],
      [
        vote("ann", "cio", ["A"]),
        vote("bob", "cio", ["A"]),
        vote("cid", "cto", ["A"]),
        vote("dan", "ceo", ["A"]),
      ],
    );
    expect(codes).toEqual(new Map([["cio", ["A"]]]));
  });

  it("gives A to no one when two roles tie at the top", () => {
    const codes = lead(
      ["cio", "cto"],
      [vote("ann", "cio", ["A", "R"]), vote("bob", "cto", ["A"]), vote("bob", "cio", ["R"])],
    );
    expect(codes).toEqual(new Map([["cio", ["R"]]]));
  });

  it("leaves out rows and cells that lead to no code", () => {
    const result = leadingCodesOf(
      tallyRound({
        responsibilities: ["row", "empty"],
        roles: ["x", "y"],
        votes: [vote("ann", "x", ["C"]), vote("bob", "y", ["I"])],
      }),
    );
    expect(result).toEqual(new Map());
  });
});
