import type { AccessLevel } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { accessLevelOf, mayDo, type Principal } from "./principal";

const alice: Principal = {
  kind: "account",
  account: { id: "a1", email: "alice@example.com", name: "Alice", admin: false },
  via: "session",
  credential: "s1",
};
const guest: Principal = {
  kind: "guest",
  name: "Visitor",
  chartId: "c1",
  access: "comment",
  linkId: "l1",
  credential: "s2",
};

describe("accessLevelOf", () => {
  it("makes the chart's owner its owner, whatever the memberships say", () => {
    expect(accessLevelOf(alice, "c1", { ownerId: "a1", memberAccess: "view" })).toBe("owner");
  });

  it("gives a member the member's level", () => {
    expect(accessLevelOf(alice, "c1", { ownerId: "b", memberAccess: "edit" })).toBe("edit");
  });

  it("gives an account that is neither owner nor member nothing", () => {
    expect(accessLevelOf(alice, "c1", { ownerId: "b", memberAccess: undefined })).toBeUndefined();
    expect(accessLevelOf(alice, "c1", { ownerId: null, memberAccess: undefined })).toBeUndefined();
  });

  it("gives a guest its link's level on its chart and nothing on any other", () => {
    expect(accessLevelOf(guest, "c1", { ownerId: "a1", memberAccess: undefined })).toBe("comment");
    expect(accessLevelOf(guest, "c2", { ownerId: "a1", memberAccess: undefined })).toBeUndefined();
  });
});

describe("accessLevelOf on a scenario", () => {
  const original = (ownerId: string | null, memberAccess?: AccessLevel) => ({
    id: "c1",
    ownerId,
    memberAccess,
  });

  it.each([
    [
      "the original's member",
      { ownerId: "b", memberAccess: undefined },
      original("b", "comment"),
      "comment",
    ],
    ["the original's owner", { ownerId: "b", memberAccess: undefined }, original("a1"), "owner"],
    [
      "its own maker, a member of the original",
      { ownerId: "a1", memberAccess: undefined },
      original("b", "edit"),
      "owner",
    ],
    [
      "a member of both, higher on the scenario",
      { ownerId: "b", memberAccess: "edit" as const },
      original("b", "view"),
      "edit",
    ],
    [
      "a member of both, higher on the original",
      { ownerId: "b", memberAccess: "view" as const },
      original("b", "edit"),
      "edit",
    ],
    ["a stranger to both", { ownerId: "b", memberAccess: undefined }, original("b"), undefined],
  ])("gives %s the higher of its levels on it and on its original", (_, own, from, level) => {
    expect(accessLevelOf(alice, "s1", { ...own, original: from })).toBe(level);
  });

  it("gives a guest its link's level on the scenarios of its chart and on no other chart", () => {
    const grant = { ownerId: "a1", memberAccess: undefined };
    expect(accessLevelOf(guest, "s1", { ...grant, original: original("a1") })).toBe("comment");
    expect(
      accessLevelOf(guest, "s2", { ...grant, original: { ...original("a1"), id: "c9" } }),
    ).toBeUndefined();
  });
});

describe("mayDo", () => {
  const levels: AccessLevel[] = ["view", "comment", "edit", "owner"];
  it.each(levels)("%s includes exactly the levels up to itself", (level) => {
    const index = levels.indexOf(level);
    for (const [i, needed] of levels.entries()) expect(mayDo(level, needed)).toBe(i <= index);
  });

  it("allows nothing without a level", () => {
    for (const needed of levels) expect(mayDo(undefined, needed)).toBe(false);
  });
});
