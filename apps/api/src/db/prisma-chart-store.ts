import { randomUUID } from "node:crypto";
import type { ChartDocument, ChartListItem } from "@rolemap/contract";
import { type ChartDiff, diffCharts } from "@rolemap/domain";
import { Prisma } from "../generated/prisma/client.js";
import type { ChartChange, ChartStore, StoredChart } from "../services/chart-store";
import {
  insertAssignments,
  insertLines,
  insertResponsibilities,
  insertRoles,
  updateRoles,
} from "./bulk-writes";
import type { Database } from "./database";
import { canonicalDocument, documentInclude, responsibilityToRow, rowsToDocument } from "./rows";

type Tx = Prisma.TransactionClient;

const countsToRow = (counts: ChartChange["counts"]) => ({
  roleCount: counts.roles,
  responsibilityCount: counts.responsibilities,
  errorCount: counts.errors,
  warningCount: counts.warnings,
  infoCount: counts.infos,
});

const settingsToRow = (settings: ChartDocument["settings"] | null | undefined) =>
  settings == null ? Prisma.DbNull : (settings as Prisma.InputJsonObject);

const indexed = <T>(items: readonly T[]) => items.map((item, index) => ({ item, index }));

/** Inserts all parts of a document for a chart row that exists. */
async function insertParts(tx: Tx, chartId: string, document: ChartDocument) {
  await insertRoles(tx, chartId, indexed(document.roles));
  await insertResponsibilities(tx, chartId, indexed(document.responsibilities));
  await insertLines(tx, chartId, document.reportingLines);
  await insertAssignments(tx, chartId, document.assignments);
}

/** Moves ordinals of many rows in one statement (a removal near the top shifts them all). */
async function setOrdinals(
  tx: Tx,
  table: "roles" | "responsibilities",
  chartId: string,
  moves: { id: string; index: number }[],
) {
  if (moves.length === 0) return;
  const keys = moves.map((m) => m.id);
  const ordinals = moves.map((m) => m.index);
  await tx.$executeRawUnsafe(
    `UPDATE "${table}" AS t SET ordinal = v.ordinal
       FROM unnest($2::text[], $3::int[]) AS v(key, ordinal)
      WHERE t.chart_id = $1::uuid AND t.key = v.key`,
    chartId,
    keys,
    ordinals,
  );
}

/** Writes a row-level diff; the order of steps keeps every foreign key satisfied. */
async function writeDiff(tx: Tx, chartId: string, diff: ChartDiff, after: ChartDocument) {
  const { roles, responsibilities, reportingLines: lines, assignments } = diff;

  if (lines.reordered) await tx.reportingLine.deleteMany({ where: { chartId } });
  else if (lines.removed.length > 0)
    await tx.reportingLine.deleteMany({
      where: {
        chartId,
        OR: lines.removed.map((l) => ({
          managerKey: l.manager,
          reportKey: l.report,
          kind: l.kind,
        })),
      },
    });
  if (assignments.reordered) await tx.assignment.deleteMany({ where: { chartId } });
  else if (assignments.removed.length > 0)
    await tx.assignment.deleteMany({
      where: {
        chartId,
        OR: assignments.removed.map((a) => ({
          roleKey: a.role,
          responsibilityKey: a.responsibility,
          code: a.code,
        })),
      },
    });

  if (roles.removed.length > 0)
    await tx.role.deleteMany({ where: { chartId, key: { in: roles.removed } } });
  if (responsibilities.removed.length > 0)
    await tx.responsibility.deleteMany({
      where: { chartId, key: { in: responsibilities.removed } },
    });

  await updateRoles(tx, chartId, roles.updated);
  for (const { item, index } of responsibilities.updated)
    await tx.responsibility.update({
      where: { chartId_key: { chartId, key: item.id } },
      data: responsibilityToRow(chartId, item, index),
    });
  await setOrdinals(tx, "roles", chartId, roles.moved);
  await setOrdinals(tx, "responsibilities", chartId, responsibilities.moved);
  await insertRoles(tx, chartId, roles.added);
  await insertResponsibilities(tx, chartId, responsibilities.added);
  await insertLines(tx, chartId, lines.reordered ? after.reportingLines : lines.added);
  await insertAssignments(
    tx,
    chartId,
    assignments.reordered ? after.assignments : assignments.added,
  );
}

export function createPrismaChartStore(database: Database): ChartStore {
  const { prisma } = database;

  const load = async (client: Tx | typeof prisma, id: string): Promise<StoredChart | undefined> => {
    const chart = await client.chart.findUnique({ where: { id }, include: documentInclude });
    if (chart === null) return undefined;
    return {
      id: chart.id,
      version: chart.version,
      updatedAt: chart.updatedAt,
      document: rowsToDocument(chart),
    };
  };

  return {
    kind: database.kind,

    async create(change, ownerId) {
      const id = randomUUID();
      const updatedAt = await prisma.$transaction(async (tx) => {
        const chart = await tx.chart.create({
          data: {
            id,
            ownerId,
            name: change.document.name,
            settings: settingsToRow(change.document.settings),
            ...countsToRow(change.counts),
            versions: { create: { version: 1, kind: change.kind } },
          },
        });
        await insertParts(tx, id, change.document);
        return chart.updatedAt;
      });
      return { id, version: 1, updatedAt, document: canonicalDocument(change.document) };
    },

    get: (id) => load(prisma, id),

    async list({ limit, offset, viewer }) {
      const where: Prisma.ChartWhereInput =
        "chartId" in viewer
          ? { id: viewer.chartId }
          : {
              OR: [
                { ownerId: viewer.accountId },
                { members: { some: { accountId: viewer.accountId } } },
              ],
            };
      const accountId = "accountId" in viewer ? viewer.accountId : undefined;
      const [rows, total] = await prisma.$transaction([
        prisma.chart.findMany({
          where,
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          skip: offset,
          take: limit,
          include: {
            owner: { select: { id: true, name: true } },
            members: accountId === undefined ? false : { where: { accountId } },
          },
        }),
        prisma.chart.count({ where }),
      ]);
      const items: ChartListItem[] = [];
      for (const row of rows) {
        const access =
          "access" in viewer
            ? viewer.access
            : row.ownerId === accountId
              ? "owner"
              : row.members?.[0]?.access;
        // An ownerless chart exists only before setup, when nobody can list.
        if (access === undefined || row.owner === null) continue;
        items.push({
          id: row.id,
          name: row.name,
          version: row.version,
          updatedAt: row.updatedAt.toISOString(),
          counts: {
            roles: row.roleCount,
            responsibilities: row.responsibilityCount,
            errors: row.errorCount,
            warnings: row.warningCount,
            infos: row.infoCount,
          },
          access,
          owner: row.owner,
        });
      }
      return { items, total };
    },

    async update(id, expectedVersion, compute) {
      return prisma.$transaction(async (tx) => {
        // The row lock serialises concurrent writers of one chart across processes.
        const locked = await tx.$queryRaw<
          { version: number }[]
        >`SELECT version FROM charts WHERE id = ${id}::uuid FOR UPDATE`;
        const row = locked[0];
        if (row === undefined) return { status: "not_found" as const };
        if (expectedVersion !== undefined && row.version !== expectedVersion)
          return { status: "version_conflict" as const, currentVersion: row.version };

        const current = (await load(tx, id)) as StoredChart;
        const change = compute(current);
        const after = canonicalDocument(change.document);
        await writeDiff(tx, id, diffCharts(current.document, after), after);
        const version = row.version + 1;
        const chart = await tx.chart.update({
          where: { id },
          data: {
            name: after.name,
            settings: settingsToRow(after.settings),
            version,
            updatedAt: new Date(),
            ...countsToRow(change.counts),
            versions: {
              create: {
                version,
                kind: change.kind,
                ...(change.detail === undefined
                  ? {}
                  : { detail: change.detail as Prisma.InputJsonValue }),
              },
            },
          },
        });
        return {
          status: "updated" as const,
          chart: { id, version, updatedAt: chart.updatedAt, document: after },
        };
      });
    },

    async remove(id) {
      const { count } = await prisma.chart.deleteMany({ where: { id } });
      return count > 0;
    },

    close: () => database.close(),
  };
}
