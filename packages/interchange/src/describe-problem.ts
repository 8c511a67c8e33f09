import type { ImportProblem } from "@rolemap/contract";

/** "line 14, column Manager: manager \"J. Doe\" matches no one" — one line per problem. */
export function describeImportProblem(problem: ImportProblem): string {
  const where: string[] = [];
  if (problem.line !== null) where.push(`line ${problem.line}`);
  if (problem.column !== null) where.push(`column ${problem.column}`);
  return where.length === 0 ? problem.message : `${where.join(", ")}: ${problem.message}`;
}
