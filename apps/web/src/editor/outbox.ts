import type { Operation } from "@rolemap/contract";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/**
 * My edits not yet acknowledged by the server, kept in the browser (IndexedDB) so that a
 * tab closed or reloaded while offline loses nothing: the next visit sends them again, and
 * the server's exactly-once batch ids make sending twice harmless.
 */
export interface StoredBatch {
  chartId: string;
  /**
   * Who made it (an account, a guest): on a shared computer, the next person to sign in
   * must not send someone else's edits under their own name.
   */
  author: string;
  batch: string;
  operations: readonly Operation[];
  label: string;
  base: number;
  /** Orders a chart's batches as they were made. */
  madeAt: number;
}

export interface Outbox {
  /** A chart's batches made by `author`, oldest first. */
  load(chartId: string, author: string): Promise<StoredBatch[]>;
  add(batch: StoredBatch): Promise<void>;
  remove(batchIds: readonly string[]): Promise<void>;
}

interface OutboxSchema extends DBSchema {
  batches: {
    key: string;
    value: StoredBatch;
    indexes: { byChart: [string, number] };
  };
}

const DATABASE = "rolemap";
const VERSION = 1;

/** The outbox in this browser's IndexedDB; in memory where there is none (a private window may refuse it). */
export function browserOutbox(): Outbox {
  if (typeof indexedDB === "undefined") return memoryOutbox();
  let opened: Promise<IDBPDatabase<OutboxSchema>> | undefined;
  const database = () => {
    opened ??= openDB<OutboxSchema>(DATABASE, VERSION, {
      upgrade(db) {
        const store = db.createObjectStore("batches", { keyPath: "batch" });
        store.createIndex("byChart", ["chartId", "madeAt"]);
      },
    });
    return opened;
  };
  return {
    async load(chartId, author) {
      const db = await database();
      const range = IDBKeyRange.bound([chartId, -Infinity], [chartId, Infinity]);
      const batches = await db.getAllFromIndex("batches", "byChart", range);
      return batches.filter((batch) => batch.author === author);
    },
    async add(batch) {
      await (await database()).put("batches", batch);
    },
    async remove(batchIds) {
      if (batchIds.length === 0) return;
      const tx = (await database()).transaction("batches", "readwrite");
      await Promise.all([...batchIds.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

/** An outbox that lives as long as the page: for tests, and browsers without IndexedDB. */
export function memoryOutbox(): Outbox & { batches: Map<string, StoredBatch> } {
  const batches = new Map<string, StoredBatch>();
  return {
    batches,
    load: async (chartId, author) =>
      [...batches.values()]
        .filter((batch) => batch.chartId === chartId && batch.author === author)
        .sort((a, b) => a.madeAt - b.madeAt),
    add: async (batch) => void batches.set(batch.batch, batch),
    remove: async (batchIds) => {
      for (const id of batchIds) batches.delete(id);
    },
  };
}
