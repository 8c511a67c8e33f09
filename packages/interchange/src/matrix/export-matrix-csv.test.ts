import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { readCsv } from "../csv/read-csv";
import { exportMatrixCsv } from "./export-matrix-csv";
import { importMatrixCsv } from "./import-matrix-csv";

const chart: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Acme",
  roles: [
    { id: "cio", title: "CIO", holder: "Alex Ng" },
    { id: "e1", title: "Engineer", holder: "Zoë Müller" },
    { id: "e2", title: "Engineer" },
    { id: "x", title: '=HYPERLINK("http://evil")', holder: null },
  ],
  reportingLines: [],
  responsibilities: [
    { id: "sec", name: "Cybersecurity", category: "Risk, compliance" },
    { id: "ops", name: '-Ops "run"' },
    { id: "none", name: "@Nothing assigned" },
  ],
  assignments: [
    { role: "e1", responsibility: "sec", code: "R" },
    { role: "cio", responsibility: "sec", code: "A" },
    { role: "cio", responsibility: "sec", code: "R" },
    { role: "e2", responsibility: "ops", code: "I" },
    { role: "x", responsibility: "ops", code: "C" },
    { role: "x", responsibility: "ops", code: "S" },
  ],
};

describe("exportMatrixCsv", () => {
  it("writes a BOM, a header of roles, a row per responsibility, CRLF, quoted and guarded cells", () => {
    expect(exportMatrixCsv(chart)).toBe(
      [
        '\ufeffResponsibility,Category,CIO,Engineer (Zoë Müller),Engineer (vacant),"\'=HYPERLINK(""http://evil"")"',
        'Cybersecurity,"Risk, compliance",A/R,R,,',
        '"\'-Ops ""run""",,,,I,S/C',
        "'@Nothing assigned,,,,,",
        "",
      ].join("\r\n"),
    );
  });

  it("writes only the header row for a chart without responsibilities", () => {
    expect(exportMatrixCsv({ ...chart, responsibilities: [], assignments: [] })).toBe(
      '\ufeffResponsibility,Category,CIO,Engineer (Zoë Müller),Engineer (vacant),"\'=HYPERLINK(""http://evil"")"\r\n',
    );
  });
});

describe("exportMatrixCsv with formula text in every field", () => {
  const triggers = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
  it.each([...triggers, "'=1", "\n@x", "<script>alert(1)</script>"])("%j", (text) => {
    const document: ChartDocument = {
      ...chart,
      roles: chart.roles.map((role, index) => ({
        ...role,
        title: `${text}${index}`,
        holder: text,
      })),
      responsibilities: chart.responsibilities.map((item, index) => ({
        ...item,
        name: `${text}${index}`,
        category: text,
      })),
    };
    const csv = exportMatrixCsv(document);
    const read = readCsv(csv);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const cells = [read.table.header, ...read.table.records].flatMap((record) => record.cells);
    expect(cells).toHaveLength(4 * (2 + document.roles.length));
    // Every cell a spreadsheet would run as a formula is guarded, and reads back exactly.
    expect(cells.filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([]);
    expect(importMatrixCsv(csv, { into: document }).document).toEqual(document);
  });
});
