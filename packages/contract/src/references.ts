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

/** The objects of one of the document's lists with their indexes; anything else skipped. */
function forEachEntry(document: Entry, key: string, visit: (entry: Entry, index: number) => void) {
  const list = document[key];
  if (!Array.isArray(list)) return;
  // An indexed loop with no tuples: this runs over every line and assignment of every
  // chart the API receives.
  for (let index = 0; index < list.length; index++) {
    const item: unknown = list[index];
    if (typeof item === "object" && item !== null) visit(item as Entry, index);
  }
}

const stringField = (entry: Entry, key: string): string | undefined => {
  const value = entry[key];
  return typeof value === "string" ? value : undefined;
};

/**
 * Numbers each id of a list by its first use and reports the second and later uses.
 * The numbers let repeated lines and assignments be found by numeric keys.
 */
const collectIds = (
  document: Entry,
  key: string,
  what: string,
  problems: ReferenceProblem[],
): Map<string, number> => {
  const firstIndex = new Map<string, number>();
  forEachEntry(document, key, (entry, index) => {
    const id = stringField(entry, "id");
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      problems.push({
        path: [key, index, "id"],
        message: `duplicate ${what} id "${id}" (first used at ${key}[${first}])`,
      });
  });
  return firstIndex;
};

const lengthOf = (document: Entry, key: string) => {
  const list = document[key];
  return Array.isArray(list) ? list.length : 0;
};

/**
 * Key of a (first, second, third) tuple for finding repeats. When all three are known
 * (ids of the chart, a valid kind or code) the key is one exact integer, cheap to hash;
 * otherwise a JSON string, which can never equal a number key.
 */
function tupleKey(
  first: number | undefined,
  second: number | undefined,
  secondCount: number,
  third: number,
  thirdCount: number,
  raw: () => string,
): number | string {
  if (first === undefined || second === undefined || third < 0) return raw();
  return (first * secondCount + second) * thirdCount + third;
}

/** Reports the second and later occurrences of the same tuple. */
const reportRepeats = (
  seen: Map<number | string, number>,
  tuple: number | string,
  path: (string | number)[],
  describe: (first: number) => string,
  problems: ReferenceProblem[],
) => {
  const first = seen.get(tuple);
  if (first === undefined) seen.set(tuple, path[1] as number);
  else problems.push({ path, message: describe(first) });
};

const LINE_KIND_NUMBERS: readonly string[] = ["solid", "dotted"];
const CODE_NUMBERS: readonly string[] = ["R", "A", "C", "I", "S"];

export function checkReferences(input: unknown): ReferenceProblem[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const document = input as Entry;
  const problems: ReferenceProblem[] = [];
  const roleIds = collectIds(document, "roles", "role", problems);
  const responsibilityIds = collectIds(document, "responsibilities", "responsibility", problems);
  const roleCount = lengthOf(document, "roles");
  const responsibilityCount = lengthOf(document, "responsibilities");

  const seenLines = new Map<number | string, number>();
  forEachEntry(document, "reportingLines", (line, index) => {
    const manager = stringField(line, "manager");
    const report = stringField(line, "report");
    if (manager !== undefined && !roleIds.has(manager))
      problems.push({
        path: ["reportingLines", index, "manager"],
        message: `unknown role "${manager}"`,
      });
    if (report !== undefined && !roleIds.has(report))
      problems.push({
        path: ["reportingLines", index, "report"],
        message: `unknown role "${report}"`,
      });
    if (manager !== undefined && manager === report)
      problems.push({
        path: ["reportingLines", index],
        message: `role "${manager}" cannot report to itself`,
      });
    const kind = stringField(line, "kind");
    if (manager !== undefined && report !== undefined && kind !== undefined)
      reportRepeats(
        seenLines,
        tupleKey(
          roleIds.get(manager),
          roleIds.get(report),
          roleCount,
          LINE_KIND_NUMBERS.indexOf(kind),
          LINE_KIND_NUMBERS.length,
          () => JSON.stringify([manager, report, kind]),
        ),
        ["reportingLines", index],
        (first) =>
          `duplicate ${kind} line from "${report}" to "${manager}" (same as reportingLines[${first}])`,
        problems,
      );
  });

  const seenAssignments = new Map<number | string, number>();
  forEachEntry(document, "assignments", (assignment, index) => {
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
        tupleKey(
          roleIds.get(role),
          responsibilityIds.get(responsibility),
          responsibilityCount,
          CODE_NUMBERS.indexOf(code),
          CODE_NUMBERS.length,
          () => JSON.stringify([role, responsibility, code]),
        ),
        ["assignments", index],
        (first) =>
          `duplicate assignment of "${code}" to role "${role}" on "${responsibility}" (same as assignments[${first}])`,
        problems,
      );
  });
  return problems;
}
