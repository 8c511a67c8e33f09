import {
  describeIssue,
  type ImportCounts,
  type ImportProblem,
  parseChart,
} from "@rolemap/contract";
import { countsOf, failed, type ImportResult } from "../import-result";

/**
 * Imports a `rolemap.chart/v1` JSON document (the JSON export) as it is, checked by the
 * contract's `parseChart`. Problems carry the JSON path in the message
 * (`assignments[3].role: unknown role "cxo"`), without a line; only a syntax error has
 * one, worked out from where the parser stopped.
 */
export function importJson(text: string): ImportResult {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  if (body.trim() === "") return failed(noCounts, [problem(null, "the file is empty")]);
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(noCounts, [problem(syntaxErrorLine(body, reason), `not valid JSON: ${reason}`)]);
  }
  const parsed = parseChart(input);
  if (parsed.ok) return { document: parsed.value, counts: countsOf(parsed.value), problems: [] };
  return failed(
    roughCounts(input),
    parsed.issues.map((issue) => problem(null, describeIssue(issue))),
  );
}

const noCounts: ImportCounts = { roles: 0, reportingLines: 0, responsibilities: 0, assignments: 0 };

function problem(line: number | null, message: string): ImportProblem {
  return { line, column: null, message };
}

/** The lengths of the lists an invalid document has, for the preview. */
function roughCounts(input: unknown): ImportCounts {
  if (typeof input !== "object" || input === null) return noCounts;
  const length = (key: string) => {
    const list = (input as Record<string, unknown>)[key];
    return Array.isArray(list) ? list.length : 0;
  };
  return {
    roles: length("roles"),
    reportingLines: length("reportingLines"),
    responsibilities: length("responsibilities"),
    assignments: length("assignments"),
  };
}

/**
 * The line of a JSON syntax error. V8 says "… at position 45" (Node 20) or
 * "… (line 3 column 5)" (newer); other engines may say neither, and then there is no line.
 */
function syntaxErrorLine(body: string, reason: string): number | null {
  const line = /\bline (\d+) column \d+/.exec(reason);
  if (line?.[1] !== undefined) return Number(line[1]);
  const position = /\bposition (\d+)/.exec(reason);
  if (position?.[1] === undefined) return null;
  const offset = Math.min(Number(position[1]), body.length);
  let count = 1;
  for (let index = 0; index < offset; index += 1) if (body.charCodeAt(index) === 10) count += 1;
  return count;
}
