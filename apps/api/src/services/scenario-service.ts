import { randomUUID } from "node:crypto";
import {
  type AccessLevel,
  type ChartDocument,
  type CompareResponse,
  type CreateScenarioBody,
  type InputIssue,
  type Operation,
  type PromoteBody,
  type PromoteConflict,
  type PromoteResponse,
  parseChart,
  type Scenario,
  type ScenarioRecord,
  type ScenariosResponse,
} from "@rolemap/contract";
import { compareCharts, mergeScenario, validateChart } from "@rolemap/domain";
import { mayDo, type Principal } from "../auth/principal";
import { AppError, forbidden, invalidInput, notFound, unauthenticated } from "../errors";
import type { AccessStore } from "./access-store";
import type { ChartAccess } from "./chart-access";
import { countsOf } from "./chart-counts";
import { authorOf, toRecord } from "./chart-service";
import type { ChartStore, ScenarioEntry, ScenarioLink, StoredChart } from "./chart-store";
import type { ChartWriter } from "./chart-writer";
import type { HistoryStore } from "./history-store";
import { assertStorable } from "./storable-text";

/**
 * What-if scenarios (history.md): a scenario is a chart of its own that remembers the chart
 * it was copied from and that chart's version then (its base). Access to a scenario is the
 * higher of the principal's level on it and on its original (`accessLevelOf`), so the
 * workshop that shares a chart shares its scenarios. Promote applies what the scenario
 * changed since its base to the original as one new version, merged under the original's
 * row lock with whatever the original changed meanwhile.
 */

const toScenario = (entry: ScenarioEntry): Scenario => ({
  id: entry.id,
  name: entry.name,
  scenarioOf: entry.link.of,
  baseVersion: entry.link.baseVersion,
  version: entry.version,
  createdAt: entry.createdAt.toISOString(),
  updatedAt: entry.updatedAt.toISOString(),
  createdBy: { name: entry.createdBy },
  promotedAt: entry.promotedAt?.toISOString() ?? null,
  promotedVersion: entry.promotedVersion,
});

const PLURAL: Record<PromoteConflict["kind"], string> = {
  chart: "chart",
  role: "roles",
  line: "lines",
  responsibility: "responsibilities",
  cell: "cells",
};

/** A conflict as an error issue: `roles.ciso.title`, `cells.ciso/security`, `chart.name`. */
export const conflictIssue = (conflict: PromoteConflict) => ({
  path: [PLURAL[conflict.kind], conflict.subject, conflict.field]
    .filter((part) => part !== undefined && part !== "")
    .join("."),
  message: conflict.message,
});

/** The chart's name is not a change a scenario makes: it keeps the original's. */
const named = (document: ChartDocument, name: string): ChartDocument =>
  document.name === name ? document : { ...document, name };

type Merged =
  | { ok: true; document: ChartDocument; operations: Operation[] }
  | { ok: false; clash: "conflicts" | "invalid"; issues: InputIssue[] };

/**
 * What `changed` did to `base`, applied to `current` (names aside: `current` keeps its
 * own). A clash, or a result that is no valid chart, is reported with its issues.
 */
function mergeInto(base: ChartDocument, changed: ChartDocument, current: ChartDocument): Merged {
  const merged = mergeScenario(named(base, current.name), named(changed, current.name), current);
  if (!merged.ok)
    return { ok: false, clash: "conflicts", issues: merged.conflicts.map(conflictIssue) };
  const parsed = parseChart(merged.document);
  return parsed.ok
    ? { ok: true, document: parsed.value, operations: merged.operations }
    : { ok: false, clash: "invalid", issues: parsed.issues };
}

/** The scenario cannot take the original's changes (or needs none): no rebase is written. */
class NotInStep extends Error {}

export function createScenarioService(deps: {
  store: ChartStore;
  access: ChartAccess;
  accessStore: AccessStore;
  writer: ChartWriter;
  history: Pick<HistoryStore, "documentAt">;
}) {
  const { store, access, accessStore, writer, history } = deps;

  const gate = async (principal: Principal | undefined, id: string, needed: AccessLevel) => {
    if (principal === undefined) throw unauthenticated();
    return { who: principal, level: await access.require(principal, id, needed) };
  };

  const load = async (id: string): Promise<StoredChart> => {
    const chart = await store.get(id);
    if (chart === undefined) throw notFound(`chart ${id}`);
    return chart;
  };

  /** The scenario's document to promote: at `version`, or as it is now. */
  const scenarioDocument = async (scenario: StoredChart, version: number | undefined) => {
    if (version === undefined || version === scenario.version) return scenario.document;
    const document =
      version < scenario.version ? await history.documentAt(scenario.id, version) : undefined;
    if (document === undefined)
      throw invalidInput(`version ${version} of chart ${scenario.id} cannot be promoted`, [
        {
          path: "version",
          message:
            version > scenario.version
              ? `the scenario is at version ${scenario.version}`
              : `version ${version} of the scenario can no longer be rebuilt`,
        },
      ]);
    return document;
  };

  /**
   * The original as it was at the scenario's base. The history keeps it: a chart gets a
   * snapshot before its first commit, and compaction keeps the bases of its scenarios.
   */
  const baseDocument = async (scenario: StoredChart, link: ScenarioLink) => {
    const document = await history.documentAt(link.of, link.baseVersion);
    if (document === undefined)
      throw new AppError(
        "conflict",
        `version ${link.baseVersion} of chart ${link.of}, which scenario ${scenario.id} was made from, can no longer be rebuilt, so its changes cannot be told apart; nothing was changed`,
      );
    return document;
  };

  /**
   * After a promote that merged what the original changed meanwhile, brings those changes
   * into the scenario too (as a `replace` of it), so the original's new version is a base it
   * truly derives from; otherwise a second promote would take the scenario's older values
   * for changes of its own and undo them. True when the scenario is in step.
   */
  const rebase = async (
    who: Principal,
    scenarioId: string,
    promoted: ChartDocument,
    original: ChartDocument,
  ): Promise<boolean> => {
    let inStep = false;
    try {
      const outcome = await writer.write({
        chartId: scenarioId,
        batchId: randomUUID(),
        kind: "replace",
        author: authorOf(who, null),
        plan: (current) => {
          const merged = mergeInto(promoted, original, current.document);
          if (!merged.ok) throw new NotInStep();
          const { operations } = merged;
          inStep = true;
          if (operations.length === 0) throw new NotInStep();
          return { document: merged.document, operations };
        },
      });
      return outcome.status === "committed";
    } catch (error) {
      if (error instanceof NotInStep) return inStep;
      throw error;
    }
  };

  return {
    /** A copy of the chart's current document, named `name`, made a scenario of it. */
    async create(
      principal: Principal | undefined,
      id: string,
      body: CreateScenarioBody,
    ): Promise<ScenarioRecord> {
      const { who } = await gate(principal, id, "edit");
      assertStorable(body.name, "name");
      const source = await load(id);
      // A scenario made from a scenario is its sibling: the same original and base, so it
      // carries the first's changes and promotes into the original.
      const link = source.scenario ?? { of: source.id, baseVersion: source.version };
      let ownerId: string;
      if (who.kind === "account") ownerId = who.account.id;
      else {
        // A guest owns nothing: the scenario is the original's owner's, the guest keeps
        // their link's level on it through the original.
        if (who.chartId !== link.of)
          throw forbidden(
            "a share link of a scenario cannot make scenarios: ask for a link to the original chart",
          );
        const original = await accessStore.chartGrant(link.of, undefined);
        if (original?.ownerId == null) throw notFound(`chart ${link.of}`);
        ownerId = original.ownerId;
      }
      const document = { ...source.document, name: body.name };
      const change = { document, counts: countsOf(document, validateChart(document)) };
      const chart = await store.create(change, ownerId, {
        scenario: link,
        author: authorOf(who, null),
        summary: `copied "${source.document.name}" at version ${link.baseVersion} as a scenario`,
      });
      const level = who.kind === "account" ? "owner" : who.access;
      return { ...toRecord(chart, level), scenarioOf: link.of, baseVersion: link.baseVersion };
    },

    async list(principal: Principal | undefined, id: string): Promise<ScenariosResponse> {
      await gate(principal, id, "view");
      return { scenarios: (await store.scenarios(id)).map(toScenario) };
    },

    /** What `b` changes relative to `a`: any two charts the principal can see. */
    async compare(
      principal: Principal | undefined,
      a: string,
      b: string,
    ): Promise<CompareResponse> {
      await gate(principal, a, "view");
      await gate(principal, b, "view");
      const [left, right] = await Promise.all([load(a), load(b)]);
      const side = (chart: StoredChart) => ({
        id: chart.id,
        name: chart.document.name,
        version: chart.version,
      });
      return {
        a: side(left),
        b: side(right),
        diff: compareCharts(left.document, right.document),
      };
    },

    /**
     * Applies the scenario's changes since its base to its original as one version (kind
     * `promote`), merged inside the original's row lock with what the original changed
     * since; any clash is 409 `promote_conflict` listing each, and nothing changes.
     */
    async promote(
      principal: Principal | undefined,
      id: string,
      body: PromoteBody,
    ): Promise<PromoteResponse> {
      const { who } = await gate(principal, id, "view");
      const scenario = await load(id);
      const link = scenario.scenario;
      if (link === undefined)
        throw invalidInput(`chart ${id} cannot be promoted`, [
          {
            path: "id",
            message:
              "this chart is not a scenario of another chart (or its original was deleted): there is nothing to promote it into",
          },
        ]);
      const onOriginal = await access.level(who, link.of);
      if (!mayDo(onOriginal, "owner"))
        throw forbidden(
          `promoting needs owner access to the original chart ${link.of}; you have ${onOriginal ?? "no"} access to it`,
        );
      const theirs = await scenarioDocument(scenario, body.version);
      const base = await baseDocument(scenario, link);

      let originalMoved = false;
      const outcome = await writer.write({
        chartId: link.of,
        batchId: randomUUID(),
        kind: "promote",
        author: authorOf(who, null),
        meta: { promotedFrom: { id, name: scenario.document.name } },
        // The merge sees the original as it is under its row lock: no edit slips in between.
        // The promoter owns the original: neither the facilitator's lock nor renames apply.
        plan: (current) => {
          originalMoved = current.version !== link.baseVersion;
          const merged = mergeInto(base, theirs, current.document);
          if (!merged.ok)
            throw new AppError(
              "promote_conflict",
              merged.clash === "conflicts"
                ? `the original changed the same things as the scenario since version ${link.baseVersion}; nothing was changed`
                : "the scenario's changes and the original's since would not make a valid chart together; nothing was changed",
              merged.issues,
            );
          return {
            document: merged.document,
            operations: merged.operations,
          };
        },
      });
      if (outcome.status === "not_found")
        throw invalidInput(`chart ${id} cannot be promoted`, [
          { path: "id", message: "its original was deleted meanwhile; nothing was changed" },
        ]);
      if (outcome.status !== "committed")
        throw new Error(`promote of scenario ${id} into ${link.of}: ${outcome.status}`);
      const { chart, entry } = outcome;
      const inStep = !originalMoved || (await rebase(who, id, theirs, chart.document));
      // In step, the new version is a true base: a second promote applies only later changes.
      await store.markPromoted(id, link.of, chart.version, inStep ? chart.version : undefined);
      return { id: chart.id, version: chart.version, applied: entry.operations.length };
    },
  };
}

export type ScenarioService = ReturnType<typeof createScenarioService>;
