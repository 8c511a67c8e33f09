import type {
  ChartDocument,
  Operation,
  Responsibility,
  ResponsibilityChanges,
  Role,
  RoleChanges,
} from "@rolemap/contract";
import { sameJson } from "./diff-charts";
import { longestIncreasing } from "./longest-increasing";
import { assignmentOperations, lineOperations } from "./tuple-operations-between";

const ROLE_FIELDS = ["title", "holder", "department", "notes", "position"] as const;
const ROLE_CLEARABLE: readonly string[] = ["department", "notes", "position"];
const RESPONSIBILITY_FIELDS = ["name", "category", "description"] as const;
const RESPONSIBILITY_CLEARABLE: readonly string[] = ["category", "description"];

/**
 * The `changes` of an update from `before` to `after` (null clears an optional field), or
 * undefined when no update can say it: a holder present before and absent after (null is
 * a value, so it cannot be cleared).
 */
function changedFields(
  before: object,
  after: object,
  fields: readonly string[],
  clearable: readonly string[],
): Record<string, unknown> | undefined {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    if (sameJson(old[field], now[field])) continue;
    if (now[field] !== undefined) changes[field] = now[field];
    else if (clearable.includes(field)) changes[field] = null;
    else return undefined;
  }
  return changes;
}

/** Rows of `after` that are in `before` too, with a longest run of them kept in order. */
function keptInOrder<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const beforeIndex = new Map(before.map((row, i) => [row.id, i]));
  const common = after.filter((row) => beforeIndex.has(row.id));
  const inOrder = longestIncreasing(common.map((row) => beforeIndex.get(row.id) as number));
  return {
    beforeIndex,
    inOrder: common.filter((_, i) => inOrder[i]),
    old: (row: T) => before[beforeIndex.get(row.id) as number] as T,
  };
}

/**
 * Roles have no move operation: a role out of order (or one whose change no update can
 * say) is removed, which drops its lines and assignments, and added again at its index.
 * Removing all of those first and adding in increasing index puts each at its place.
 */
function roleOperations(before: readonly Role[], after: readonly Role[]) {
  const { inOrder, old } = keptInOrder(before, after);
  const kept = new Set<string>();
  const updates: Operation[] = [];
  for (const role of inOrder) {
    const changes = changedFields(old(role), role, ROLE_FIELDS, ROLE_CLEARABLE);
    if (changes === undefined) continue;
    kept.add(role.id);
    if (Object.keys(changes).length > 0)
      updates.push({ op: "updateRole", id: role.id, changes: changes as RoleChanges });
  }
  const gone = before.filter((role) => !kept.has(role.id)).map((role) => role.id);
  return {
    gone: new Set(gone),
    removals: gone.map((id): Operation => ({ op: "removeRole", id })),
    updates,
    additions: after.flatMap((role, index): Operation[] =>
      kept.has(role.id) ? [] : [{ op: "addRole", role, index }],
    ),
  };
}

/**
 * Responsibilities move (which keeps their assignments): the longest run already in order
 * stays, and every other row, moved or new, goes right after its predecessor in `after`,
 * in `after`'s order, on a list of ids kept up to date as the operations would change it.
 */
function responsibilityOperations(
  before: readonly Responsibility[],
  after: readonly Responsibility[],
) {
  const { beforeIndex, inOrder, old } = keptInOrder(before, after);
  const afterIds = new Set(after.map((row) => row.id));
  const gone = before.filter((row) => !afterIds.has(row.id)).map((row) => row.id);
  const updates: Operation[] = [];
  for (const row of after.filter((r) => beforeIndex.has(r.id))) {
    const changes = changedFields(old(row), row, RESPONSIBILITY_FIELDS, RESPONSIBILITY_CLEARABLE);
    if (changes === undefined) throw new Error(`responsibility "${row.id}" has no name`);
    if (Object.keys(changes).length > 0)
      updates.push({
        op: "updateResponsibility",
        id: row.id,
        changes: changes as ResponsibilityChanges,
      });
  }
  const stays = new Set(inOrder.map((row) => row.id));
  const ids = before.map((row) => row.id).filter((id) => afterIds.has(id));
  const placements: Operation[] = [];
  after.forEach((row, i) => {
    if (stays.has(row.id)) return;
    const previous = after[i - 1]?.id;
    // Most rows are already where `after` has them: look there before searching.
    const target =
      previous === undefined ? 0 : (ids[i - 1] === previous ? i - 1 : ids.indexOf(previous)) + 1;
    if (!beforeIndex.has(row.id)) {
      placements.push({ op: "addResponsibility", responsibility: row, index: target });
      ids.splice(target, 0, row.id);
      return;
    }
    const from = ids.indexOf(row.id);
    const index = from < target ? target - 1 : target;
    if (index === from) return;
    placements.push({ op: "moveResponsibility", id: row.id, index });
    ids.splice(from, 1);
    ids.splice(index, 0, row.id);
  });
  return {
    gone: new Set(gone),
    removals: gone.map((id): Operation => ({ op: "removeResponsibility", id })),
    updates,
    placements,
  };
}

function chartOperations(before: ChartDocument, after: ChartDocument): Operation[] {
  const renamed = before.name !== after.name;
  const resettled = !sameJson(before.settings, after.settings);
  if (!renamed && !resettled) return [];
  return [
    {
      op: "updateChart",
      ...(renamed ? { name: after.name } : {}),
      ...(resettled ? { settings: after.settings ?? null } : {}),
    },
  ];
}

/**
 * Ordinary operations that turn `before` into `after` exactly (every list in `after`'s
 * order, the name and the settings), so a whole-chart replacement or an import can go in
 * the chart's operation log: `applyOperations(before, operationsBetween(before, after))`
 * gives `after`. Few operations: updates name only the fields that changed; roles out of
 * order are removed and added again (no operation moves a role), responsibilities moved;
 * lines and assignments past the longest start of `after`'s list that the stored list
 * already has in order are removed and appended again. Both documents must be valid.
 */
export function operationsBetween(before: ChartDocument, after: ChartDocument): Operation[] {
  const roles = roleOperations(before.roles, after.roles);
  const responsibilities = responsibilityOperations(
    before.responsibilities,
    after.responsibilities,
  );
  // What the removals left of the lists, which the removals themselves cascade to.
  const lines = before.reportingLines.filter(
    (line) => !roles.gone.has(line.manager) && !roles.gone.has(line.report),
  );
  const assignments = before.assignments.filter(
    (a) => !roles.gone.has(a.role) && !responsibilities.gone.has(a.responsibility),
  );
  return [
    ...chartOperations(before, after),
    ...roles.removals,
    ...responsibilities.removals,
    ...roles.updates,
    ...responsibilities.updates,
    ...roles.additions,
    ...responsibilities.placements,
    ...lineOperations(lines, after.reportingLines),
    ...assignmentOperations(assignments, after.assignments),
  ];
}
