import {
  type ChartDocument,
  describeIssue,
  type ImportCounts,
  type ImportProblem,
  parseChart,
} from "@rolemap/contract";

/** What an import gives: the chart, or null when anything is wrong, and every problem. */
export interface ImportResult {
  /** null exactly when `problems` is non-empty: an import is all or nothing. */
  document: ChartDocument | null;
  /** What the import creates (for a merge: what it adds); counted even when there are problems. */
  counts: ImportCounts;
  /** Every problem found, in file order (problems of the whole file first). */
  problems: ImportProblem[];
}

export function countsOf(document: ChartDocument): ImportCounts {
  return {
    roles: document.roles.length,
    reportingLines: document.reportingLines.length,
    responsibilities: document.responsibilities.length,
    assignments: document.assignments.length,
  };
}

export function failed(counts: ImportCounts, problems: ImportProblem[]): ImportResult {
  return { document: null, counts, problems: sortProblems(problems) };
}

/**
 * The end of every import: the problems in file order, or the document after the
 * contract's own check. The importers check everything the contract does, so a document
 * failing `parseChart` here is a bug; it is reported rather than handed on.
 */
export function finish(
  document: ChartDocument,
  counts: ImportCounts,
  problems: ImportProblem[],
): ImportResult {
  if (problems.length > 0) return failed(counts, problems);
  const parsed = parseChart(document);
  if (parsed.ok) return { document: parsed.value, counts, problems: [] };
  return failed(
    counts,
    parsed.issues.map((issue) => ({
      line: null,
      column: null,
      message: `the imported chart would be invalid: ${describeIssue(issue)}`,
    })),
  );
}

/** By line, problems of the whole file (line null) first; stable within a line. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}
