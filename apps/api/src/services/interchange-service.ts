import type {
  ChartRecord,
  ExportOptions,
  ImportOptions,
  ImportPreview,
  ImportProblem,
  InputIssue,
} from "@rolemap/contract";
import type { ExportFile } from "@rolemap/export";
import { type ImportResult, importChart } from "@rolemap/interchange";
import type { Principal } from "../auth/principal";
import { AppError, invalidInput, notFound } from "../errors";
import { requireAccount } from "./account-service";
import type { ChartAccess } from "./chart-access";
import type { ChartService } from "./chart-service";
import type { ChartStore } from "./chart-store";
import { assertStorable } from "./storable-text";

/** An import problem as an API issue: the path says where in the file ("line 14, column Manager"). */
export function toIssue(problem: ImportProblem): InputIssue {
  const where = [
    problem.line === null ? null : `line ${problem.line}`,
    problem.column === null ? null : `column ${problem.column}`,
  ].filter((part) => part !== null);
  return { path: where.join(", "), message: problem.message };
}

function rejectProblems(result: ImportResult): asserts result is ImportResult & {
  document: NonNullable<ImportResult["document"]>;
} {
  if (result.document !== null && result.problems.length === 0) return;
  const count = result.problems.length;
  throw invalidInput(
    `the file cannot be imported: ${count} ${count === 1 ? "problem" : "problems"}; nothing was stored`,
    result.problems.map(toIssue),
  );
}

export type ImportOutcome =
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "created"; chart: ChartRecord }
  | { kind: "merged"; chart: ChartRecord };

/**
 * Files in and out: imports (a new chart, or a matrix merged into one) and exports of a
 * stored chart. Imports are all or nothing: any problem and nothing is stored.
 */
export function createInterchangeService(
  store: ChartStore,
  charts: ChartService,
  access: ChartAccess,
) {
  return {
    async import(
      principal: Principal | undefined,
      options: ImportOptions,
      text: string,
    ): Promise<ImportOutcome> {
      if (options.into !== undefined && options.format !== "matrix-csv")
        throw invalidInput("only a matrix CSV can be merged into a chart", [
          { path: "into", message: `into is for format=matrix-csv, not ${options.format}` },
        ]);

      if (options.into === undefined) {
        // Who may create charts may check a file for one: accounts, not guests.
        requireAccount(principal);
        const result = importChart(options.format, text, { name: options.name });
        if (options.preview) return { kind: "preview", preview: previewOf(result) };
        rejectProblems(result);
        assertStorable(result.document, "document");
        return {
          kind: "created",
          chart: await charts.create(principal, { document: result.document }),
        };
      }

      const id = options.into;
      if (options.preview) {
        await access.require(principal, id, "edit");
        const current = await store.get(id);
        if (current === undefined) throw notFound(`chart ${id}`);
        const result = importChart("matrix-csv", text, {
          into: current.document,
          name: options.name,
        });
        return { kind: "preview", preview: previewOf(result) };
      }
      // Merged under the chart's row lock, into the version current at that moment.
      const chart = await charts.transform(principal, id, (document) => {
        const result = importChart("matrix-csv", text, { into: document, name: options.name });
        rejectProblems(result);
        return result.document;
      });
      return { kind: "merged", chart };
    },

    async export(
      principal: Principal | undefined,
      id: string,
      options: ExportOptions,
    ): Promise<ExportFile> {
      const chart = await charts.get(principal, id);
      try {
        const { exportChart } = await loadExporters();
        return await exportChart(chart.document, options);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new Error(`export of chart ${id} as ${options.format} failed`, { cause: error });
      }
    },
  };
}

/**
 * The exporters (PDF, PPTX, XLSX, PNG and their fonts) are loaded on the first export, not
 * at start: about 120 MB a process that may never export, e.g. each of several API
 * processes serving a workshop.
 */
let exporters: Promise<typeof import("@rolemap/export")> | undefined;
const loadExporters = () => {
  exporters ??= import("@rolemap/export");
  return exporters;
};

const previewOf = ({ counts, problems }: ImportResult): ImportPreview => ({ counts, problems });

export type InterchangeService = ReturnType<typeof createInterchangeService>;
