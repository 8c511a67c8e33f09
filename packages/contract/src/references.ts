/**
 * Cross-reference checks of a chart document that a per-field schema cannot express:
 * unknown role/responsibility ids, duplicate ids, self-lines, duplicate lines and
 * assignments. Reads the raw input defensively so it can run beside a failed shape check
 * and still report every problem.
 */

export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

type Entry = Record<string, unknown>;

const entriesOf = (document: Entry, key: string): [number, Entry][] => {
  const list = document[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): [number, Entry][] =>
    typeof item === "object" && item !== null ? [[index, item as Entry]] : [],
  );
};

const stringField = (entry: Entry, key: string): string | undefined => {
  const value = entry[key];
  return typeof value === "string" ? value : undefined;
};

/** Collects ids of a list and reports the second and later uses of each. */
const collectIds = (
  document: Entry,
  key: string,
  what: string,
  problems: ReferenceProblem[],
): Set<string> => {
  const firstIndex = new Map<string, number>();
  for (const [index, entry] of entriesOf(document, key)) {
    const id = stringField(entry, "id");
    if (id === undefined) continue;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      problems.push({
        path: [key, index, "id"],
        message: `duplicate ${what} id "${id}" (first used at ${key}[${first}])`,
      });
  }
  return new Set(firstIndex.keys());
};

/** Reports the second and later occurrences of the same tuple. */
const reportRepeats = (
  seen: Map<string, number>,
  tuple: string,
  path: (string | number)[],
  describe: (first: number) => string,
  problems: ReferenceProblem[],
) => {
  const first = seen.get(tuple);
  if (first === undefined) seen.set(tuple, path[1] as number);
  else problems.push({ path, message: describe(first) });
};

export function checkReferences(input: unknown): ReferenceProblem[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const document = input as Entry;
  const problems: ReferenceProblem[] = [];
  const roleIds = collectIds(document, "roles", "role", problems);
  const responsibilityIds = collectIds(document, "responsibilities", "responsibility", problems);

  const seenLines = new Map<string, number>();
  for (const [index, line] of entriesOf(document, "reportingLines")) {
    const manager = stringField(line, "manager");
    const report = stringField(line, "report");
    for (const [key, value] of [
      ["manager", manager],
      ["report", report],
    ] as const) {
      if (value !== undefined && !roleIds.has(value))
        problems.push({ path: ["reportingLines", index, key], message: `unknown role "${value}"` });
    }
    if (manager !== undefined && manager === report)
      problems.push({
        path: ["reportingLines", index],
        message: `role "${manager}" cannot report to itself`,
      });
    const kind = stringField(line, "kind");
    if (manager !== undefined && report !== undefined && kind !== undefined)
      reportRepeats(
        seenLines,
        JSON.stringify([manager, report, kind]),
        ["reportingLines", index],
        (first) =>
          `duplicate ${kind} line from "${report}" to "${manager}" (same as reportingLines[${first}])`,
        problems,
      );
  }

  const seenAssignments = new Map<string, number>();
  for (const [index, assignment] of entriesOf(document, "assignments")) {
    const role = stringField(assignment, "role");
    const responsibility = stringField(assignment, "responsibility");
    if (role !== undefined && !roleIds.has(role))
      problems.push({ path: ["assignments", index, "role"], message: `unknown role "${role}"` });
    if (responsibility !== undefined && !responsibilityIds.has(responsibility))
      problems.push({
        path: ["assignments", index, "responsibility"],
        message: `unknown responsibility "${responsibility}"`,
      });
    const code = stringField(assignment, "code");
    if (role !== undefined && responsibility !== undefined && code !== undefined)
      reportRepeats(
        seenAssignments,
        JSON.stringify([role, responsibility, code]),
        ["assignments", index],
        (first) =>
          `duplicate assignment of "${code}" to role "${role}" on "${responsibility}" (same as assignments[${first}])`,
        problems,
      );
  }
  return problems;
}
