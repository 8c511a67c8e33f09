import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Applies prisma/migrations/<name>/migration.sql at start-up, in name order, each in its
 * own transaction, and records them in `_prisma_migrations` exactly as `prisma migrate
 * deploy` does (same table, sha256 checksum of the file). Prisma's own deploy needs a
 * schema engine that these machines cannot download; this runner needs nothing, and
 * Prisma's tooling still reads the history it writes.
 */

/** What the runner needs of a connection: parameterised queries and whole scripts. */
export interface SqlConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

// The table Prisma's schema engine creates on PostgreSQL.
const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
/** The advisory lock key Prisma Migrate takes, so concurrent starts migrate once. */
const LOCK_KEY = 72707369;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../../../prisma/migrations");

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readFile(path.join(dir, name, "migration.sql")).catch(() => undefined);
    if (bytes === undefined) continue; // Prisma skips folders without migration.sql too
    const checksum = createHash("sha256").update(bytes).digest("hex");
    files.push({ name, sql: bytes.toString("utf8"), checksum });
  }
  return files;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies what is pending; returns the names applied. */
export async function migrate(
  connection: SqlConnection,
  warn: (message: string) => void,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const files = await readMigrations(dir);
  await connection.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await connection.exec(CREATE_HISTORY);
    const rows = await connection.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed !== undefined)
      throw new Error(
        `migration ${failed.migration_name} failed earlier; resolve it with \`npm run prisma -- migrate resolve\``,
      );
    const applied = new Map(
      rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]),
    );
    const applying: string[] = [];
    for (const file of files) {
      const checksum = applied.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum)
          warn(`migration ${file.name} was changed after it was applied`);
        continue;
      }
      await applyOne(connection, file);
      applying.push(file.name);
    }
    return applying;
  } finally {
    await connection.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}

async function applyOne(connection: SqlConnection, file: MigrationFile) {
  await connection.exec("BEGIN");
  try {
    const id = randomUUID();
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    await connection.exec(file.sql);
    await connection.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await connection.exec("COMMIT");
  } catch (error) {
    await connection.exec("ROLLBACK");
    throw new Error(
      `migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
    );
  }
}
