import type { PromoteConflict, ReportingLine } from "@rolemap/contract";
import type { Links } from "./merge-links";
import type { Three } from "./merge-rows";

/** Is `target` above `start` (or `start` itself) along solid lines? */
function reachesUp(managers: ReadonlyMap<string, string[]>, start: string, target: string) {
  const seen = new Set([start]);
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === target) return true;
    for (const manager of managers.get(node) ?? [])
      if (!seen.has(manager)) {
        seen.add(manager);
        stack.push(manager);
      }
  }
  return false;
}

/**
 * Moves of the scenario that close a solid-line cycle with the original's moves (each is
 * fine on its own side): the scenario puts A under B while the original put B under A.
 */
export function cyclesClosed(
  lines: readonly ReportingLine[],
  links: Three<Links>,
  title: (id: string) => string,
): PromoteConflict[] {
  const managers = new Map<string, string[]>();
  for (const { manager, report, kind } of lines)
    if (kind === "solid") managers.set(report, [...(managers.get(report) ?? []), manager]);
  const conflicts: PromoteConflict[] = [];
  for (const [id, list] of managers) {
    const before = links.current.managers.get(id) ?? [];
    for (const manager of list) {
      if (before.includes(manager) || !reachesUp(managers, manager, id)) continue;
      if (reachesUp(links.scenario.managers, manager, id)) continue;
      conflicts.push({
        kind: "role",
        subject: id,
        field: "manager",
        message: `the scenario puts ${title(id)} under ${title(manager)}, but in the original ${title(manager)} now reports to ${title(id)}`,
      });
    }
  }
  return conflicts;
}
