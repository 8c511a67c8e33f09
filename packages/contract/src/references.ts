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
 * Key of a (first, second, third) tuple for finding repeats when all three are known (ids
 * of the chart, a valid kind or code): one exact integer, cheap to hash. Otherwise the
 * caller uses a JSON string, which can never equal a number key.
 */
function tupleKey(
  first: number | undefined,
  second: number | undefined,
  secondCount: number,
  third: number,
  thirdCount: number,
): number | undefined {
  if (first === undefined || second === undefined || third < 0) return undefined;
  return (first * secondCount + second) * thirdCount + third;
}

/**
 * Where each tuple key was first seen. Number keys go to an open-addressing table over
 * typed arrays: a Map of 5,000 number keys cost ~0.9 ms to fill (most of this whole check
 * on a 1,000-role chart), this table a few µs. String keys (unknown ids) are rare: a Map.
 */
function createFirstSeen(capacity: number) {
  let size = 16;
  while (size < capacity + (capacity >> 1)) size *= 2;
  const mask = size - 1;
  const keys = new Float64Array(size); // key + 1; 0 is an empty slot
  const firsts = new Int32Array(size);
  const strings = new Map<string, number>();
  return {
    /** The index that first had `key`, or undefined when `index` is the first. */
    firstOf(key: number | string, index: number): number | undefined {
      if (typeof key === "string") {
        const first = strings.get(key);
        if (first === undefined) strings.set(key, index);
        return first;
      }
      const stored = key + 1;
      let slot = Math.imul(key | 0, 0x9e3779b1) & mask;
      while (keys[slot] !== 0 && keys[slot] !== stored) slot = (slot + 1) & mask;
      if (keys[slot] === stored) return firsts[slot];
      keys[slot] = stored;
      firsts[slot] = index;
      return undefined;
    },
  };
}

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

  const seenLines = createFirstSeen(lengthOf(document, "reportingLines"));
  forEachEntry(document, "reportingLines", (line, index) => {
    const manager = stringField(line, "manager");
    const report = stringField(line, "report");
    const managerAt = manager === undefined ? undefined : roleIds.get(manager);
    const reportAt = report === undefined ? undefined : roleIds.get(report);
    if (manager !== undefined && managerAt === undefined)
      problems.push({
        path: ["reportingLines", index, "manager"],
        message: `unknown role "${manager}"`,
      });
    if (report !== undefined && reportAt === undefined)
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
    if (manager === undefined || report === undefined || kind === undefined) return;
    const key =
      tupleKey(
        managerAt,
        reportAt,
        roleCount,
        LINE_KIND_NUMBERS.indexOf(kind),
        LINE_KIND_NUMBERS.length,
      ) ?? JSON.stringify([manager, report, kind]);
    const first = seenLines.firstOf(key, index);
    if (first !== undefined)
      problems.push({
        path: ["reportingLines", index],
        message: `duplicate ${kind} line from "${report}" to "${manager}" (same as reportingLines[${first}])`,
      });
  });

  const seenAssignments = createFirstSeen(lengthOf(document, "assignments"));
  forEachEntry(document, "assignments", (assignment, index) => {
    const role = stringField(assignment, "role");
    const responsibility = stringField(assignment, "responsibility");
    const roleAt = role === undefined ? undefined : roleIds.get(role);
    const responsibilityAt =
      responsibility === undefined ? undefined : responsibilityIds.get(responsibility);
    if (role !== undefined && roleAt === undefined)
      problems.push({ path: ["assignments", index, "role"], message: `unknown role "${role}"` });
    if (responsibility !== undefined && responsibilityAt === undefined)
      problems.push({
        path: ["assignments", index, "responsibility"],
        message: `unknown responsibility "${responsibility}"`,
      });
    const code = stringField(assignment, "code");
    if (role === undefined || responsibility === undefined || code === undefined) return;
    const key =
      tupleKey(
        roleAt,
        responsibilityAt,
        responsibilityCount,
        CODE_NUMBERS.indexOf(code),
        CODE_NUMBERS.length,
      ) ?? JSON.stringify([role, responsibility, code]);
    const first = seenAssignments.firstOf(key, index);
    if (first !== undefined)
      problems.push({
        path: ["assignments", index],
        message: `duplicate assignment of "${code}" to role "${role}" on "${responsibility}" (same as assignments[${first}])`,
      });
  });
  return problems;
}
