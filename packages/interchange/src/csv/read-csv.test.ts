import { describe, expect, it } from "vitest";
import { readCsv } from "./read-csv";

const table = (text: string) => {
  const result = readCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};

describe("readCsv", () => {
  it("reads comma, semicolon and tab files alike", () => {
    for (const separator of [",", ";", "\t"]) {
      const { table: read } = table(`Name${separator}Title\nAnn${separator}CEO\n`);
      expect(read.header.cells).toEqual(["Name", "Title"]);
      expect(read.records).toEqual([{ line: 2, cells: ["Ann", "CEO"] }]);
    }
  });

  it("prefers the separator that splits every row alike (commas inside ; files)", () => {
    const { table: read } = table("Name;Title\nDoe, Jane;CEO\nRoe, Rick;CTO\n");
    expect(read.records.map((record) => record.cells)).toEqual([
      ["Doe, Jane", "CEO"],
      ["Roe, Rick", "CTO"],
    ]);
  });

  it("takes the one separator outside quoted values in the header, whatever values hold", () => {
    const comma = table('Name,"a;b;c;d",Title\nAnn,"x;y;z",CEO\n').table;
    expect(comma.records.map((record) => record.cells)).toEqual([["Ann", "x;y;z", "CEO"]]);
    const tab = table('\n \nName\t"a,b;c,d"\nAnn\tx,y;z\n').table;
    expect(tab.header.cells).toEqual(["Name", "a,b;c,d"]);
    expect(tab.records.map((record) => record.cells)).toEqual([["Ann", "x,y;z"]]);
    const semicolon = table('"Doe, Jane ""JD""";Title\nRoe, Rick;CTO\n').table;
    expect(semicolon.records.map((record) => record.cells)).toEqual([["Roe, Rick", "CTO"]]);
  });

  it("follows Excel's sep= line and counts it as line 1", () => {
    const { table: read } = table("sep=;\r\nName;Title\r\nDoe, Jane;CEO\r\n");
    expect(read.header).toEqual({ line: 2, cells: ["Name", "Title"] });
    expect(read.records).toEqual([{ line: 3, cells: ["Doe, Jane", "CEO"] }]);
  });

  it("drops a UTF-8 byte order mark", () => {
    expect(table("\ufeffName,Title\nAnn,CEO").table.header.cells).toEqual(["Name", "Title"]);
  });

  it("gives each record the physical line where it starts, across quoted line breaks", () => {
    const text =
      'Name,Title\r\n"Ann\r\nLee","Chief\nExecutive"\r\nBob,CTO\r\n\r\n"Cy\rPo",CFO\r\n\r\n\r\n';
    const { table: read } = table(text);
    expect(read.records).toEqual([
      { line: 2, cells: ["Ann\nLee", "Chief\nExecutive"] },
      { line: 5, cells: ["Bob", "CTO"] },
      { line: 7, cells: ["Cy\nPo", "CFO"] },
    ]);
  });

  it("skips blank lines and lines of empty cells, and starts at the first non-blank line", () => {
    const { table: read } = table("\n\nName,Title\n,\n  ,  \nAnn,CEO\n");
    expect(read.header.line).toBe(3);
    expect(read.records).toEqual([{ line: 6, cells: ["Ann", "CEO"] }]);
  });

  it("reads doubled quotes inside quoted values", () => {
    expect(table('Name,Title\nAnn,"The ""Boss"""\n').table.records[0]?.cells).toEqual([
      "Ann",
      'The "Boss"',
    ]);
  });

  it.each([
    ["", "the file is empty"],
    ["\ufeff \r\n\r\n", "the file is empty"],
    ["Name,Title\r\n\r\n", "the file has a header row but no data rows"],
  ])("rejects %j: %s", (text, message) => {
    expect(readCsv(text)).toEqual({ ok: false, problems: [{ line: null, column: null, message }] });
  });

  it("names the line of a quoted value that never ends", () => {
    const result = readCsv('Name,Title\nAnn,CEO\n"Bob,CTO\nCy,CFO\n');
    expect(result.ok && result.problems).toEqual([
      {
        line: 3,
        column: null,
        message:
          "a quoted value starting on this line is never closed, so the rest of the file was read as part of it",
      },
    ]);
  });

  it("names the line of text after a closing quote (which leaves the value open)", () => {
    const result = readCsv('Name,Title\nAnn,CEO\nBob,"CTO"x\n');
    expect(result.ok && result.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [
        3,
        'a quoted value has text after its closing quote (a quote inside a quoted value must be doubled: "")',
      ],
      [
        3,
        "a quoted value starting on this line is never closed, so the rest of the file was read as part of it",
      ],
    ]);
  });
});
