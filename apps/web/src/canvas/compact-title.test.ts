import { describe, expect, it } from "vitest";
import { COMPACT_TITLE_LENGTH, compactTitle } from "./compact-title";

describe("compactTitle", () => {
  it("keeps a title that fits, trimmed", () => {
    expect(compactTitle("  Chief Information Officer ")).toBe("Chief Information Officer");
    const exact = "x".repeat(COMPACT_TITLE_LENGTH);
    expect(compactTitle(exact)).toBe(exact);
  });

  it("cuts a long title after its last whole word", () => {
    expect(compactTitle("Vice President of Infrastructure and Cloud Operations")).toBe(
      "Vice President of Infrastructure…",
    );
  });

  it("cuts inside a word when the last space is early", () => {
    expect(compactTitle("Head of Cybersecurityengineeringandoperations")).toBe(
      "Head of Cybersecurityengineeringa…",
    );
  });

  it("never returns more than the compact length, and keeps the start", () => {
    const words = ["Head", "of", "IT", "Operations", "Enterprise", "Architecture", "x".repeat(40)];
    for (let length = 0; length < 120; length++) {
      const title = Array.from({ length }, (_, i) => words[(i * 7 + length) % words.length])
        .join(" ")
        .slice(0, length * 3);
      const shown = compactTitle(title);
      expect(shown.length).toBeLessThanOrEqual(COMPACT_TITLE_LENGTH);
      const kept = shown.endsWith("…") ? shown.slice(0, -1) : shown;
      expect(title.trim().startsWith(kept)).toBe(true);
    }
  });
});
