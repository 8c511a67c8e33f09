import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeSpreadsheetText, unescapeSpreadsheetText } from "./spreadsheet-text";

describe("escapeSpreadsheetText", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+44 20 7946 0958", "'+44 20 7946 0958"],
    ["-1", "'-1"],
    ['@HYPERLINK("http://x")', `'@HYPERLINK("http://x")`],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["'=already guarded", "''=already guarded"],
    ["CIO", "CIO"],
    ["", ""],
    ["Cost = value", "Cost = value"],
    ["'quoted", "'quoted"],
    ["A/R", "A/R"],
  ])("%j → %j", (text, escaped) => {
    expect(escapeSpreadsheetText(text)).toBe(escaped);
    expect(unescapeSpreadsheetText(escaped)).toBe(text);
  });

  it("never leaves a formula trigger first, and unescaping gives back any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "a", " ") }),
        (text) => {
          const escaped = escapeSpreadsheetText(text);
          expect(/^[=+\-@\t\r]/.test(escaped)).toBe(false);
          expect(unescapeSpreadsheetText(escaped)).toBe(text);
        },
      ),
    );
  });
});
