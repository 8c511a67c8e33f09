import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { exportMatrixCsv } from "./export-matrix-csv";

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
