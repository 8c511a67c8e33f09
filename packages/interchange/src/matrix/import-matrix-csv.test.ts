import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { expectDocument, problemLines } from "../testing/expect-import";
import { importMatrixCsv } from "./import-matrix-csv";

const csv = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

describe("importMatrixCsv: a new chart", () => {
  const result = importMatrixCsv(
    csv(
      "Responsibility,Category,CIO,CTO,Head of Data",
      "Cybersecurity,Operations,A/R,c,",
      "Product development,,i, ar ,S",
      "Data platform,Data,,Consulted,A;R",
    ),
    { name: "Workshop" },
  );

  it("creates a vacant role per column, the responsibilities and their codes", () => {
    const document = expectDocument(result);
    expect(document.name).toBe("Workshop");
    expect(document.roles).toEqual([
      { id: "cio", title: "CIO", holder: null },
      { id: "cto", title: "CTO", holder: null },
      { id: "head-of-data", title: "Head of Data", holder: null },
    ]);
    expect(document.reportingLines).toEqual([]);
    expect(document.responsibilities).toEqual([
      { id: "cybersecurity", name: "Cybersecurity", category: "Operations" },
      { id: "product-development", name: "Product development" },
      { id: "data-platform", name: "Data platform", category: "Data" },
    ]);
    expect(document.assignments.map((a) => `${a.responsibility}:${a.role}:${a.code}`)).toEqual([
      "cybersecurity:cio:A",
      "cybersecurity:cio:R",
      "cybersecurity:cto:C",
      "product-development:cio:I",
      "product-development:cto:A",
      "product-development:cto:R",
      "product-development:head-of-data:S",
      "data-platform:cto:C",
      "data-platform:head-of-data:A",
      "data-platform:head-of-data:R",
    ]);
    expect(result.counts).toEqual({
      roles: 3,
      reportingLines: 0,
      responsibilities: 3,
      assignments: 10,
    });
  });

  it("reads a matrix without a Category column, ';'-separated, any first header", () => {
    const document = expectDocument(
      importMatrixCsv("\ufeffTask;CIO\r\nBackups;R\r\nPatching;A\r\n"),
    );
    expect(document.responsibilities).toEqual([
      { id: "backups", name: "Backups" },
      { id: "patching", name: "Patching" },
    ]);
    expect(document.roles.map((role) => role.title)).toEqual(["CIO"]);
  });

  it("ignores trailing empty columns and rows", () => {
    const document = expectDocument(importMatrixCsv("Responsibility,CIO,,\nBackups,R,,\n,,,\n\n"));
    expect(document.assignments).toEqual([{ role: "cio", responsibility: "backups", code: "R" }]);
  });
});

describe("importMatrixCsv: a messy spreadsheet export", () => {
  const text = [
    "\ufeffResponsibility ; Category ;CIO;CTO",
    '"Cloud',
    'operations";"Ops";a / r;',
    ";;;",
    "Data protection;Risk;C;R",
    '"Vendor',
    "",
    'management";;X;A',
    "Data protection;;I;",
    "",
    "",
  ].join("\r\n");

  it("names the physical line and the column of every bad cell and duplicate", () => {
    expect(problemLines(importMatrixCsv(text))).toEqual([
      'line 6, column CIO: "X" is not a RACI code; write R, A, C, I or S, several as "A/R"',
      'line 9, column Responsibility: the responsibility "Data protection" is already on line 5; give each one row',
    ]);
  });

  it("reads the rest as meant", () => {
    const fixed = text.replace(";;X;A", ";;;A").replace("Data protection;;I;", "");
    const document = expectDocument(importMatrixCsv(fixed));
    expect(document.responsibilities.map((r) => r.name)).toEqual([
      "Cloud operations",
      "Data protection",
      "Vendor management",
    ]);
    expect(document.assignments).toHaveLength(5);
  });
});

describe("importMatrixCsv: problems", () => {
  it.each([
    ["an empty file", "", ["the file is empty"]],
    ["a header-only file", "Responsibility,CIO\n", ["the file has a header row but no data rows"]],
    [
      "a header without roles",
      csv("Responsibility,Category", "Backups,Ops"),
      [
        "line 1: the header row names no roles: after the responsibility column (and an optional Category column) each column is headed by a role title",
      ],
    ],
    [
      "a bad code",
      csv("Responsibility,CIO,CTO", "Backups,R,x", "Patching,A/Y,"),
      [
        'line 2, column CTO: "x" is not a RACI code; write R, A, C, I or S, several as "A/R"',
        'line 3, column CIO: "A/Y" is not a RACI code; write R, A, C, I or S, several as "A/R"',
      ],
    ],
    [
      "duplicate responsibility rows",
      csv("Responsibility,CIO", "Backups,R", "Patching,A", "  backups ,C"),
      [
        'line 4, column Responsibility: the responsibility "backups" is already on line 2; give each one row',
      ],
    ],
    [
      "an empty responsibility name",
      csv("Responsibility,Category,CIO", ",Ops,R"),
      ["line 2, column Responsibility: the responsibility name is empty"],
    ],
    [
      "a role with two columns",
      csv("Responsibility,CIO,cio", "Backups,R,A"),
      [
        'line 1, column cio: "cio" is the same role as the column "CIO"; each role may have one column',
      ],
    ],
    [
      "codes under a column without a title",
      csv("Responsibility,CIO,,CTO", "Backups,R,A,"),
      ['line 2: column 3 holds "A" but has no role title in the header'],
    ],
    [
      "too long names",
      csv(`Responsibility,${"t".repeat(201)}`, `${"n".repeat(201)},R`),
      [
        `line 1, column ${"t".repeat(201)}: the role title has 201 characters; at most 200`,
        "line 2, column Responsibility: the responsibility name has 201 characters; at most 200",
      ],
    ],
    [
      "rows with too few or too many fields",
      csv("Responsibility,CIO,CTO", "Backups,R", "Patching,A,C,I"),
      [
        "line 2: the row has 2 fields, but the header has 3 columns",
        "line 3: the row has 4 fields, but the header has 3 columns (is there a separator inside a value without quotes?)",
      ],
    ],
  ])("reports %s", (_, text, problems) => {
    expect(problemLines(importMatrixCsv(text))).toEqual(problems);
  });
});

describe("importMatrixCsv: merging into a chart", () => {
  const chart: ChartDocument = {
    format: "rolemap.chart/v1",
    name: "Acme",
    roles: [
      { id: "ceo", title: "CEO", holder: "Dana Smith" },
      { id: "eng-1", title: "Engineer", holder: "Sam Lee" },
      { id: "eng-2", title: "Engineer", holder: null },
      { id: "cio", title: "CIO", holder: "Alex Ng" },
    ],
    reportingLines: [{ manager: "ceo", report: "cio", kind: "solid" }],
    responsibilities: [
      { id: "sec", name: "Cybersecurity", category: "Risk", description: "Keep us safe" },
      { id: "ops", name: "IT operations" },
    ],
    assignments: [
      { role: "cio", responsibility: "sec", code: "A" },
      { role: "eng-1", responsibility: "sec", code: "R" },
      { role: "ceo", responsibility: "sec", code: "I" },
      { role: "cio", responsibility: "ops", code: "A" },
      { role: "eng-2", responsibility: "ops", code: "R" },
    ],
  };

  it("replaces the listed responsibilities' assignments, keeps the rest, adds new rows", () => {
    const result = importMatrixCsv(
      csv(
        "Responsibility,Category,CIO,Engineer (Sam Lee),Engineer (vacant)",
        "CYBERSECURITY,Ignored,A,,R",
        "Cloud costs,Finance,A/R,C,",
      ),
      { into: chart },
    );
    const document = expectDocument(result);
    expect(document.name).toBe("Acme");
    expect(document.roles).toEqual(chart.roles);
    expect(document.reportingLines).toEqual(chart.reportingLines);
    expect(document.responsibilities).toEqual([
      ...chart.responsibilities,
      { id: "cloud-costs", name: "Cloud costs", category: "Finance" },
    ]);
    expect(document.assignments).toEqual([
      { role: "cio", responsibility: "sec", code: "A" },
      { role: "cio", responsibility: "ops", code: "A" },
      { role: "eng-2", responsibility: "ops", code: "R" },
      { role: "eng-2", responsibility: "sec", code: "R" },
      { role: "cio", responsibility: "cloud-costs", code: "A" },
      { role: "cio", responsibility: "cloud-costs", code: "R" },
      { role: "eng-1", responsibility: "cloud-costs", code: "C" },
    ]);
    expect(result.counts).toEqual({
      roles: 0,
      reportingLines: 0,
      responsibilities: 1,
      assignments: 5,
    });
  });

  it("renames the chart only when asked", () => {
    const text = csv("Responsibility,CIO", "Cybersecurity,A");
    expect(expectDocument(importMatrixCsv(text, { into: chart, name: "Acme 2" })).name).toBe(
      "Acme 2",
    );
    expect(expectDocument(importMatrixCsv(text, { into: chart, name: " " })).name).toBe("Acme");
  });

  it("reports unknown and ambiguous role titles", () => {
    expect(
      problemLines(
        importMatrixCsv(csv("Responsibility,CTO,Engineer,engineer (sam lee),CIO", "Ops,R,A,C,I"), {
          into: chart,
        }),
      ),
    ).toEqual([
      'line 1, column CTO: no role of the chart is titled "CTO"',
      'line 1, column Engineer: "Engineer" matches 2 roles of the chart (Engineer (Sam Lee), Engineer (vacant)); head the column "Title (Holder)" to choose one',
    ]);
  });

  it("matches responsibilities of the same name in order, and no further", () => {
    const twins: ChartDocument = {
      ...chart,
      responsibilities: [
        { id: "r1", name: "Backups" },
        { id: "r2", name: "Backups" },
      ],
      assignments: [],
    };
    const merged = expectDocument(
      importMatrixCsv(csv("Responsibility,CEO", "Backups,A", "Backups,I"), { into: twins }),
    );
    expect(merged.assignments).toEqual([
      { role: "ceo", responsibility: "r1", code: "A" },
      { role: "ceo", responsibility: "r2", code: "I" },
    ]);
    expect(
      problemLines(
        importMatrixCsv(csv("Responsibility,CEO", "Backups,A", "Backups,I", "backups,R"), {
          into: twins,
        }),
      ),
    ).toEqual([
      'line 4, column Responsibility: the responsibility "backups" is already on line 2; give each one row',
    ]);
  });
});
