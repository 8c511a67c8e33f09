import { describe, expect, it } from "vitest";
import { chartNameFromFileName, guessImportFormat, readImportFile } from "./import-file";

describe("guessImportFormat", () => {
  it.each([
    ["chart.json", "anything", "json"],
    ["CHART.JSON", "Name,Title\n", "json"],
    ["export", '\uFEFF  {"format":"rolemap.chart/v1"}', "json"],
    ["matrix.csv", "Responsibility,Category,CIO\nBudget,,A\n", "matrix-csv"],
    ["matrix.csv", "\uFEFFresponsibility;CIO;CTO\r\n", "matrix-csv"],
    ["matrix.csv", '"Responsibility","Category"\n', "matrix-csv"],
    ["matrix.txt", "\n\nsep=;\nResponsibilities;CIO\n", "matrix-csv"],
    ["matrix.tsv", "Responsibility\tCIO\n", "matrix-csv"],
    ["people.csv", "\uFEFFName;Job title;Manager\n", "org-csv"],
    ["people.csv", "Responsible person,Title\n", "org-csv"],
    ["people.csv", '{"not":"json because .csv"}', "org-csv"],
    ["empty.csv", "", "org-csv"],
  ] as const)("%s starting %j is %s", (name, text, format) => {
    expect(guessImportFormat(name, text)).toBe(format);
  });
});

describe("chartNameFromFileName", () => {
  it.each([
    ["acme_org_export 2026.csv", "acme org export 2026"],
    ["Acme IT.json", "Acme IT"],
    ["no-extension", "no-extension"],
    [".csv", "Imported chart"],
    [`${"x".repeat(250)}.csv`, "x".repeat(200)],
  ])("%s → %s", (file, name) => {
    expect(chartNameFromFileName(file)).toBe(name);
  });
});

describe("readImportFile", () => {
  it("reads UTF-8 (dropping the BOM) and gives every file a new id", async () => {
    const bytes = new TextEncoder().encode("\uFEFFName,Title\nRené,CTO\n");
    const first = await readImportFile(new File([bytes], "org.csv"));
    const again = await readImportFile(new File([bytes], "org.csv"));
    expect(first).toMatchObject({
      name: "org.csv",
      size: bytes.length,
      text: "Name,Title\nRené,CTO\n",
      encoding: "utf-8",
    });
    expect(again.id).not.toBe(first.id);
  });

  it("reads a file that is not UTF-8 as Windows-1252, as Excel on Windows saves CSV", async () => {
    // "René,Müller" with é and ü as the single bytes 0xE9 and 0xFC: not valid UTF-8.
    const bytes = new Uint8Array([
      0x52, 0x65, 0x6e, 0xe9, 0x2c, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72,
    ]);
    const file = await readImportFile(new File([bytes], "org.csv"));
    expect(file).toMatchObject({ text: "René,Müller", encoding: "windows-1252" });
  });
});
