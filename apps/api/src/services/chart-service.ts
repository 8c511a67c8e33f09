import {
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
import { AppError, invalidInput, notFound } from "../errors";
import { prefixIssues } from "../http/parse";
import type { ChartChange, ChartStore, StoredChart, UpdateOutcome } from "./chart-store";
import { assertStorable } from "./storable-text";

const toRecord = (chart: StoredChart): ChartRecord => ({
  id: chart.id,
  version: chart.version,
  updatedAt: chart.updatedAt.toISOString(),
  document: chart.document,
});

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

/** What the routes call: charts, their validation and edits, independent of HTTP. */
export function createChartService(store: ChartStore) {
  return {
    validate(body: unknown): Finding[] {
      return validateChart(parseDocument(body, ""));
    },

    templates: listTemplates,

    async create(body: CreateChartBody): Promise<ChartRecord> {
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
      return toRecord(await store.create(describeChange(document, "create").change));
    },

    async get(id: string): Promise<ChartRecord> {
      const chart = await store.get(id);
      if (chart === undefined) throw notFound(`chart ${id}`);
      return toRecord(chart);
    },

    async findings(id: string): Promise<Finding[]> {
      const chart = await store.get(id);
      if (chart === undefined) throw notFound(`chart ${id}`);
      return validateChart(chart.document);
    },

    async list(query: ListChartsQuery): Promise<ChartListResponse> {
      const { items, total } = await store.list(query);
      return { charts: items, total, limit: query.limit, offset: query.offset };
    },

    async replace(id: string, body: ReplaceChartBody): Promise<ChartRecord> {
      const document = parseDocument(body.document, "document");
      assertStorable(document, "document");
      const outcome = await store.update(
        id,
        body.version,
        () => describeChange(document, "replace").change,
      );
      return toRecord(unwrap(outcome, id));
    },

    /**
     * Replaces a chart by what `compute` makes of its current document, under the chart's
     * row lock (no version check: the change is computed from the current version).
     */
    async transform(
      id: string,
      compute: (document: ChartDocument) => ChartDocument,
      kind: ChartChange["kind"] = "import",
    ): Promise<ChartRecord> {
      const outcome = await store.update(id, undefined, (current) => {
        const document = parseDocument(compute(current.document), "document");
        assertStorable(document, "document");
        return describeChange(document, kind).change;
      });
      return toRecord(unwrap(outcome, id));
    },

    async applyOperations(id: string, body: OperationsBody): Promise<OperationsResponse> {
      let findings: Finding[] = [];
      // The stored chart is storable; only the operations can bring in new text.
      assertStorable(body.operations, "operations");
      const outcome = await store.update(id, body.version, (current) => {
        const applied = applyOperations(current.document, body.operations);
        if (!applied.ok)
          throw invalidInput("the operations do not apply to this chart", applied.issues);
        const document = parseDocument(applied.document, "document");
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

    async remove(id: string): Promise<void> {
      if (!(await store.remove(id))) throw notFound(`chart ${id}`);
    },
  };
}

export type ChartService = ReturnType<typeof createChartService>;
