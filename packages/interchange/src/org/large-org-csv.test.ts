import { describe, expect, it } from "vitest";
import { expectDocument } from "../testing/expect-import";
import { generateOrgCsv } from "../testing/generate-org-csv";
import { importOrgCsv } from "./import-org-csv";

describe("a 20,000-row org list", () => {
  // How fast is the benchmark's business (bench/import.bench.ts), not a test's.
  it("imports into one tree", () => {
    const text = generateOrgCsv({ rows: 20_000, seed: 11 });
    const result = importOrgCsv(text);
    const document = expectDocument(result);
    expect(document.roles).toHaveLength(20_000);
    expect(document.reportingLines).toHaveLength(19_999);
    expect(new Set(document.reportingLines.map((line) => line.report)).size).toBe(19_999);
    expect(document.roles.filter((role) => role.holder === null).length).toBeGreaterThan(200);
  });
});
