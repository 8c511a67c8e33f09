import { randomUUID } from "node:crypto";
import type { ChartDocument, ChartListItem, Operation } from "@rolemap/contract";
import { type ChartDiff, diffByOperations, diffCharts } from "@rolemap/domain";
import { accountLevelOn } from "../auth/principal";
import { Prisma } from "../generated/prisma/client.js";
import type {
  ChartChange,
  ChartStore,
  CommitInput,
  LogEntry,
  StoredChart,
  WriteKind,
} from "../services/chart-store";
import {
  deleteAssignments,
  deleteLines,
  insertAssignments,
  insertLines,
  insertResponsibilities,
  insertRoles,
  updateResponsibilities,
  updateRoles,
} from "./bulk-writes";
import type { Database } from "./database";
import { createDocumentCache } from "./document-cache";
import { CREATED_SUMMARY, historyColumnsOf, insertSnapshots, snapshotsDue } from "./history-writes";
import { canonicalDocument, canonicalRoles, readChartRows, rowsToDocument } from "./rows";

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
  else await deleteLines(tx, chartId, lines.removed);
  if (assignments.reordered) await tx.assignment.deleteMany({ where: { chartId } });
  else await deleteAssignments(tx, chartId, assignments.removed);

  if (roles.removed.length > 0)
    await tx.role.deleteMany({ where: { chartId, key: { in: roles.removed } } });
  if (responsibilities.removed.length > 0)
    await tx.responsibility.deleteMany({
      where: { chartId, key: { in: responsibilities.removed } },
    });

  await updateRoles(tx, chartId, roles.updated);
  await updateResponsibilities(tx, chartId, responsibilities.updated);
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

/**
 * The rows a write touches. A batch of operations is diffed by what its operations name
 * (cost independent of the chart's size); a replacement or an import by the whole document.
 */
function diffOf(
  kind: WriteKind,
  before: ChartDocument,
  after: ChartDocument,
  operations: readonly Operation[],
): { diff: ChartDiff; document: ChartDocument } {
  if (kind !== "operations") {
    const document = canonicalDocument(after);
    return { diff: diffCharts(before, document), document };
  }
  const diff = diffByOperations(before, after, operations);
  return { diff, document: canonicalRoles(after, diff.roles) };
}

/** A chart row's scenario link, as a `StoredChart` field (none once the original is gone). */
const scenarioOf = (row: {
  scenarioOfId: string | null;
  baseVersion: number | null;
}): Pick<StoredChart, "scenario"> =>
  row.scenarioOfId === null || row.baseVersion === null
    ? {}
    : { scenario: { of: row.scenarioOfId, baseVersion: row.baseVersion } };

/** `chart` with the link the row has now (a held document may predate a promote). */
function withScenario(chart: StoredChart, link: Pick<StoredChart, "scenario">): StoredChart {
  const { scenario: held, ...rest } = chart;
  const now = link.scenario;
  return held?.of === now?.of && held?.baseVersion === now?.baseVersion
    ? chart
    : { ...rest, ...link };
}

/** How many charts' documents a process keeps for fast writes (see document-cache.ts). */
const CACHED_CHARTS = 64;

interface LockedRow {
  version: number;
  locked_by: string | null;
  /** The version that stored this batch id, if one did. */
  stored: number | null;
  /** The newest snapshot's version; null for a chart made before snapshots existed. */
  snapshot: number | null;
  scenario_of: string | null;
  base_version: number | null;
}

interface ScenarioRow {
  id: string;
  name: string;
  scenario_of: string;
  base_version: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  promoted_at: Date | null;
  promoted_version: number | null;
  created_by: string;
}

interface LogRow {
  version: number;
  batch_id: string | null;
  author_id: string | null;
  author_name: string | null;
  author_peer: string | null;
  detail: Operation[] | null;
}

/** How many stores each database has (tests open a second one to read the rows). */
const storesOf = new WeakMap<Database, number>();

export function createPrismaChartStore(database: Database): ChartStore {
  const { prisma } = database;
  const cache = createDocumentCache(CACHED_CHARTS);
  storesOf.set(database, (storesOf.get(database) ?? 0) + 1);
  /** Every commit of the database passes this store (its cache): the embedded one, alone. */
  const isSoleWriter = () => database.kind === "embedded" && storesOf.get(database) === 1;

  const load = async (client: Tx | typeof prisma, id: string): Promise<StoredChart | undefined> => {
    const chart = await readChartRows(client, id);
    if (chart === null) return undefined;
    const stored: StoredChart = {
      id: chart.id,
      version: chart.version,
      updatedAt: chart.updatedAt,
      document: rowsToDocument(chart),
      ...scenarioOf(chart),
    };
    cache.set(stored);
    return stored;
  };

  async function commitIn(tx: Tx, input: CommitInput) {
    const { chartId: id, batchId } = input;
    // The row lock serialises concurrent writers of one chart across processes.
    const [row] = await tx.$queryRaw<LockedRow[]>`
      SELECT c.version, c.locked_by, c.scenario_of, c.base_version,
             (SELECT v.version FROM chart_versions v
               WHERE v.chart_id = c.id AND v.batch_id = ${batchId}::uuid) AS stored,
             (SELECT max(s.version) FROM chart_snapshots s WHERE s.chart_id = c.id) AS snapshot
        FROM charts c WHERE c.id = ${id}::uuid FOR UPDATE OF c`;
    if (row === undefined) return { status: "not_found" as const };
    if (row.stored !== null) return { status: "duplicate" as const, version: row.stored };
    if (input.expectedVersion !== undefined && row.version !== input.expectedVersion)
      return { status: "version_conflict" as const, currentVersion: row.version };

    const current = cache.get(id, row.version) ?? ((await load(tx, id)) as StoredChart);
    const planned = input.plan({
      version: row.version,
      document: current.document,
      lockedBy: row.locked_by,
    });
    const { diff, document } = diffOf(
      input.kind,
      current.document,
      planned.document,
      planned.operations,
    );
    await writeDiff(tx, id, diff, document);
    const version = row.version + 1;
    await insertSnapshots(
      tx,
      id,
      snapshotsDue(
        row.snapshot,
        { version: row.version, document: current.document },
        { version, document },
      ),
    );
    const history = historyColumnsOf(input, current.document, planned.operations, planned.document);
    const settings = document.settings === undefined ? null : JSON.stringify(document.settings);
    const { author } = input;
    const [written] = await tx.$queryRaw<{ updated_at: Date }[]>`
      WITH updated AS (
        UPDATE charts
           SET version = ${version}, updated_at = now(), name = ${document.name},
               settings = ${settings}::jsonb,
               role_count = ${document.roles.length},
               responsibility_count = ${document.responsibilities.length}
         WHERE id = ${id}::uuid
     RETURNING updated_at)
      INSERT INTO chart_versions
             (chart_id, version, kind, detail, batch_id, author_id, author_name, author_peer,
              summary, restored_from, promoted_from_id, promoted_from_name, created_at)
      SELECT ${id}::uuid, ${version}, ${input.kind}, ${JSON.stringify(planned.operations)}::jsonb,
             ${batchId}::uuid, ${author.accountId}::uuid, ${author.name}, ${author.peer},
             ${history.summary}, ${history.restoredFrom}::int, ${history.promotedFromId}::uuid,
             ${history.promotedFromName}, updated_at
        FROM updated
   RETURNING created_at AS updated_at`;
    const chart: StoredChart = {
      id,
      version,
      updatedAt: (written as { updated_at: Date }).updated_at,
      document,
      ...scenarioOf({ scenarioOfId: row.scenario_of, baseVersion: row.base_version }),
    };
    const entry: LogEntry = { version, batchId, author, operations: planned.operations };
    return { status: "committed" as const, chart, entry };
  }

  return {
    kind: database.kind,

    async create(change, ownerId, options = {}) {
      const id = randomUUID();
      const { scenario, author } = options;
      const document = canonicalDocument(change.document);
      const updatedAt = await prisma.$transaction(async (tx) => {
        const chart = await tx.chart.create({
          data: {
            id,
            ownerId,
            name: change.document.name,
            settings: settingsToRow(change.document.settings),
            ...countsToRow(change.counts),
            ...(scenario && { scenarioOfId: scenario.of, baseVersion: scenario.baseVersion }),
            versions: {
              create: {
                version: 1,
                kind: "create",
                authorId: author === undefined ? ownerId : author.accountId,
                ...(author && { authorName: author.name }),
                summary: options.summary ?? CREATED_SUMMARY,
              },
            },
            // Where rebuilding any past version of it starts (history.md).
            snapshots: { create: { version: 1, document: document as Prisma.InputJsonObject } },
          },
        });
        await insertParts(tx, id, change.document);
        return chart.updatedAt;
      });
      const chart: StoredChart = {
        id,
        version: 1,
        updatedAt,
        document,
        ...(scenario && { scenario }),
      };
      cache.set(chart);
      return chart;
    },

    async get(id) {
      // The embedded database has one user, this process: what it last wrote is current.
      const held = isSoleWriter() ? cache.latest(id) : undefined;
      if (held !== undefined) return held;
      const head = await prisma.chart.findUnique({
        where: { id },
        select: { version: true, scenarioOfId: true, baseVersion: true },
      });
      if (head === null) return undefined;
      // A promote (or the original's deletion) changes a scenario's link, not its version.
      const cached = cache.get(id, head.version);
      if (cached !== undefined) return withScenario(cached, scenarioOf(head));
      // The row and its four tables are separate queries: one snapshot, or a commit between
      // them would give one version's number with the next one's rows.
      return prisma.$transaction((tx) => load(tx, id), {
        isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      });
    },

    async head(id) {
      const head = await prisma.chart.findUnique({
        where: { id },
        select: { version: true, lockedBy: true },
      });
      return head ?? undefined;
    },

    async versions(ids) {
      if (ids.length === 0) return new Map();
      const rows = await prisma.chart.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, version: true },
      });
      return new Map(rows.map((row) => [row.id, row.version]));
    },

    async list({ limit, offset, viewer }) {
      // A scenario is listed to whoever sees its original (principal.ts).
      const seen = (accountId: string): Prisma.ChartWhereInput[] => [
        { ownerId: accountId },
        { members: { some: { accountId } } },
      ];
      const where: Prisma.ChartWhereInput =
        "chartId" in viewer
          ? { OR: [{ id: viewer.chartId }, { scenarioOfId: viewer.chartId }] }
          : {
              OR: [...seen(viewer.accountId), { scenarioOf: { OR: seen(viewer.accountId) } }],
            };
      const accountId = "accountId" in viewer ? viewer.accountId : undefined;
      const membership = accountId === undefined ? false : { where: { accountId } };
      // Not one transaction: its queries would share one connection, and the include's
      // go out at once (see readChartRows); at READ COMMITTED it held no snapshot anyway.
      const [rows, total] = await Promise.all([
        prisma.chart.findMany({
          where,
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          skip: offset,
          take: limit,
          include: {
            owner: { select: { id: true, name: true } },
            members: membership,
            scenarioOf: { select: { id: true, ownerId: true, members: membership } },
          },
        }),
        prisma.chart.count({ where }),
      ]);
      const items: ChartListItem[] = [];
      for (const row of rows) {
        const original = row.scenarioOf;
        const access =
          "access" in viewer
            ? viewer.access
            : accountLevelOn(viewer.accountId, {
                ownerId: row.ownerId,
                memberAccess: row.members?.[0]?.access,
                ...(original && {
                  original: {
                    id: original.id,
                    ownerId: original.ownerId,
                    memberAccess: original.members?.[0]?.access,
                  },
                }),
              });
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
          ...(original && { scenarioOf: original.id }),
        });
      }
      return { items, total };
    },

    async commit(input) {
      const outcome = await prisma.$transaction((tx) => commitIn(tx, input));
      // Only after commit: a rolled-back write must not leave its document behind.
      if (outcome.status === "committed") cache.set(outcome.chart);
      return outcome;
    },

    async readLog(id, afterVersion, toVersion) {
      if (toVersion <= afterVersion) return [];
      const rows = await prisma.$queryRaw<LogRow[]>`
        SELECT version, batch_id, author_id, author_name, author_peer, detail
          FROM chart_versions
         WHERE chart_id = ${id}::uuid AND version > ${afterVersion} AND version <= ${toVersion}
         ORDER BY version`;
      if (rows.length !== toVersion - afterVersion) return undefined;
      const entries: LogEntry[] = [];
      for (const row of rows) {
        // Rows from before the live protocol (or a create) cannot be replayed.
        if (row.detail === null || row.batch_id === null) return undefined;
        entries.push({
          version: row.version,
          batchId: row.batch_id,
          author: {
            accountId: row.author_id,
            name: row.author_name ?? "",
            peer: row.author_peer,
          },
          operations: row.detail,
        });
      }
      return entries;
    },

    async setLock(id, lockedBy) {
      const { count } = await prisma.chart.updateMany({ where: { id }, data: { lockedBy } });
      return count > 0;
    },

    async saveCounts(id, version, counts) {
      await prisma.chart.updateMany({
        where: { id, countsVersion: { lt: version } },
        data: {
          errorCount: counts.errors,
          warningCount: counts.warnings,
          infoCount: counts.infos,
          countsVersion: version,
        },
      });
    },

    async remove(id) {
      cache.forget(id);
      const { count, scenarios } = await prisma.$transaction(async (tx) => {
        // Its scenarios stay, as charts of their own (the key would do it; this names them).
        const freed = await tx.$queryRaw<{ id: string }[]>`
          UPDATE charts SET scenario_of = NULL WHERE scenario_of = ${id}::uuid RETURNING id`;
        const { count } = await tx.chart.deleteMany({ where: { id } });
        return { count, scenarios: freed.map((row) => row.id) };
      });
      // A read that finished meanwhile may have put it back; the scenarios' links changed.
      for (const gone of [id, ...scenarios]) cache.forget(gone);
      return count > 0;
    },

    async scenarios(originalId) {
      const rows = await prisma.$queryRaw<ScenarioRow[]>`
        SELECT c.id, c.name, c.scenario_of, c.base_version, c.version, c.created_at,
               c.updated_at, c.promoted_at, c.promoted_version,
               coalesce(v.author_name, a.name, o.name, '') AS created_by
          FROM charts c
          LEFT JOIN chart_versions v ON v.chart_id = c.id AND v.version = 1
          LEFT JOIN accounts a ON a.id = v.author_id
          LEFT JOIN accounts o ON o.id = c.owner_id
         WHERE c.scenario_of = ${originalId}::uuid
         ORDER BY c.created_at DESC, c.id`;
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        link: { of: row.scenario_of, baseVersion: row.base_version },
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        createdBy: row.created_by,
        promotedAt: row.promoted_at,
        promotedVersion: row.promoted_version,
      }));
    },

    async markPromoted(scenarioId, originalId, version, baseVersion) {
      const [row] = await prisma.$queryRaw<{ version: number; base_version: number }[]>`
        UPDATE charts
           SET promoted_at = now(), promoted_version = ${version},
               base_version = coalesce(${baseVersion ?? null}::int, base_version)
         WHERE id = ${scenarioId}::uuid AND scenario_of = ${originalId}::uuid
     RETURNING version, base_version`;
      if (row === undefined) return false;
      // Its document did not change, its link did: what this process holds says so now.
      const held = cache.get(scenarioId, row.version);
      if (held !== undefined)
        cache.set({ ...held, scenario: { of: originalId, baseVersion: row.base_version } });
      return true;
    },

    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },

    close: () => database.close(),
  };
}
