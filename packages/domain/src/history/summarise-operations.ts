import type { ChartDocument, LineKind, Operation, RaciCode, Role } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import { applyOperations } from "../edit/apply-operations";
import { sameJson } from "../edit/diff-charts";
import { isVacant } from "../roles";
import { createSummaryParts, type PartKind, shortName } from "./summary-parts";
import { nameSubjects, readLinks, readRows } from "./summary-subjects";

/** The kinds of change a summary names, each with its words for several subjects. */
const KINDS = {
  chartRenamed: { many: () => "renamed the chart" },
  chartSettings: { many: () => "changed the chart's settings" },
  roleAdded: { many: (n) => `added ${n} roles`, two: (a, b) => `added ${a} and ${b}` },
  roleRemoved: { many: (n) => `removed ${n} roles`, two: (a, b) => `removed ${a} and ${b}` },
  roleMoved: { many: (n) => `moved ${n} roles` },
  roleRenamed: { many: (n) => `renamed ${n} roles` },
  roleHolder: { many: (n) => `changed the holders of ${n} roles` },
  roleEdited: { many: (n) => `edited ${n} roles` },
  roleRepositioned: { many: (n) => `repositioned ${n} roles` },
  roleReordered: { many: (n) => `reordered ${n} roles` },
  lines: { many: (n) => `${n} reporting lines` },
  rowAdded: { many: (n) => `added ${n} responsibilities`, two: (a, b) => `added ${a} and ${b}` },
  rowRemoved: {
    many: (n) => `removed ${n} responsibilities`,
    two: (a, b) => `removed ${a} and ${b}`,
  },
  rowRenamed: { many: (n) => `renamed ${n} responsibilities` },
  rowEdited: { many: (n) => `edited ${n} responsibilities` },
  rowReordered: { many: (n) => `reordered ${n} responsibilities` },
  cells: { many: (n) => `${n} matrix cells` },
} satisfies Record<string, PartKind>;

const sameSet = <T>(a: readonly T[] = [], b: readonly T[] = []) =>
  a.length === b.length && a.every((item) => b.includes(item));

const holderOf = (role: Role) => (isVacant(role) ? "" : (role.holder ?? "").trim());

const codeWords = (codes: readonly RaciCode[]) =>
  RACI_CODES.filter((code) => codes.includes(code)).join(" and ");

/**
 * A version's change in words for the history list: "moved CIO under CEO; 3 matrix
 * cells", "added CISO; renamed Data governance to Data stewardship", "changed the chart's
 * settings". Names come from `before` (and from the batch for what it adds), never ids
 * when a name is known; repeated edits of a kind are counted ("moved 4 roles"); the parts
 * come in the order the batch first made them and stop at about 140 characters ("… and 2
 * more changes"). What the batch undoes again, or what only reorders a replacement's lists
 * (`operationsBetween` removes and adds back a role out of order), is not a change; nor
 * are the lines and cells a removed role or row takes with it. An empty batch is "no
 * change"; a batch that does not apply to `before` is counted.
 */
export function summariseOperations(
  before: ChartDocument,
  operations: readonly Operation[],
  /**
   * The document the batch made, when the caller has it (the write path does): applying
   * the batch again costs time proportional to the chart (~10 ms at 10,000 roles).
   */
  result?: ChartDocument,
): string {
  if (operations.length === 0) return "no change";
  let after = result;
  if (after === undefined) {
    const applied = applyOperations(before, operations);
    if (!applied.ok)
      return operations.length === 1
        ? "1 change that does not apply"
        : `${operations.length} changes that do not apply`;
    after = applied.document;
  }
  const named = nameSubjects(operations);
  const oldLinks = readLinks(before, named);
  const newLinks = readLinks(after, named);

  const roleIds = new Set([...named.roles.keys(), ...named.managed.keys()]);
  const rowIds = new Set(named.rows.keys());
  for (const links of [oldLinks, newLinks])
    for (const managers of links.managers.values()) for (const id of managers) roleIds.add(id);
  for (const key of named.pairs.keys()) for (const id of key.split("\u0000")) roleIds.add(id);
  for (const key of named.cells.keys()) {
    const [role = "", row = ""] = key.split("\u0000");
    roleIds.add(role);
    rowIds.add(row);
  }
  const old = readRows(before, roleIds, rowIds);
  const now = readRows(after, roleIds, rowIds);

  const parts = createSummaryParts();
  const title = (id: string) =>
    shortName((old.roles.get(id) ?? now.roles.get(id))?.role.title ?? id);
  const rowName = (id: string) => shortName((old.rows.get(id) ?? now.rows.get(id))?.row.name ?? id);

  if (named.chart !== -1) {
    if (before.name !== after.name)
      parts.add(KINDS.chartRenamed, named.chart, `renamed the chart to ${shortName(after.name)}`);
    if (!sameJson(before.settings, after.settings))
      parts.add(KINDS.chartSettings, named.chart, "changed the chart's settings");
  }

  // Roles whose manager a part already names: their solid lines are not counted again.
  const placed = new Set<string>();
  for (const [id, at] of named.managed) {
    if (!old.roles.has(id) || !now.roles.has(id)) continue;
    const managers = newLinks.managers.get(id) ?? [];
    if (sameSet(oldLinks.managers.get(id), managers)) continue;
    placed.add(id);
    parts.add(
      KINDS.roleMoved,
      at,
      managers.length === 0
        ? `made ${title(id)} a top role`
        : `moved ${title(id)} under ${managers.map(title).join(" and ")}`,
    );
  }

  for (const [id, at] of named.roles) {
    const was = old.roles.get(id);
    const is = now.roles.get(id);
    if (was === undefined && is !== undefined) {
      const [manager, ...others] = newLinks.managers.get(id) ?? [];
      const under = manager !== undefined && others.length === 0 ? ` under ${title(manager)}` : "";
      if (manager !== undefined) placed.add(id);
      parts.add(KINDS.roleAdded, at, `added ${title(id)}${under}`, title(id));
    } else if (was !== undefined && is === undefined)
      parts.add(KINDS.roleRemoved, at, `removed ${title(id)}`, title(id));
    if (was === undefined || is === undefined) continue;
    const [a, b] = [was.role, is.role];
    let changed = placed.has(id);
    if (a.title !== b.title) {
      changed = true;
      parts.add(KINDS.roleRenamed, at, `renamed ${title(id)} to ${shortName(b.title)}`);
    }
    if (holderOf(a) !== holderOf(b)) {
      changed = true;
      const holder = holderOf(b);
      parts.add(
        KINDS.roleHolder,
        at,
        holder === "" ? `vacated ${title(id)}` : `appointed ${shortName(holder)} as ${title(id)}`,
      );
    }
    if (a.department !== b.department || a.notes !== b.notes) {
      changed = true;
      parts.add(KINDS.roleEdited, at, `edited ${title(id)}`);
    }
    if (!changed && !sameJson(a.position, b.position))
      parts.add(KINDS.roleRepositioned, at, `repositioned ${title(id)}`);
    else if (!changed && named.replacedRoles.has(id) && was.index !== is.index)
      parts.add(KINDS.roleReordered, at, `reordered ${title(id)}`);
  }

  for (const [key, at] of named.pairs) {
    const [manager = "", report = ""] = key.split("\u0000");
    if (!now.roles.has(manager) || !now.roles.has(report)) continue;
    // A solid line to a role placed by a move or an addition is told by that part.
    const told = (kind: LineKind) => !(kind === "solid" && placed.has(report));
    const was = (oldLinks.kinds.get(key) ?? []).filter(told);
    const is = (newLinks.kinds.get(key) ?? []).filter(told);
    if (sameSet(was, is)) continue;
    const between = `line from ${title(report)} to ${title(manager)}`;
    const [first] = was;
    const [next] = is;
    parts.add(
      KINDS.lines,
      at,
      was.length === 0 && is.length === 1
        ? `added a ${next} ${between}`
        : was.length === 1 && is.length === 0
          ? `removed the ${first} ${between}`
          : was.length === 1 && is.length === 1
            ? `made the ${between} ${next}`
            : `changed the lines from ${title(report)} to ${title(manager)}`,
    );
  }

  for (const [id, at] of named.rows) {
    const was = old.rows.get(id);
    const is = now.rows.get(id);
    if (was === undefined && is !== undefined)
      parts.add(KINDS.rowAdded, at, `added ${rowName(id)}`, rowName(id));
    else if (was !== undefined && is === undefined)
      parts.add(KINDS.rowRemoved, at, `removed ${rowName(id)}`, rowName(id));
    if (was === undefined || is === undefined) continue;
    const [a, b] = [was.row, is.row];
    const renamed = a.name !== b.name;
    const edited = a.category !== b.category || a.description !== b.description;
    if (renamed) parts.add(KINDS.rowRenamed, at, `renamed ${rowName(id)} to ${shortName(b.name)}`);
    if (edited) parts.add(KINDS.rowEdited, at, `edited ${rowName(id)}`);
    if (!renamed && !edited && was.index !== is.index)
      parts.add(KINDS.rowReordered, at, `reordered ${rowName(id)}`);
  }

  for (const [key, at] of named.cells) {
    const [role = "", row = ""] = key.split("\u0000");
    if (!now.roles.has(role) || !now.rows.has(row)) continue;
    const codes = newLinks.codes.get(key) ?? [];
    if (sameSet(oldLinks.codes.get(key), codes)) continue;
    parts.add(
      KINDS.cells,
      at,
      codes.length === 0
        ? `cleared ${title(role)} on ${rowName(row)}`
        : `set ${title(role)} to ${codeWords(codes)} on ${rowName(row)}`,
    );
  }
  return parts.text();
}
