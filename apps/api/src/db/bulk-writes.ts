import type { Assignment, ReportingLine, Responsibility, Role } from "@rolemap/contract";
import type { Prisma } from "../generated/prisma/client.js";

/**
 * Bulk writes as one `… FROM unnest(…)` statement per table: one array parameter per
 * column, whatever the row count. Prisma's createMany costs about 0.3 ms a row here
 * (20,000 roles took over 8 s); this takes a small fraction of that.
 *
 * Positions travel as text (`String(x)`, the shortest exact form) and are cast in SQL:
 * Prisma rounds a float parameter to 15–16 significant digits (prisma/prisma#11096), so
 * 479.99999999999994 would come back as 479.9999999999999 and a chart would not read back
 * as it was written.
 */

const floatText = (value: number | undefined): string | null =>
  value === undefined ? null : String(value);

/** The role columns as arrays, in the order of the statements below ($2 to $9). */
const roleColumns = (rows: { item: Role; index: number }[]) => [
  rows.map((r) => r.item.id),
  rows.map((r) => r.index),
  rows.map((r) => r.item.title),
  rows.map((r) => r.item.holder ?? null),
  rows.map((r) => r.item.department ?? null),
  rows.map((r) => r.item.notes ?? null),
  rows.map((r) => floatText(r.item.position?.x)),
  rows.map((r) => floatText(r.item.position?.y)),
];

/** The responsibility columns as arrays ($2 to $6). */
const responsibilityColumns = (rows: { item: Responsibility; index: number }[]) => [
  rows.map((r) => r.item.id),
  rows.map((r) => r.index),
  rows.map((r) => r.item.name),
  rows.map((r) => r.item.category ?? null),
  rows.map((r) => r.item.description ?? null),
];

/** A line's key columns as arrays ($2 to $4): manager, report, kind. */
const lineColumns = (lines: readonly ReportingLine[]) => [
  lines.map((l) => l.manager),
  lines.map((l) => l.report),
  lines.map((l) => l.kind),
];

/** An assignment's key columns as arrays ($2 to $4): role, responsibility, code. */
const assignmentColumns = (assignments: readonly Assignment[]) => [
  assignments.map((a) => a.role),
  assignments.map((a) => a.responsibility),
  assignments.map((a) => a.code),
];

type Tx = Prisma.TransactionClient;

export async function insertRoles(tx: Tx, chartId: string, rows: { item: Role; index: number }[]) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "roles" (chart_id, key, ordinal, title, holder, department, notes, position_x, position_y)
     SELECT $1::uuid, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                                    $8::text[]::float8[], $9::text[]::float8[])`,
    chartId,
    ...roleColumns(rows),
  );
}

/** Rewrites every column of existing roles (matched by key) in one statement. */
export async function updateRoles(tx: Tx, chartId: string, rows: { item: Role; index: number }[]) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "roles" AS t SET ordinal = v.ordinal, title = v.title, holder = v.holder,
            department = v.department, notes = v.notes, position_x = v.x, position_y = v.y
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::text[]::float8[], $9::text[]::float8[])
         AS v(key, ordinal, title, holder, department, notes, x, y)
      WHERE t.chart_id = $1::uuid AND t.key = v.key`,
    chartId,
    ...roleColumns(rows),
  );
}

export async function insertResponsibilities(
  tx: Tx,
  chartId: string,
  rows: { item: Responsibility; index: number }[],
) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "responsibilities" (chart_id, key, ordinal, name, category, description)
     SELECT $1::uuid, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])`,
    chartId,
    ...responsibilityColumns(rows),
  );
}

/** Rewrites every column of existing responsibilities (matched by key) in one statement. */
export async function updateResponsibilities(
  tx: Tx,
  chartId: string,
  rows: { item: Responsibility; index: number }[],
) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "responsibilities" AS t SET ordinal = v.ordinal, name = v.name,
            category = v.category, description = v.description
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
         AS v(key, ordinal, name, category, description)
      WHERE t.chart_id = $1::uuid AND t.key = v.key`,
    chartId,
    ...responsibilityColumns(rows),
  );
}

/** Deletes the named lines (by manager, report and kind) in one statement. */
export async function deleteLines(tx: Tx, chartId: string, lines: readonly ReportingLine[]) {
  if (lines.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM "reporting_lines" AS t
      USING unnest($2::text[], $3::text[], $4::text[]) AS v(m, r, k)
      WHERE t.chart_id = $1::uuid AND t.manager_key = v.m AND t.report_key = v.r
        AND t.kind = v.k::"LineKind"`,
    chartId,
    ...lineColumns(lines),
  );
}

/** Deletes the named assignments (by role, responsibility and code) in one statement. */
export async function deleteAssignments(
  tx: Tx,
  chartId: string,
  assignments: readonly Assignment[],
) {
  if (assignments.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM "assignments" AS t
      USING unnest($2::text[], $3::text[], $4::text[]) AS v(ro, re, c)
      WHERE t.chart_id = $1::uuid AND t.role_key = v.ro AND t.responsibility_key = v.re
        AND t.code = v.c::"RaciCode"`,
    chartId,
    ...assignmentColumns(assignments),
  );
}

/** Inserted in array order, so the serial ids keep the document's order of lines. */
export async function insertLines(tx: Tx, chartId: string, lines: readonly ReportingLine[]) {
  if (lines.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "reporting_lines" (chart_id, manager_key, report_key, kind)
     SELECT $1::uuid, m, r, k::"LineKind" FROM unnest($2::text[], $3::text[], $4::text[])
       WITH ORDINALITY AS v(m, r, k, n) ORDER BY n`,
    chartId,
    ...lineColumns(lines),
  );
}

/** Inserted in array order, so the serial ids keep the document's order of assignments. */
export async function insertAssignments(
  tx: Tx,
  chartId: string,
  assignments: readonly Assignment[],
) {
  if (assignments.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "assignments" (chart_id, role_key, responsibility_key, code)
     SELECT $1::uuid, ro, re, c::"RaciCode" FROM unnest($2::text[], $3::text[], $4::text[])
       WITH ORDINALITY AS v(ro, re, c, n) ORDER BY n`,
    chartId,
    ...assignmentColumns(assignments),
  );
}
