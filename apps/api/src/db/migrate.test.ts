import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl, withPostgresDatabase } from "../../test/harness";
import { MIGRATIONS_DIR, migrate, readMigrations, type SqlConnection } from "./migrate";

/**
 * The migration runner on an in-memory PGlite, or with ROLEMAP_TEST_DATABASE_URL on a
 * throwaway database of the real PostgreSQL server. One database serves the file (a PGlite
 * takes seconds to start): each test uses migrations and tables of its own, and reads only
 * its own rows of the history; the test that leaves a failed row behind runs last.
 */
async function openConnection(): Promise<{ connection: SqlConnection; close(): Promise<void> }> {
  if (serverUrl === undefined) {
    const db = new PGlite();
    return {
      connection: {
        query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
        exec: async (script) => void (await db.exec(script)),
      },
      close: () => db.close(),
    };
  }
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return new Promise((resolve, reject) => {
    const dropped = withPostgresDatabase(async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      resolve({
        connection: pgConnection(client),
        close: async () => {
          await client.end();
          release();
          await dropped;
        },
      });
      await done;
    });
    dropped.catch(reject);
  });
}

const pgConnection = (client: pg.Client): SqlConnection => ({
  query: async (sql, params) => (await client.query(sql, params)).rows,
  exec: async (script) => void (await client.query(script)),
});

const noWarning = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}
/** The history rows of these migrations, in the order they were applied. */
const history = async (c: SqlConnection, names: string[]) =>
  (
    await c.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`)
  ).filter((row) => names.includes(row.migration_name));
const tableExists = async (c: SqlConnection, name: string) =>
  (await c.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [name]))[0]?.t != null;

let dir: string;
let c: SqlConnection;
let close: () => Promise<void>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rolemap-migrations-"));
  ({ connection: c, close } = await openConnection());
});
afterAll(async () => {
  await close?.();
  await rm(dir, { recursive: true, force: true });
});

/** A migrations folder of its own, in Prisma's layout. */
async function migrationsDir(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(dir, name);
  for (const [migration, sql] of Object.entries(files)) {
    await mkdir(path.join(root, migration), { recursive: true });
    await writeFile(path.join(root, migration, "migration.sql"), sql);
  }
  return root;
}

describe("migrate with the project's migrations", () => {
  it("applies every migration once, records sha256 checksums and creates the tables", async () => {
    const files = await readMigrations();
    const names = files.map((f) => f.name);
    expect(names.length).toBeGreaterThan(0);
    expect(await migrate(c, noWarning)).toEqual(names);
    expect(await migrate(c, noWarning)).toEqual([]);
    const rows = await history(c, names);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = ["charts", "roles", "reporting_lines", "responsibilities", "assignments"];
    for (const table of [...tables, "chart_versions"])
      expect(await tableExists(c, table), table).toBe(true);
  });
});

describe("migrate with migrations of its own", () => {
  it("rolls a broken migration back, leaves no row of it, and applies it once fixed", async () => {
    const names = ["0001_ok", "0002_broken", "0003_after"];
    const root = await migrationsDir("broken", {
      "0001_ok": "CREATE TABLE ok_table (id int);",
      "0002_broken": "CREATE TABLE half_table (id int);\nSELECT * FROM no_such_table;",
      "0003_after": "CREATE TABLE after_table (id int);",
    });
    await expect(migrate(c, noWarning, root)).rejects.toThrow(
      /migration 0002_broken failed and was rolled back/,
    );
    expect((await history(c, names)).map((r) => r.migration_name)).toEqual(["0001_ok"]);
    expect(await tableExists(c, "ok_table")).toBe(true);
    expect(await tableExists(c, "half_table")).toBe(false);
    expect(await tableExists(c, "after_table")).toBe(false);

    const fixed = "CREATE TABLE half_table (id int);";
    await writeFile(path.join(root, "0002_broken", "migration.sql"), fixed);
    expect(await migrate(c, noWarning, root)).toEqual(["0002_broken", "0003_after"]);
    expect(await tableExists(c, "half_table")).toBe(true);
    const rows = await history(c, names);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows[1]?.checksum).toBe(createHash("sha256").update(fixed).digest("hex"));
  });

  it("skips folders without migration.sql and files beside the folders", async () => {
    const root = await migrationsDir("skips", { "0001_real": "CREATE TABLE real_table (id int);" });
    await mkdir(path.join(root, "0000_no_sql_here"));
    await writeFile(path.join(root, "migration_lock.toml"), 'provider = "postgresql"\n');
    expect((await readMigrations(root)).map((m) => m.name)).toEqual(["0001_real"]);
    expect(await migrate(c, noWarning, root)).toEqual(["0001_real"]);
  });

  it.runIf(serverUrl !== undefined)(
    "applies each migration once when two processes start at the same time",
    async () => {
      const root = await migrationsDir("concurrent", {
        "0001_slow": "CREATE TABLE slow_table (id int); SELECT pg_sleep(0.3);",
        "0002_next": "CREATE TABLE next_table (id int);",
      });
      await withPostgresDatabase(async (url) => {
        const clients = [0, 1].map(() => new pg.Client({ connectionString: url }));
        await Promise.all(clients.map((client) => client.connect()));
        try {
          const applied = await Promise.all(
            clients.map((client) => migrate(pgConnection(client), noWarning, root)),
          );
          expect(applied.flat().sort()).toEqual(["0001_slow", "0002_next"]);
          const rows = await history(pgConnection(clients[0] as pg.Client), applied.flat());
          expect(rows).toHaveLength(2);
        } finally {
          await Promise.all(clients.map((client) => client.end()));
        }
      });
    },
  );

  // Last: it leaves a failed row in the shared history, which stops every later migrate.
  it("warns about a migration changed after it was applied, and stops at one that failed earlier", async () => {
    const root = await migrationsDir("changed", {
      "0001_first": "CREATE TABLE first_table (id int);",
    });
    expect(await migrate(c, noWarning, root)).toEqual(["0001_first"]);
    const changed = "CREATE TABLE first_table (id bigint);";
    await writeFile(path.join(root, "0001_first", "migration.sql"), changed);
    const warnings: string[] = [];
    expect(await migrate(c, (m) => warnings.push(m), root)).toEqual([]);
    expect(warnings).toEqual(["migration 0001_first was changed after it was applied"]);

    // A row left unfinished, as `prisma migrate deploy` leaves a failed migration.
    await c.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '0002_crashed')`,
    );
    await expect(migrate(c, () => {}, root)).rejects.toThrow(/0002_crashed failed earlier/);
  });
});
