import type { ChartDocument, Operation } from "@rolemap/contract";
/**
 * What a batch's operations touched, in words, without applying them: "changed CEO; 3
 * matrix cells", "changed 4 roles and 2 responsibilities". Roles and responsibilities are
 * named from the operations or from `names`, else by id. For what the engine's
 * summariseOperations cannot be given (a log row older than any document to apply it to)
 * or would cost too much (a replacement of thousands of operations, on the write path).
 */
export function describeTouched(
  operations: readonly Operation[],
  names: ChartDocument | undefined,
): string {
  if (operations.length === 0) return "no change";
  const roles = new Map<string, string | undefined>();
  const rows = new Map<string, string | undefined>();
  let lines = 0;
  let cells = 0;
  let chart = false;
  for (const operation of operations) {
    switch (operation.op) {
      case "addRole":
        roles.set(operation.role.id, operation.role.title);
        break;
      case "updateRole":
      case "removeRole":
      case "moveRole":
        if (!roles.has(operation.id)) roles.set(operation.id, undefined);
        break;
      case "addResponsibility":
        rows.set(operation.responsibility.id, operation.responsibility.name);
        break;
      case "updateResponsibility":
      case "removeResponsibility":
      case "moveResponsibility":
        if (!rows.has(operation.id)) rows.set(operation.id, undefined);
        break;
      case "addLine":
      case "updateLine":
      case "removeLine":
        lines += 1;
        break;
      case "addAssignment":
      case "updateAssignment":
      case "removeAssignment":
        cells += 1;
        break;
      case "updateChart":
        chart = true;
        break;
    }
  }
  const title = (id: string, given: string | undefined) =>
    given ?? names?.roles.find((role) => role.id === id)?.title ?? id;
  const rowName = (id: string, given: string | undefined) =>
    given ?? names?.responsibilities.find((row) => row.id === id)?.name ?? id;
  const changed = [
    touched(roles, title, "roles"),
    touched(rows, rowName, "responsibilities"),
  ].filter((part) => part !== "");
  const parts = [
    ...(changed.length === 0 ? [] : [`changed ${changed.join(" and ")}`]),
    ...(lines === 0 ? [] : [lines === 1 ? "1 reporting line" : `${lines} reporting lines`]),
    ...(cells === 0 ? [] : [cells === 1 ? "1 matrix cell" : `${cells} matrix cells`]),
    ...(chart ? ["changed the chart's name or settings"] : []),
  ];
  return parts.join("; ");
}

/** One subject by name, or how many. */
function touched(
  subjects: Map<string, string | undefined>,
  name: (id: string, given: string | undefined) => string,
  plural: string,
): string {
  if (subjects.size === 0) return "";
  const [only] = subjects;
  return subjects.size === 1 && only !== undefined
    ? name(only[0], only[1])
    : `${subjects.size} ${plural}`;
}
