import type { ChartDocument, Operation } from "@rolemap/contract";
import { createRandom } from "../../../packages/domain/bench/generate-chart";
import { SEED } from "./lib";

/**
 * One batch of 5,000 operations (the contract's most) that applies to `document`, as a
 * tool or a big paste would send it: every role moved on the canvas, then assignments
 * added, recoded and removed, roles renamed, and new roles each with its solid line.
 */
export function bigBatch(document: ChartDocument, size = 5_000): Operation[] {
  const random = createRandom(SEED + 2);
  const operations: Operation[] = [];
  const add = (operation: Operation) => {
    if (operations.length < size) operations.push(operation);
  };
  for (const role of document.roles)
    add({
      op: "moveRole",
      id: role.id,
      position: { x: random.int(0, 8000), y: random.int(0, 6000) },
    });

  const held = new Set(document.assignments.map((a) => `${a.role}|${a.responsibility}|${a.code}`));
  const roleIds = document.roles.map((r) => r.id);
  const responsibilityIds = document.responsibilities.map((r) => r.id);
  for (let n = 0; n < 1_000; n++) {
    const assignment = {
      role: random.pick(roleIds),
      responsibility: random.pick(responsibilityIds),
      code: "I" as const,
    };
    const key = `${assignment.role}|${assignment.responsibility}|I`;
    if (held.has(key) || held.has(`${assignment.role}|${assignment.responsibility}|C`)) continue;
    held.add(key);
    add({ op: "addAssignment", assignment });
  }
  // Recode and remove among the stored assignments (each one named at most once).
  const stored = document.assignments.filter((a) => a.code === "I" || a.code === "C");
  for (const [at, assignment] of stored.slice(0, 1_500).entries()) {
    const other = assignment.code === "I" ? "C" : "I";
    if (at % 3 === 2) add({ op: "removeAssignment", assignment });
    else if (!held.has(`${assignment.role}|${assignment.responsibility}|${other}`)) {
      held.add(`${assignment.role}|${assignment.responsibility}|${other}`);
      add({ op: "updateAssignment", assignment, code: other });
    }
  }
  for (const role of document.roles.slice(0, 500))
    add({ op: "updateRole", id: role.id, changes: { title: `${role.title} (revised)` } });
  for (let n = 0; operations.length < size; n++) {
    const id = `batch-role-${n}`;
    add({ op: "addRole", role: { id, title: `New role ${n}`, holder: null } });
    add({ op: "addLine", line: { manager: random.pick(roleIds), report: id, kind: "solid" } });
  }
  return operations;
}
