/**
 * The four lists of a chart as one batch of operations edits them, so a batch costs what it
 * names rather than its length times the chart's size. A removal leaves a hole (closed up
 * when an edit needs the rows' places, and at the end), so positions hold still and an index
 * stays valid. Lookups scan until a batch has made `SCANS_BEFORE_INDEX` of them, then build
 * the index once: a live edit of two or three operations never pays for indexing a large
 * chart, and a batch of thousands does not scan it thousands of times.
 */
const SCANS_BEFORE_INDEX = 8;

const compact = <T>(rows: readonly (T | undefined)[]): T[] =>
  rows.filter((row): row is T => row !== undefined);

/** Roles or responsibilities: rows with ids, in the document's order. */
export function editableList<T extends { id: string }>(initial: readonly T[]) {
  let rows: (T | undefined)[] = [...initial];
  let holes = 0;
  let byId: Map<string, number> | undefined;
  let scans = 0;
  /** Cleared when the input repeats an id (not a valid chart): then every lookup scans. */
  let indexable = true;

  const close = () => {
    if (holes > 0) rows = compact(rows);
    holes = 0;
    byId = undefined;
  };
  const buildIndex = () => {
    const index = new Map<string, number>();
    for (let at = 0; at < rows.length; at++) {
      const id = rows[at]?.id;
      if (id === undefined) continue;
      if (index.has(id)) {
        indexable = false;
        return undefined;
      }
      index.set(id, at);
    }
    return index;
  };
  const find = (id: string): number => {
    if (byId === undefined && indexable && ++scans > SCANS_BEFORE_INDEX) byId = buildIndex();
    if (byId !== undefined) return byId.get(id) ?? -1;
    return rows.findIndex((row) => row?.id === id);
  };

  return {
    /** How many rows there are. */
    get length() {
      return rows.length - holes;
    },
    /** The position of the (first) row with `id`, or -1; for `at` and `replace`. */
    find,
    at: (position: number) => rows[position] as T,
    /** Puts a changed row (with the same id) where it was. */
    replace(position: number, row: T) {
      rows[position] = row;
    },
    /** Inserts a row at `index` among the rows (at the end when `index` is their number). */
    insert(row: T, index: number) {
      if (index < rows.length - holes) {
        close();
        rows.splice(index, 0, row);
        return;
      }
      rows.push(row);
      if (byId === undefined) return;
      if (byId.has(row.id)) {
        byId = undefined;
        indexable = false;
      } else byId.set(row.id, rows.length - 1);
    },
    /** Removes every row with `id` (a valid chart has one). */
    remove(id: string) {
      const first = find(id);
      if (first === -1) return;
      if (byId !== undefined) byId.delete(id); // indexed: the only one
      for (let at = first; at < rows.length; at++)
        if (rows[at]?.id === id) {
          rows[at] = undefined;
          holes += 1;
          if (byId !== undefined) break;
        }
    },
    /** Moves the row with `id` (which is there) to `index` among the rows. */
    move(id: string, index: number) {
      close();
      const [moved] = rows.splice(find(id), 1);
      rows.splice(index, 0, moved);
      byId = undefined;
    },
    /** The rows, in order. */
    result: (): T[] => (holes === 0 ? (rows as T[]) : compact(rows)),
  };
}

/** Positions of tuples by the values of their key fields, as nested maps (no key strings). */
function tupleIndex<T extends object>(keys: readonly (keyof T)[]) {
  const root = new Map<unknown, unknown>();
  const last = keys.length - 1;
  /** The map that holds the last key of `row`, created on the way when `create`. */
  const leaf = (row: T, create: boolean): Map<unknown, number> | undefined => {
    let node = root;
    for (let k = 0; k < last; k++) {
      const value = row[keys[k] as keyof T];
      let next = node.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        if (!create) return undefined;
        next = new Map();
        node.set(value, next);
      }
      node = next;
    }
    return node as Map<unknown, number>;
  };
  const lastKey = keys[last] as keyof T;
  return {
    get: (row: T) => leaf(row, false)?.get(row[lastKey]),
    /** False when a row with these keys is there already. */
    add(row: T, at: number): boolean {
      const map = leaf(row, true) as Map<unknown, number>;
      if (map.has(row[lastKey])) return false;
      map.set(row[lastKey], at);
      return true;
    },
    delete: (row: T) => leaf(row, false)?.delete(row[lastKey]),
  };
}

/**
 * Lines or assignments: tuples (equal when their `keys` are) in insertion order, only ever
 * removed or appended, so positions never change within a batch. A row is found whole by its
 * keys, and the rows of one role or responsibility through lists of positions by a field.
 */
export function editableTuples<T extends object>(
  initial: readonly T[],
  keys: readonly (keyof T)[],
) {
  const rows: (T | undefined)[] = [...initial];
  let holes = 0;
  let byKeys: ReturnType<typeof tupleIndex<T>> | undefined;
  let keyScans = 0;
  let indexable = true;
  const byField = new Map<keyof T, Map<unknown, number[]>>();
  const fieldScans = new Map<keyof T, number>();

  const same = (a: T, b: T) => keys.every((key) => a[key] === b[key]);
  const buildKeyIndex = () => {
    const index = tupleIndex<T>(keys);
    for (let at = 0; at < rows.length; at++) {
      const row = rows[at];
      if (row !== undefined && !index.add(row, at)) {
        indexable = false;
        return undefined;
      }
    }
    return index;
  };
  const keyIndex = () => {
    if (byKeys === undefined && indexable && ++keyScans > SCANS_BEFORE_INDEX)
      byKeys = buildKeyIndex();
    return byKeys;
  };
  const addToFieldIndex = (index: Map<unknown, number[]>, value: unknown, at: number) => {
    const list = index.get(value);
    if (list === undefined) index.set(value, [at]);
    else list.push(at);
  };
  const buildFieldIndex = (field: keyof T) => {
    const index = new Map<unknown, number[]>();
    for (let at = 0; at < rows.length; at++) {
      const row = rows[at];
      if (row !== undefined) addToFieldIndex(index, row[field], at);
    }
    byField.set(field, index);
    return index;
  };
  const removeAt = (at: number) => {
    const row = rows[at];
    if (row === undefined) return;
    rows[at] = undefined;
    holes += 1;
    byKeys?.delete(row);
  };

  return {
    has(row: T): boolean {
      const index = keyIndex();
      if (index !== undefined) return index.get(row) !== undefined;
      return rows.some((held) => held !== undefined && same(held, row));
    },
    /** Removes every row equal to `row` (a valid chart has one). */
    removeEqual(row: T) {
      const index = keyIndex();
      if (index !== undefined) {
        const at = index.get(row);
        if (at !== undefined) removeAt(at);
        return;
      }
      for (let at = 0; at < rows.length; at++) {
        const held = rows[at];
        if (held !== undefined && same(held, row)) removeAt(at);
      }
    },
    append(row: T) {
      rows.push(row);
      const at = rows.length - 1;
      if (byKeys !== undefined && !byKeys.add(row, at)) {
        byKeys = undefined;
        indexable = false;
      }
      for (const [field, index] of byField) addToFieldIndex(index, row[field], at);
    },
    /** The positions of the rows whose `field` is `value`, in order. */
    where(field: keyof T, value: unknown): number[] {
      const scans = (fieldScans.get(field) ?? 0) + 1;
      fieldScans.set(field, scans);
      let index = byField.get(field);
      if (index === undefined && scans > SCANS_BEFORE_INDEX) index = buildFieldIndex(field);
      const found: number[] = [];
      if (index !== undefined) {
        for (const at of index.get(value) ?? []) if (rows[at]?.[field] === value) found.push(at);
        return found;
      }
      for (let at = 0; at < rows.length; at++) if (rows[at]?.[field] === value) found.push(at);
      return found;
    },
    at: (position: number) => rows[position] as T,
    /** Removes the row at a position `where` gave. */
    removeAt,
    result: (): T[] => (holes === 0 ? (rows as T[]) : compact(rows)),
  };
}
