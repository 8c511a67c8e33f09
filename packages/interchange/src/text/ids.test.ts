import { describe, expect, it } from "vitest";
import { createIdAllocator, slugify } from "./ids";

describe("slugify", () => {
  it.each([
    ["Head of Data & AI", "head-of-data-ai"],
    ["  Chloé Dubois ", "chloe-dubois"],
    ["Ærø", "r"],
    ["!!!", "role"],
    ["", "role"],
    ["x".repeat(90), "x".repeat(60)],
  ])("%j → %j", (text, slug) => {
    expect(slugify(text, "role")).toBe(slug);
  });
});

describe("createIdAllocator", () => {
  it("suffixes repeats -2, -3… and skips ids already taken", () => {
    const ids = createIdAllocator(["cto-2"]);
    ids.reserve("cio");
    expect(["cto", "cto", "cto", "cio", "cio-2"].map((id) => ids.allocate(id))).toEqual([
      "cto",
      "cto-3",
      "cto-4",
      "cio-2",
      "cio-2-2",
    ]);
  });
});
