import { type ChartDocument, parseChart } from "@rolemap/contract";
import { expect } from "vitest";
import { describeImportProblem } from "../describe-problem";
import type { ImportResult } from "../import-result";

/** The imported document, after checking there were no problems and that it parses. */
export function expectDocument(result: ImportResult): ChartDocument {
  expect(result.problems.map(describeImportProblem)).toEqual([]);
  if (result.document === null) throw new Error("no document despite no problems");
  const parsed = parseChart(JSON.parse(JSON.stringify(result.document)));
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  return result.document;
}

/** The problems as one line each, after checking that no document came with them. */
export function problemLines(result: ImportResult): string[] {
  expect(result.document).toBeNull();
  return result.problems.map(describeImportProblem);
}
