import { describe, expect, it } from "vitest";
import { readCsv } from "./read-csv";
import { csvField, writeCsv } from "./write-csv";

describe("writeCsv", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    ["a;b", '"a;b"'],
    ["tab\there", '"tab\there"'],
    ["", ""],
  ])("quotes %j as %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("starts with a BOM and ends every record with CRLF", () => {
    expect(
      writeCsv([
        ["a", "b"],
        ["c,d", ""],
      ]),
    ).toBe('\ufeffa,b\r\n"c,d",\r\n');
  });

  it("is read back cell for cell", () => {
    const rows = [
      ["Name", "Notes"],
      ['He said "no"', "line\r\nbreak"],
      ["é, ü", ""],
      ["a;b;c;d;e;f", "\tx\ty\tz\t"],
    ];
    const result = readCsv(writeCsv(rows));
    expect(
      result.ok && [result.table.header.cells, ...result.table.records.map((r) => r.cells)],
    ).toEqual([
      ["Name", "Notes"],
      ['He said "no"', "line\nbreak"],
      ["é, ü", ""],
      ["a;b;c;d;e;f", "\tx\ty\tz\t"],
    ]);
  });
});
