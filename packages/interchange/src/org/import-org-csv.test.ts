import { describe, expect, it } from "vitest";
import { expectDocument, problemLines } from "../testing/expect-import";
import { importOrgCsv } from "./import-org-csv";

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

describe("importOrgCsv: a clean file", () => {
  const result = importOrgCsv(
    csv(
      "Name,Title,Manager,Department",
      "Dana Smith,CEO,,Board",
      "Alex Ng,CIO,Dana Smith,IT",
      ",CTO,Dana Smith,",
      "Sam Lee,Architect,alex  NG,IT",
    ),
    { name: "  Acme  " },
  );

  it("makes a role per row, holders from names, vacant roles from empty names", () => {
    const document = expectDocument(result);
    expect(document.name).toBe("Acme");
    expect(document.roles).toEqual([
      { id: "dana-smith", title: "CEO", holder: "Dana Smith", department: "Board" },
      { id: "alex-ng", title: "CIO", holder: "Alex Ng", department: "IT" },
      { id: "cto", title: "CTO", holder: null },
      { id: "sam-lee", title: "Architect", holder: "Sam Lee", department: "IT" },
    ]);
    expect(document.responsibilities).toEqual([]);
    expect(document.assignments).toEqual([]);
  });

  it("draws a solid line from each manager, matched by name without case or extra spaces", () => {
    expect(result.document?.reportingLines).toEqual([
      { manager: "dana-smith", report: "alex-ng", kind: "solid" },
      { manager: "dana-smith", report: "cto", kind: "solid" },
      { manager: "alex-ng", report: "sam-lee", kind: "solid" },
    ]);
    expect(result.counts).toEqual({
      roles: 4,
      reportingLines: 3,
      responsibilities: 0,
      assignments: 0,
    });
  });

  it("names the chart 'Imported chart' by default", () => {
    expect(expectDocument(importOrgCsv("Title\nCEO\n")).name).toBe("Imported chart");
  });
});

describe("importOrgCsv: ids and matching", () => {
  it("takes role ids from the ID column and slugs the rest, unique with -2, -3", () => {
    const document = expectDocument(
      importOrgCsv(
        csv(
          "ID,Name,Title",
          "E1,Ann,CEO",
          ",Bob Brown,Engineer",
          ",Bob Brown,Engineer",
          ",,Engineer",
          ",,Engineer",
          "bob-brown-2,Zed,Analyst",
        ),
      ),
    );
    expect(document.roles.map((role) => role.id)).toEqual([
      "E1",
      "bob-brown",
      "bob-brown-3",
      "engineer",
      "engineer-2",
      "bob-brown-2",
    ]);
  });

  it("matches managers by ID, then email, then name, then (for vacant roles) title", () => {
    const document = expectDocument(
      importOrgCsv(
        csv(
          "Employee ID,Name,Title,Email,Reports To",
          "100,Ann,CEO,ann@x.org,",
          "200,Bob,CTO,BOB@x.org,100",
          "300,Cy,CFO,cy@x.org,bob@X.org",
          "400,Dee,Controller,,cy",
          "500,,Head of Data,,Ann",
          "600,Eve,Data Engineer,,head of data",
          "700,Fay,Analyst,,200",
        ),
      ),
    );
    expect(document.reportingLines.map((line) => `${line.report}→${line.manager}`)).toEqual([
      "200→100",
      "300→200",
      "400→300",
      "500→100",
      "600→500",
      "700→200",
    ]);
  });

  it("uses a Manager ID or Manager email column before a Manager name column", () => {
    const document = expectDocument(
      importOrgCsv(
        csv(
          "Employee ID,Name,Title,Work email,Manager,Manager email,Manager ID",
          "1,Ann,CEO,ann@x.org,,,",
          "2,Ann,COO,ann2@x.org,,,",
          "3,Bob,CTO,,Ann,ann2@x.org,",
          "4,Cy,CFO,,Ann,ann2@x.org,1",
        ),
      ),
    );
    expect(document.reportingLines.map((line) => `${line.report}→${line.manager}`)).toEqual([
      "3→2",
      "4→1",
    ]);
  });

  it("joins First name and Last name when there is no full name", () => {
    const document = expectDocument(
      importOrgCsv(csv("First Name,Last Name,Title,Manager", "Ann,Lee,CEO,", "Bob,,CTO,Ann Lee")),
    );
    expect(document.roles.map((role) => role.holder)).toEqual(["Ann Lee", "Bob"]);
    expect(document.reportingLines).toHaveLength(1);
  });

  it("imports a file without a manager column as roles without lines", () => {
    const result = importOrgCsv(csv("Title", "CEO", "CTO"));
    expect(expectDocument(result).reportingLines).toEqual([]);
    expect(result.counts.roles).toBe(2);
  });
});

describe("importOrgCsv: problems", () => {
  it.each([
    ["an empty file", "", ["the file is empty"]],
    ["a header-only file", "Name,Title\n", ["the file has a header row but no data rows"]],
    [
      "a missing title column",
      csv("Name,Manager,Location", "Ann,,Paris"),
      [
        'line 1: the header row has no title column; name one "Title", "Job title", "Position" (found: "Name", "Manager", "Location")',
      ],
    ],
    [
      "an unknown manager",
      csv("Name,Title,Manager", "Ann,CEO,", "Bob,CTO,J. Doe"),
      ['line 3, column Manager: manager "J. Doe" matches no one'],
    ],
    [
      "an unknown manager ID and email",
      csv(
        "ID,Name,Title,Manager ID,Manager Email",
        "1,Ann,CEO,,",
        "2,Bob,CTO,9,",
        "3,Cy,CFO,,x@y.z",
      ),
      [
        'line 3, column Manager ID: manager ID "9" matches no one',
        'line 4, column Manager Email: manager email "x@y.z" matches no one',
      ],
    ],
    [
      "an ambiguous manager name",
      csv("Name,Title,Reports to", "J. Doe,CEO,", "Ann,CTO,J. Doe", "j. doe,CFO,Ann"),
      [
        'line 3, column Reports to: manager "J. Doe" matches 2 people (lines 2 and 4); give a manager ID or email to tell them apart',
      ],
    ],
    [
      "an ambiguous manager title",
      csv("Name,Title,Reports to", ",Engineer,", ",Engineer,", "Ann,Intern,Engineer"),
      [
        'line 4, column Reports to: manager "Engineer" matches no name but the titles of 2 roles (lines 2 and 3)',
      ],
    ],
    [
      "duplicate IDs and emails",
      csv("ID,Name,Title,Email", "7,Ann,CEO,ann@x.org", "8,Bob,CTO,ANN@x.org", "7,Cy,CFO,cy@x.org"),
      [
        'line 3, column Email: duplicate email "ANN@x.org" (first on line 2)',
        'line 4, column ID: duplicate ID "7" (first on line 2)',
      ],
    ],
    [
      "self-management",
      csv("Name,Title,Manager", "Ann,CEO,ann"),
      ['line 2, column Manager: "Ann" is their own manager'],
    ],
    [
      "a reporting cycle",
      csv(
        "Name,Title,Manager",
        "Ann,CEO,",
        "Bob,CTO,Cy",
        "Cy,CFO,Dee",
        "Dee,COO,Bob",
        "Eve,VP,Bob",
      ),
      [
        "line 3, column Manager: reporting cycle through lines 3, 4 and 5: Bob reports to Cy, who reports to Dee, who reports to Bob",
      ],
    ],
    [
      "empty titles",
      csv("Name,Title,Department", "Ann,,IT", ",  ,IT"),
      ["line 2, column Title: the title is empty", "line 3, column Title: the title is empty"],
    ],
    [
      "too long a title and ID",
      csv("ID,Title", `${"i".repeat(101)},${"t".repeat(201)}`),
      [
        "line 2, column Title: the title has 201 characters; at most 200",
        "line 2, column ID: the ID has 101 characters; at most 100",
      ],
    ],
    [
      "rows with too few or too many fields",
      csv("Name,Title,Manager", "Ann,CEO,", "Bob", "Doe, Jane,CTO,Ann", "Cy,CFO,Ann,,"),
      [
        "line 3: the row has 1 field, but the header has 3 columns",
        "line 3, column Title: the title is empty",
        "line 4: the row has 4 fields, but the header has 3 columns (is there a separator inside a value without quotes?)",
      ],
    ],
  ])("reports %s", (_, text, problems) => {
    expect(problemLines(importOrgCsv(text))).toEqual(problems);
  });

  it("reports a chart name over the limit", () => {
    expect(problemLines(importOrgCsv("Title\nCEO\n", { name: "n".repeat(201) }))).toEqual([
      "the chart name has 201 characters; at most 200",
    ]);
  });

  it("collects every problem of the file at once, in line order, and still counts", () => {
    const result = importOrgCsv(
      csv(
        "Name,Title,Manager",
        "Ann,CEO,Ann",
        "Bob,,Ann",
        "Cy,CFO,Nobody",
        "Dee,COO,Eve",
        "Eve,CMO,Dee",
        "Fay,Analyst,Cy",
      ),
    );
    expect(problemLines(result)).toEqual([
      'line 2, column Manager: "Ann" is their own manager',
      "line 3, column Title: the title is empty",
      'line 4, column Manager: manager "Nobody" matches no one',
      "line 5, column Manager: reporting cycle through lines 5 and 6: Dee reports to Eve, who reports to Dee",
    ]);
    expect(result.counts).toEqual({
      roles: 6,
      reportingLines: 4,
      responsibilities: 0,
      assignments: 0,
    });
  });

  it("finds a long cycle once, however the rows are ordered", () => {
    const size = 2_000;
    const rows = Array.from(
      { length: size },
      (_, index) => `P${index},Role ${index},P${(index + 7) % size}`,
    );
    const problems = problemLines(importOrgCsv(csv("ID,Title,Manager", ...rows)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^line 2, column Manager: reporting cycle through lines 2, 9, 16, /,
    );
  });
});
