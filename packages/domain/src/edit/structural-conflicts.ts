import type { ChartDocument, InputIssue, Operation, ReportingLine } from "@rolemap/contract";

/** The solid lines an operation draws (manager → report), if any. */
function solidLinesOf(operation: Operation): { manager: string; report: string }[] {
  switch (operation.op) {
    case "addLine":
      return operation.line.kind === "solid" ? [operation.line] : [];
    case "updateLine":
      return operation.kind === "solid" ? [operation.line] : [];
    case "moveRole":
      return typeof operation.manager === "string"
        ? [{ manager: operation.manager, report: operation.id }]
        : [];
    default:
      return [];
  }
}

/** Solid managers by report, built only when a batch draws a solid line. */
function solidManagers(lines: readonly ReportingLine[]): Map<string, string[]> {
  const managers = new Map<string, string[]>();
  for (const line of lines) {
    if (line.kind !== "solid") continue;
    const list = managers.get(line.report);
    if (list === undefined) managers.set(line.report, [line.manager]);
    else list.push(line.manager);
  }
  return managers;
}

/** Is `target` reachable from `start` by going up solid lines? */
function reachesUp(managers: Map<string, string[]>, start: string, target: string): boolean {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    if (node === target) return true;
    for (const manager of managers.get(node) ?? [])
      if (!seen.has(manager)) {
        seen.add(manager);
        queue.push(manager);
      }
  }
  return false;
}

/**
 * What a live merge refuses (live.md): a batch whose solid lines, in the chart they
 * produced (`after`), give a role a second solid-line manager or close a cycle. Only the
 * lines the batch draws are checked, so a chart that already had such a problem (an import)
 * does not block unrelated edits. Problems name the operation that drew the line.
 */
export function structuralConflicts(
  after: ChartDocument,
  operations: readonly Operation[],
): InputIssue[] {
  const drawn = operations.flatMap((operation, at) =>
    solidLinesOf(operation).map((line) => ({ ...line, at })),
  );
  if (drawn.length === 0) return [];
  const managers = solidManagers(after.reportingLines);
  const issues: InputIssue[] = [];
  for (const { manager, report, at } of drawn) {
    const current = managers.get(report) ?? [];
    // A line removed again later in the batch is no conflict.
    if (!current.includes(manager)) continue;
    const path = `operations[${at}]`;
    if (current.length > 1)
      issues.push({
        path,
        message: `role "${report}" would have ${current.length} solid-line managers (${current
          .map((id) => `"${id}"`)
          .join(", ")}); a role has one`,
      });
    else if (reachesUp(managers, manager, report))
      issues.push({
        path,
        message: `a solid line from "${report}" to "${manager}" would close a cycle: "${manager}" already reports to "${report}"`,
      });
  }
  return issues;
}
