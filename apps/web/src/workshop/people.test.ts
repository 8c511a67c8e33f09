import { getTemplate } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { describeActivity, initialsOf, visibleAvatars } from "./people";

describe("initialsOf", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["grace", "G"],
    ["  Mary Ann  Evans ", "ME"],
    ["élodie durand", "ÉD"],
    ["", "?"],
  ])("%j → %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe("visibleAvatars", () => {
  it.each([
    [3, 4, 3, 0],
    [4, 4, 4, 0],
    [5, 4, 3, 2],
    [20, 4, 3, 17],
  ])("%i people with room for %i: %i shown and +%i", (count, room, shown, more) => {
    const people = Array.from({ length: count }, (_, i) => i);
    const result = visibleAvatars(people, room);
    expect(result.shown).toHaveLength(shown);
    expect(result.more).toBe(more);
  });
});

describe("describeActivity", () => {
  const document = getTemplate("classic-split")?.document;
  if (document === undefined) throw new Error("no template");
  const [first, second] = document.roles;
  const responsibility = document.responsibilities[0];
  if (!first || !second || !responsibility) throw new Error("template too small");
  const idle = { roles: [], cells: [], editing: null };

  it("says what a peer edits first", () => {
    expect(
      describeActivity(
        { ...idle, roles: [second.id], editing: { target: "role", id: first.id, field: "title" } },
        document,
      ),
    ).toBe(`Editing ${first.title}`);
    expect(describeActivity({ ...idle, editing: { target: "chart", id: "x" } }, document)).toBe(
      "Editing the chart name",
    );
  });

  it("names the selected roles", () => {
    expect(describeActivity({ ...idle, roles: [first.id] }, document)).toBe(
      `Selecting ${first.title}`,
    );
    expect(describeActivity({ ...idle, roles: [first.id, second.id] }, document)).toBe(
      `Selecting ${first.title} and 1 more`,
    );
  });

  it("names the selected matrix cell", () => {
    expect(
      describeActivity(
        { ...idle, cells: [{ role: first.id, responsibility: responsibility.id }] },
        document,
      ),
    ).toBe(`In the matrix: ${first.title} – ${responsibility.name}`);
  });

  it("says nothing for a peer who selects nothing", () => {
    expect(describeActivity(idle, document)).toBeNull();
  });
});
