import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "../csv/read-csv";
import { writeCsv } from "../csv/write-csv";
import { cellText } from "./cells";
import { escapeSpreadsheetText, unescapeSpreadsheetText } from "./spreadsheet-text";

/** Starts a spreadsheet would run as a formula: a break, or a trigger of any width after white space. */
const TRIGGER_FIRST = /^[\s\p{Cc}\p{Cf}]*?[\t\r\n=+\-@＝＋－＠﹦﹢﹣﹫]/u;
/** What an import makes of any cell: white space trimmed and folded to one space. */
const folded = (text: string) => text.replace(/\s+/g, " ").trim();

/** Any text, and text made of what matters here: triggers, apostrophes, white space. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(..."=+-@'\t\r\n \u00a0\u3000a\",", "＝", "＋", "－", "＠", "\ufeff"),
    maxLength: 12,
  }),
);

describe("escapeSpreadsheetText", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ["+44 20 7946 0958", "'+44 20 7946 0958"],
    ["+1+1", "'+1+1"],
    ["-1", "'-1"],
    ["-2+3", "'-2+3"],
    ['@HYPERLINK("http://x")', `'@HYPERLINK("http://x")`],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["\n=1", "'\n=1"],
    ["'=already guarded", "''=already guarded"],
    ["''-twice", "'''-twice"],
    ["CIO", "CIO"],
    ["", ""],
    ["Cost = value", "Cost = value"],
    [" =1", "' =1"],
    ["  \u3000+1", "'  \u3000+1"],
    ["\n\nCIO", "'\n\nCIO"],
    [" \nCIO", "' \nCIO"],
    ["＝1+1", "'＝1+1"],
    ["＋44", "'＋44"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    [" ＝1", "' ＝1"],
    ["\ufeff=1", "'\ufeff=1"],
    ["Cost ＝ value", "Cost ＝ value"],
    ["'quoted", "'quoted"],
    ["' =1", "'' =1"],
    ["' CIO", "' CIO"],
    ["A/R", "A/R"],
    ["<script>alert(1)</script>", "<script>alert(1)</script>"],
    ["\u0001=1", "'\u0001=1"],
  ])("%j → %j", (text, escaped) => {
    expect(escapeSpreadsheetText(text)).toBe(escaped);
    expect(unescapeSpreadsheetText(escaped)).toBe(text);
  });

  it("never leaves a formula trigger first, and unescaping gives back every string", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const escaped = escapeSpreadsheetText(text);
        expect(TRIGGER_FIRST.test(escaped)).toBe(false);
        expect(unescapeSpreadsheetText(escaped)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves text without a trigger after its apostrophes unchanged, both ways", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!TRIGGER_FIRST.test(text.replace(/^'*/, "")));
        expect(escapeSpreadsheetText(text)).toBe(text);
        expect(unescapeSpreadsheetText(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads back from a CSV file as the text it was given (white space folded, as every cell)", () => {
    fc.assert(
      fc.property(anyText, anyText, (first, last) => {
        const file = writeCsv([
          ["Name", "Code", "Other"],
          [first, "A", last].map(escapeSpreadsheetText),
        ]);
        const result = readCsv(file);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.problems).toEqual([]);
        const [record] = result.table.records;
        expect(record?.cells.map(cellText)).toEqual([folded(first), "A", folded(last)]);
      }),
      { numRuns: 1000 },
    );
  });
});
