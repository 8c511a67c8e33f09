import type { RaciCode } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadingCodesOf } from "./leading-codes";
import { type RoundBallot, type RoundTallyInput, tallyRound } from "./tally-round";

const ids = (prefix: string, max: number) =>
  fc
    .integer({ min: 1, max })
    .map((count) => Array.from({ length: count }, (_, i) => `${prefix}${i}`));

/** A round and votes on it, some outside it, some repeated, some empty. */
const roundArb: fc.Arbitrary<RoundTallyInput> = fc
  .tuple(ids("row", 5), ids("role", 5), ids("voter", 6))
  .chain(([responsibilities, roles, voters]) =>
    fc.record({
      responsibilities: fc.constant(responsibilities),
      roles: fc.constant(roles),
      votes: fc.array(
        fc.record({
          voter: fc.constantFrom(...voters),
          responsibility: fc.constantFrom(...responsibilities, "elsewhere"),
          role: fc.constantFrom(...roles, "removed"),
          codes: fc.subarray([...RACI_CODES]) as fc.Arbitrary<RaciCode[]>,
        }),
        { maxLength: 60 },
      ),
    }),
  );

/** The oracle: each voter's codes per cell as a sorted string, found by brute force. */
function answersOf({ responsibilities, roles, votes }: RoundTallyInput) {
  const inRound = votes.filter(
    (v) =>
      responsibilities.includes(v.responsibility) && roles.includes(v.role) && v.codes.length > 0,
  );
  const codesOf = (voter: string, responsibility: string, role: string) =>
    RACI_CODES.filter((code) =>
      inRound.some(
        (v) =>
          v.voter === voter &&
          v.responsibility === responsibility &&
          v.role === role &&
          v.codes.includes(code),
      ),
    ).join("");
  const votersOf = (responsibility: string) => [
    ...new Set(inRound.filter((v) => v.responsibility === responsibility).map((v) => v.voter)),
  ];
  return { codesOf, votersOf };
}

describe("tallyRound", () => {
  it("counts codes and disagreements as the brute-force oracle does", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const { cells, rows } = tallyRound(input);
        const { codesOf, votersOf } = answersOf(input);
        for (const responsibility of input.responsibilities) {
          const voters = votersOf(responsibility);
          const row = rows.find((r) => r.responsibility === responsibility);
          expect(row?.voters).toBe(voters.length);
          for (const role of input.roles) {
            const answers = voters.map((voter) => codesOf(voter, responsibility, role));
            const cell = cells.find((c) => c.responsibility === responsibility && c.role === role);
            if (answers.every((codes) => codes === "")) {
              expect(cell).toBeUndefined();
              continue;
            }
            for (const code of RACI_CODES)
              expect(cell?.counts[code]).toBe(answers.filter((a) => a.includes(code)).length);
            expect(cell?.disagree).toBe(new Set(answers).size > 1);
          }
          const accountables = voters.map((voter) =>
            input.roles.filter((role) => codesOf(voter, responsibility, role).includes("A")).join(),
          );
          expect(row?.disagree).toBe(new Set(accountables).size > 1);
          expect(row?.disagreements).toBe(
            cells.filter((c) => c.responsibility === responsibility && c.disagree).length,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same answer for any order of the votes", () => {
    fc.assert(
      fc.property(roundArb, fc.integer(), (input, seed) => {
        const shuffled = [...input.votes]
          .map((vote, i) => ({ vote, key: (i * 7919 + seed) % 104729 }))
          .sort((a, b) => a.key - b.key)
          .map(({ vote }) => vote);
        expect(tallyRound({ ...input, votes: shuffled })).toEqual(tallyRound(input));
        expect(tallyRound({ ...input, votes: [...input.votes].reverse() })).toEqual(
          tallyRound(input),
        );
      }),
    );
  });

  it("finds no disagreement when everyone gave the same codes", () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 1, max: 5 }), (input, people) => {
        const one = input.votes.map((vote) => ({ ...vote, voter: "same" }));
        const votes: RoundBallot[] = Array.from({ length: people }, (_, i) =>
          one.map((vote) => ({ ...vote, voter: `person${i}` })),
        ).flat();
        const { cells, rows } = tallyRound({ ...input, votes });
        expect(cells.some((cell) => cell.disagree)).toBe(false);
        expect(rows.some((row) => row.disagree)).toBe(false);
        for (const cell of cells)
          for (const code of RACI_CODES) expect([0, people]).toContain(cell.counts[code]);
      }),
    );
  });

  it("lists accountables whose votes add up to the row's A counts, most first", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const { cells, rows } = tallyRound(input);
        for (const row of rows) {
          const votes = row.accountables.map((a) => a.votes);
          expect(votes).toEqual([...votes].sort((a, b) => b - a));
          const aCounts = cells
            .filter((c) => c.responsibility === row.responsibility)
            .reduce((sum, c) => sum + c.counts.A, 0);
          expect(votes.reduce((sum, v) => sum + v, 0)).toBe(aCounts);
          for (const v of votes) expect(v).toBeLessThanOrEqual(row.voters);
        }
      }),
    );
  });

  it("leads to at most one accountable per row, and only to codes someone chose", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const tally = tallyRound(input);
        for (const [responsibility, roles] of leadingCodesOf(tally)) {
          const accountable = [...roles.values()].filter((codes) => codes.includes("A"));
          expect(accountable.length).toBeLessThanOrEqual(1);
          for (const [role, codes] of roles) {
            const cell = tally.cells.find(
              (c) => c.responsibility === responsibility && c.role === role,
            );
            for (const code of codes) expect(cell?.counts[code]).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it("does not mutate its input", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const copy = structuredClone(input);
        tallyRound(input);
        expect(input).toEqual(copy);
      }),
    );
  });
});
