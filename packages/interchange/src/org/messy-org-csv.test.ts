import { describe, expect, it } from "vitest";
import { expectDocument, problemLines } from "../testing/expect-import";
import { importOrgCsv } from "./import-org-csv";

/**
 * Files shaped like what HR systems and spreadsheets really write: byte order marks, ";"
 * and tab separators, CRLF, quoted values across lines, stray spaces, trailing
 * separators and blank lines at the end.
 */

/** Excel in a German locale: BOM, ";", CRLF, a title over two lines, padded cells. */
const EXCEL_DE = [
  "\ufeffEmployee ID;Full Name ; Job Title ;Reports To;Dept;",
  "1001; Jürgen Groß ;Geschäftsführer;;Vorstand;",
  '1002;"Zoë\r\nMüller";"Leiterin\r\nIT";1001;"IT; Infrastruktur";',
  "1003;  ;Architekt;1002;IT;",
  "1004;Ana Søndergaard;CISO;zoë müller;Sicherheit;",
  "",
  "",
].join("\r\n");

/** A tab-separated HR export with trailing tabs and an unused column. */
const WORKDAY_TSV = [
  "Worker ID\tWorker\tBusiness Title\tManager ID\tLocation\tWork Email\t",
  "W1\tDana Smith\tCEO\t\tLondon\tdana@acme.com\t",
  "W2\tAlex Ng\tCIO\tW1\tLondon\talex@acme.com\t",
  'W3\tSam Lee\tCTO\tW1\t"Paris, FR"\t\t',
  "",
].join("\n");

describe("messy real-world org lists", () => {
  it("reads an Excel export with BOM, ';', CRLF and values across lines", () => {
    const document = expectDocument(importOrgCsv(EXCEL_DE));
    expect(document.roles).toEqual([
      { id: "1001", title: "Geschäftsführer", holder: "Jürgen Groß", department: "Vorstand" },
      { id: "1002", title: "Leiterin IT", holder: "Zoë Müller", department: "IT; Infrastruktur" },
      { id: "1003", title: "Architekt", holder: null, department: "IT" },
      { id: "1004", title: "CISO", holder: "Ana Søndergaard", department: "Sicherheit" },
    ]);
    expect(document.reportingLines.map((line) => `${line.report}→${line.manager}`)).toEqual([
      "1002→1001",
      "1003→1002",
      "1004→1002",
    ]);
  });

  it("reads a tab-separated export with trailing tabs", () => {
    const document = expectDocument(importOrgCsv(WORKDAY_TSV));
    expect(document.roles.map((role) => [role.id, role.title, role.holder])).toEqual([
      ["W1", "CEO", "Dana Smith"],
      ["W2", "CIO", "Alex Ng"],
      ["W3", "CTO", "Sam Lee"],
    ]);
    expect(document.reportingLines).toHaveLength(2);
  });

  it("names the physical line of each problem after quoted line breaks", () => {
    const text = [
      "\ufeffName;Title;Manager",
      'Ann Lee;"Chief',
      'Executive";',
      'John Smith;"Head of',
      'Engineering";Ann Lee',
      "John Smith;Head of Sales;Ann Lee",
      "Pat Kim;Engineer;john smith",
      '"Lou',
      'Reed";CFO;J. Doe',
      "Max;COO;Nia",
      "Nia;CMO;Max",
      "",
      "",
    ].join("\r\n");
    expect(problemLines(importOrgCsv(text))).toEqual([
      'line 7, column Manager: manager "john smith" matches 2 people (lines 4 and 6); give a manager ID or email to tell them apart',
      'line 8, column Manager: manager "J. Doe" matches no one',
      "line 10, column Manager: reporting cycle through lines 10 and 11: Max reports to Nia, who reports to Max",
    ]);
  });

  it("treats a comma file with ';' in values as comma-separated", () => {
    const document = expectDocument(
      importOrgCsv("Name,Title,Team\nAnn,CEO,Board; Exec\nBob,CTO,IT; Ops\n"),
    );
    expect(document.roles.map((role) => role.department)).toEqual(["Board; Exec", "IT; Ops"]);
  });

  it("takes back values our own exports guarded against formulas", () => {
    const document = expectDocument(importOrgCsv("Name,Title\n'=Ann,'-Head of IT\n"));
    expect(document.roles[0]).toMatchObject({ holder: "=Ann", title: "-Head of IT" });
  });
});
