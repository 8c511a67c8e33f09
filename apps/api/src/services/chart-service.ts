import {
  type AccessLevel,
  type ChartDocument,
  type ChartListResponse,
  type ChartRecord,
  type CreateChartBody,
  type Finding,
  type ListChartsQuery,
  type OperationsBody,
  type OperationsResponse,
  parseChart,
  type ReplaceChartBody,
} from "@rolemap/contract";
import { applyOperations, getTemplate, listTemplates, validateChart } from "@rolemap/domain";
import type { Principal } from "../auth/principal";
import { AppError, forbidden, invalidInput, notFound, unauthenticated } from "../errors";
import { prefixIssues } from "../http/parse";
import { requireAccount } from "./account-service";
import type { ChartAccess } from "./chart-access";
import type {
  ChartChange,
  ChartStore,
  ChartViewer,
  StoredChart,
  UpdateOutcome,
} from "./chart-store";
import { assertStorable } from "./storable-text";

const toRecord = (chart: StoredChart, access: AccessLevel): ChartRecord => ({
  id: chart.id,
  version: chart.version,
  updatedAt: chart.updatedAt.toISOString(),
  document: chart.document,
  access,
});

/** Renaming is the owner's (access.md); an editor's change that renames is refused whole. */
function assertMayRename(level: AccessLevel, before: ChartDocument, after: ChartDocument) {
  if (level !== "owner" && before.name !== after.name)
    throw forbidden("only the chart's owner may rename it; nothing was changed");
}

function viewerOf(principal: Principal | undefined): ChartViewer {
  if (principal === undefined) throw unauthenticated();
  return principal.kind === "account"
    ? { accountId: principal.account.id }
    : { chartId: principal.chartId, access: principal.access };
}

/** Parses a chart document from a request; problems are reported under `prefix`. */
function parseDocument(input: unknown, prefix: string): ChartDocument {
  const result = parseChart(input);
  if (!result.ok) throw invalidInput("invalid chart document", prefixIssues(result.issues, prefix));
  return result.value;
}

function describeChange(document: ChartDocument, kind: ChartChange["kind"], detail?: unknown) {
  const findings = validateChart(document);
  const count = (severity: Finding["severity"]) =>
    findings.filter((f) => f.severity === severity).length;
  const change: ChartChange = {
    document,
    kind,
    detail,
    counts: {
      roles: document.roles.length,
      responsibilities: document.responsibilities.length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    },
  };
  return { change, findings };
}

function unwrap(outcome: UpdateOutcome, id: string): StoredChart {
  if (outcome.status === "not_found") throw notFound(`chart ${id}`);
  if (outcome.status === "version_conflict")
    throw new AppError(
      "version_conflict",
      `chart ${id} has changed: it is at version ${outcome.currentVersion}; reload it and apply your change again`,
    );
  return outcome.chart;
}

/**
 * What the routes call: charts, their validation and edits, independent of HTTP. Every
 * method on stored charts takes the principal and passes the access gate first.
 */
export function createChartService(store: ChartStore, access: ChartAccess) {
  return {
    validate(body: unknown): Finding[] {
      return validateChart(parseDocument(body, ""));
    },

    templates: listTemplates,

    async create(principal: Principal | undefined, body: CreateChartBody): Promise<ChartRecord> {
      const { account } = requireAccount(principal);
      let document: ChartDocument;
      if ("document" in body) {
        document = parseDocument(body.document, "document");
        assertStorable(document, "document");
      } else {
        const template = getTemplate(body.template);
        if (template === undefined)
          throw invalidInput(`unknown template "${body.template}"`, [
            {
              path: "template",
              message: `unknown template "${body.template}"; one of ${listTemplates()
                .map((t) => t.id)
                .join(", ")}`,
            },
          ]);
        document = parseDocument(
          body.name === undefined ? template.document : { ...template.document, name: body.name },
          "",
        );
        assertStorable(document, "");
      }
      return toRecord(
        await store.create(describeChange(document, "create").change, account.id),
        "owner",
      );
    },

    async get(principal: Principal | undefined, id: string): Promise<ChartRecord> {
      const level = await access.require(principal, id, "view");
      const chart = await store.get(id);
      if (chart === undefined) throw notFound(`chart ${id}`);
      return toRecord(chart, level);
    },

    async findings(principal: Principal | undefined, id: string): Promise<Finding[]> {
      await access.require(principal, id, "view");
      const chart = await store.get(id);
      if (chart === undefined) throw notFound(`chart ${id}`);
      return validateChart(chart.document);
    },

    async list(
      principal: Principal | undefined,
      query: ListChartsQuery,
    ): Promise<ChartListResponse> {
      const { items, total } = await store.list({ ...query, viewer: viewerOf(principal) });
      return { charts: items, total, limit: query.limit, offset: query.offset };
    },

    async replace(
      principal: Principal | undefined,
      id: string,
      body: ReplaceChartBody,
    ): Promise<ChartRecord> {
      const level = await access.require(principal, id, "edit");
      const document = parseDocument(body.document, "document");
      assertStorable(document, "document");
      const outcome = await store.update(id, body.version, (current) => {
        assertMayRename(level, current.document, document);
        return describeChange(document, "replace").change;
      });
      return toRecord(unwrap(outcome, id), level);
    },

    /**
     * Replaces a chart by what `compute` makes of its current document, under the chart's
     * row lock (no version check: the change is computed from the current version).
     */
    async transform(
      principal: Principal | undefined,
      id: string,
      compute: (document: ChartDocument) => ChartDocument,
      kind: ChartChange["kind"] = "import",
    ): Promise<ChartRecord> {
      const level = await access.require(principal, id, "edit");
      const outcome = await store.update(id, undefined, (current) => {
        const document = parseDocument(compute(current.document), "document");
        assertStorable(document, "document");
        assertMayRename(level, current.document, document);
        return describeChange(document, kind).change;
      });
      return toRecord(unwrap(outcome, id), level);
    },

    async applyOperations(
      principal: Principal | undefined,
      id: string,
      body: OperationsBody,
    ): Promise<OperationsResponse> {
      const level = await access.require(principal, id, "edit");
      let findings: Finding[] = [];
      // The stored chart is storable; only the operations can bring in new text.
      assertStorable(body.operations, "operations");
      const outcome = await store.update(id, body.version, (current) => {
        const applied = applyOperations(current.document, body.operations);
        if (!applied.ok)
          throw invalidInput("the operations do not apply to this chart", applied.issues);
        const document = parseDocument(applied.document, "document");
        assertMayRename(level, current.document, document);
        const described = describeChange(document, "operations", body.operations);
        findings = described.findings;
        return described.change;
      });
      const chart = unwrap(outcome, id);
      return {
        id: chart.id,
        version: chart.version,
        updatedAt: chart.updatedAt.toISOString(),
        findings,
      };
    },

    async remove(principal: Principal | undefined, id: string): Promise<void> {
      await access.require(principal, id, "owner");
      if (!(await store.remove(id))) throw notFound(`chart ${id}`);
    },
  };
}

export type ChartService = ReturnType<typeof createChartService>;
