import type { Role } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { roleColumnLabels } from "./role-labels";

const role = (id: string, title: string, holder?: string | null): Role =>
  holder === undefined ? { id, title } : { id, title, holder };

describe("roleColumnLabels", () => {
  it("uses the title when it is unique, else Title (Holder) or Title (vacant)", () => {
    expect(
      roleColumnLabels([
        role("a", "CIO", "Alex Ng"),
        role("b", "Engineer", "Sam Lee"),
        role("c", "engineer ", null),
        role("d", "Engineer", "  "),
        role("e", "Engineer", "Kim Park"),
      ]),
    ).toEqual([
      "CIO",
      "Engineer (Sam Lee)",
      "engineer (vacant)",
      "Engineer (vacant) #2",
      "Engineer (Kim Park)",
    ]);
  });

  it("numbers what still repeats, never colliding with another label", () => {
    expect(
      roleColumnLabels([
        role("a", "Analyst"),
        role("b", "Analyst"),
        role("c", "Analyst (vacant) #2"),
        role("d", "Analyst"),
      ]),
    ).toEqual([
      "Analyst (vacant)",
      "Analyst (vacant) #3",
      "Analyst (vacant) #2",
      "Analyst (vacant) #4",
    ]);
  });
});
