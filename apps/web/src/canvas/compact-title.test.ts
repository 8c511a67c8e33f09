import { describe, expect, it } from "vitest";
import { COMPACT_LINE_LENGTH, COMPACT_LINES, compactTitle } from "./compact-title";

describe("compactTitle", () => {
  it.each([
    ["Chief Information Officer", "Chief Information Officer"],
    ["Vice President of Engineering", "Vice President of Engineering"],
    ["  Head of   IT Operations ", "Head of IT Operations"],
    ["CEO", "CEO"],
  ])("keeps %j, which fits in three lines", (title, shown) => {
    expect(compactTitle(title)).toBe(shown);
  });

  it.each([
    // Chief / Information / Security / Officer: four lines.
    ["Chief Information Security Officer", "Chief Information Security…"],
    // Vice / President of / Infrastructure…: four lines, so the last whole word goes too.
    ["Vice President of Infrastructure and Cloud Operations", "Vice President of…"],
  ])("cuts %j after the last word that fits, with an ellipsis", (title, shown) => {
    expect(compactTitle(title)).toBe(shown);
  });

  it("breaks a word longer than a line across lines, as the card does", () => {
    // Manager of / Infrastructu / re 168: three lines.
    expect(compactTitle("Manager of Infrastructure 168")).toBe("Manager of Infrastructure 168");
    expect(compactTitle("Supercalifragilisticexpialidocious")).toBe(
      "Supercalifragilisticexpialidocious",
    );
  });

  it("cuts a first word too long for three lines", () => {
    const word = "x".repeat(50);
    expect(compactTitle(word)).toBe(`${"x".repeat(35)}…`);
  });

  it("always keeps the start of the title, within three lines of characters", () => {
    const words = ["Head", "of", "IT", "Operations", "Enterprise", "Architecture", "x".repeat(40)];
    for (let count = 0; count < 40; count++) {
      const title = Array.from({ length: count }, (_, i) => words[(i * 5 + count) % 7]).join(" ");
      const shown = compactTitle(title);
      const kept = shown.endsWith("…") ? shown.slice(0, -1) : shown;
      expect(title.startsWith(kept)).toBe(true);
      expect(shown.replaceAll(" ", "").length).toBeLessThanOrEqual(
        COMPACT_LINES * COMPACT_LINE_LENGTH,
      );
    }
  });

  it("fits a title into two lines where the card shows marks below it", () => {
    expect(compactTitle("Chief Information Security Officer", 2)).toBe("Chief Information…");
    expect(compactTitle("x".repeat(50), 2)).toBe(`${"x".repeat(23)}…`);
  });
});
