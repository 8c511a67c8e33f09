import { randomUUID } from "node:crypto";
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
import { getTemplate, listTemplates, validateChart } from "@rolemap/domain";
import type { Principal } from "../auth/principal";
import { AppError, invalidInput, notFound, unauthenticated } from "../errors";
import { prefixIssues } from "../http/parse";
import { requireAccount } from "./account-service";
import type { ChartAccess } from "./chart-access";
import { type ChartAnswer, createAnswerCache } from "./chart-answers";
import { countsOf } from "./chart-counts";
import type {
  Author,
  ChartStore,
  ChartViewer,
  CommitInput,
  CommitOutcome,
  StoredChart,
  WriteKind,
} from "./chart-store";
import type { ChartWriter } from "./chart-writer";
import type { CountsRefresher } from "./counts-refresher";
import { assertStorable } from "./storable-text";
import { planOperations, planReplacement } from "./write-plans";

export const toRecord = (chart: StoredChart, access: AccessLevel): ChartRecord => ({
  id: chart.id,
  version: chart.version,
  updatedAt: chart.updatedAt.toISOString(),
  document: chart.document,
  access,
  ...(chart.scenario && {
    scenarioOf: chart.scenario.of,
    baseVersion: chart.scenario.baseVersion,
  }),
});

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

/** Who a write is by, as the operation log and live peers name them. */
export function authorOf(principal: Principal, peer: string | null): Author {
  return principal.kind === "account"
    ? { accountId: principal.account.id, name: principal.account.name, peer }
    : { accountId: null, name: principal.name, peer };
}

function unwrap(outcome: CommitOutcome, id: string): StoredChart {
  if (outcome.status === "not_found") throw notFound(`chart ${id}`);
  if (outcome.status === "version_conflict")
    throw new AppError(
      "version_conflict",
      `chart ${id} has changed: it is at version ${outcome.currentVersion}; reload it and apply your change again`,
    );
  // HTTP writes carry fresh batch ids; a duplicate would be a bug, not a user's mistake.
  if (outcome.status === "duplicate") throw new Error(`batch of chart ${id} stored twice`);
  return outcome.chart;
}

/** How many bytes of serialised charts the GET answers may hold (a 1,000-role chart: ~430 KiB). */
const ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

/** What the service tells live connections besides commits (the writer announces those). */
export interface ChartEvents {
  /** Closes the chart's live connections. */
  removed(chartId: string): void;
}

/**
 * What the routes call: charts, their validation and edits, independent of HTTP. Every
 * method on stored charts takes the principal and passes the access gate first.
 */
export function createChartService(
  store: ChartStore,
  access: ChartAccess,
  writer: ChartWriter,
  counts: CountsRefresher,
  events: ChartEvents,
) {
  const answers = createAnswerCache(ANSWER_CACHE_BYTES);
  /** An HTTP write through the one operation path (a fresh batch id, no live peer). */
  const write = async (
    principal: Principal,
    id: string,
    kind: WriteKind,
    plan: CommitInput["plan"],
    expectedVersion?: number,
  ) =>
    unwrap(
      await writer.write({
        chartId: id,
        batchId: randomUUID(),
        kind,
        author: authorOf(principal, null),
        plan,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      }),
      id,
    );

  /** The gate, keeping the principal it let through. */
  const gate = async (principal: Principal | undefined, id: string, needed: AccessLevel) => {
    if (principal === undefined) throw unauthenticated();
    return { who: principal, level: await access.require(principal, id, needed) };
  };

  return {
    validate(body: unknown): Finding[] {
      return validateChart(parseDocument(body, ""));
    },

    templates: listTemplates,

    /** `summary`: the first version in words ("imported an org-list CSV"), when not a plain create. */
    async create(
      principal: Principal | undefined,
      body: CreateChartBody,
      summary?: string,
    ): Promise<ChartRecord> {
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
      const change = { document, counts: countsOf(document, validateChart(document)) };
      return toRecord(
        await store.create(change, account.id, summary === undefined ? {} : { summary }),
        "owner",
      );
    },

    async get(principal: Principal | undefined, id: string): Promise<ChartRecord> {
      const level = await access.require(principal, id, "view");
      const chart = await store.get(id);
      if (chart === undefined) throw notFound(`chart ${id}`);
      return toRecord(chart, level);
    },

    /** GET's answer as bytes: the gate on every call, the serialisation once per version. */
    async answer(principal: Principal | undefined, id: string): Promise<ChartAnswer> {
      const level = await access.require(principal, id, "view");
      const chart = await store.get(id);
      if (chart === undefined) throw notFound(`chart ${id}`);
      return answers.answer(chart, level);
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
      const { who, level } = await gate(principal, id, "edit");
      const document = parseDocument(body.document, "document");
      assertStorable(document, "document");
      const chart = await write(
        who,
        id,
        "replace",
        planReplacement(level, () => document),
        body.version,
      );
      await counts.save(chart, validateChart(chart.document));
      return toRecord(chart, level);
    },

    /**
     * Replaces a chart by what `compute` makes of its current document, under the chart's
     * row lock (no version check: the change is computed from the current version).
     */
    async transform(
      principal: Principal | undefined,
      id: string,
      compute: (document: ChartDocument) => ChartDocument,
      kind: WriteKind = "import",
    ): Promise<ChartRecord> {
      const { who, level } = await gate(principal, id, "edit");
      const plan = planReplacement(level, (current) => {
        const document = parseDocument(compute(current), "document");
        assertStorable(document, "document");
        return document;
      });
      const chart = await write(who, id, kind, plan);
      await counts.save(chart, validateChart(chart.document));
      return toRecord(chart, level);
    },

    async applyOperations(
      principal: Principal | undefined,
      id: string,
      body: OperationsBody,
    ): Promise<OperationsResponse> {
      const { who, level } = await gate(principal, id, "edit");
      // The stored chart is storable; only the operations can bring in new text.
      assertStorable(body.operations, "operations");
      const plan = planOperations(level, body.operations, "http");
      const chart = await write(who, id, "operations", plan, body.version);
      const findings = validateChart(chart.document);
      await counts.save(chart, findings);
      return {
        id: chart.id,
        version: chart.version,
        updatedAt: chart.updatedAt.toISOString(),
        findings,
      };
    },

    async remove(principal: Principal | undefined, id: string): Promise<void> {
      await access.require(principal, id, "owner");
      answers.forget(id);
      const removed = await store.remove(id);
      access.chartRemoved(id);
      if (!removed) throw notFound(`chart ${id}`);
      events.removed(id);
    },
  };
}

export type ChartService = ReturnType<typeof createChartService>;
