import type { ChartDocument, Responsibility, Role } from "@rolemap/contract";
import type { Prisma } from "../generated/prisma/client.js";

/**
 * Mapping between document parts and table rows. Reading gives the canonical document:
 * a vacant role reads back with `holder: null`, absent optional fields stay absent.
 */

type RoleRow = Prisma.RoleGetPayload<object>;
type ResponsibilityRow = Prisma.ResponsibilityGetPayload<object>;

export const roleToRow = (chartId: string, role: Role, ordinal: number) => ({
  chartId,
  key: role.id,
  ordinal,
  title: role.title,
  holder: role.holder ?? null,
  department: role.department ?? null,
  notes: role.notes ?? null,
  positionX: role.position?.x ?? null,
  positionY: role.position?.y ?? null,
});

export function rowToRole(row: RoleRow): Role {
  return {
    id: row.key,
    title: row.title,
    holder: row.holder,
    ...(row.department === null ? {} : { department: row.department }),
    ...(row.notes === null ? {} : { notes: row.notes }),
    ...(row.positionX === null || row.positionY === null
      ? {}
      : { position: { x: row.positionX, y: row.positionY } }),
  };
}

export function rowToResponsibility(row: ResponsibilityRow): Responsibility {
  return {
    id: row.key,
    name: row.name,
    ...(row.category === null ? {} : { category: row.category }),
    ...(row.description === null ? {} : { description: row.description }),
  };
}

/** The relations of a chart, in document order. */
const documentInclude = {
  roles: { orderBy: { ordinal: "asc" } },
  responsibilities: { orderBy: { ordinal: "asc" } },
  reportingLines: { orderBy: { id: "asc" } },
  assignments: { orderBy: { id: "asc" } },
} satisfies Prisma.ChartInclude;

type ChartWithParts = Prisma.ChartGetPayload<{ include: typeof documentInclude }>;

/**
 * A chart's row and its four tables, one query after another. Prisma's `include` sends
 * the four at once, and inside a transaction they all go to one connection: pg queues
 * them with a deprecation warning today and will refuse them in pg 9.
 */
export async function readChartRows(
  client: Prisma.TransactionClient,
  id: string,
): Promise<ChartWithParts | null> {
  const chart = await client.chart.findUnique({ where: { id } });
  if (chart === null) return null;
  const where = { chartId: id };
  const roles = await client.role.findMany({ where, orderBy: documentInclude.roles.orderBy });
  const responsibilities = await client.responsibility.findMany({
    where,
    orderBy: documentInclude.responsibilities.orderBy,
  });
  const reportingLines = await client.reportingLine.findMany({
    where,
    orderBy: documentInclude.reportingLines.orderBy,
  });
  const assignments = await client.assignment.findMany({
    where,
    orderBy: documentInclude.assignments.orderBy,
  });
  return { ...chart, roles, responsibilities, reportingLines, assignments };
}

export function rowsToDocument(chart: ChartWithParts): ChartDocument {
  return {
    format: "rolemap.chart/v1",
    name: chart.name,
    roles: chart.roles.map(rowToRole),
    reportingLines: chart.reportingLines.map((l) => ({
      manager: l.managerKey,
      report: l.reportKey,
      kind: l.kind,
    })),
    responsibilities: chart.responsibilities.map(rowToResponsibility),
    assignments: chart.assignments.map((a) => ({
      role: a.roleKey,
      responsibility: a.responsibilityKey,
      code: a.code,
    })),
    ...(chart.settings === null ? {} : { settings: chart.settings as ChartDocument["settings"] }),
  };
}

/** The document as it will read back from the tables. */
export function canonicalDocument(document: ChartDocument): ChartDocument {
  return {
    ...document,
    roles: document.roles.map((role, i) => rowToRole({ ...roleToRow("", role, i) })),
  };
}

/** `document` with the roles a diff added or updated in canonical form (the rest already are). */
export function canonicalRoles(
  document: ChartDocument,
  roles: { added: { item: Role; index: number }[]; updated: { item: Role; index: number }[] },
): ChartDocument {
  if (roles.added.length + roles.updated.length === 0) return document;
  const canonical = [...document.roles];
  for (const { item, index } of [...roles.added, ...roles.updated])
    canonical[index] = rowToRole(roleToRow("", item, index));
  return { ...document, roles: canonical };
}
