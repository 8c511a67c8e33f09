import type {
  ChartRecord,
  ComparisonExportQuery,
  ExportOptions,
  ImportFormat,
  ImportOptions,
  ImportPreview,
  ImportProblem,
  InputIssue,
} from "@rolemap/contract";
import type { ExportFile } from "@rolemap/export";
import { CONTENT_TYPES, comparisonFilename, exportFilename } from "@rolemap/export/naming";
import { type ImportResult, importChart } from "@rolemap/interchange";
import { type Principal, principalKey } from "../auth/principal";
import { AppError, invalidInput, notFound } from "../errors";
import type { InterchangePool } from "../interchange-pool/pool";
import type { ImportTask } from "../interchange-pool/tasks";
import { requireAccount } from "./account-service";
import type { ChartAccess } from "./chart-access";
import type { ChartService } from "./chart-service";
import type { ChartStore } from "./chart-store";
import { assertStorable } from "./storable-text";

/** A chart's first version in words when a file made it ("imported the chart from …"). */
const IMPORTED_FROM: Record<ImportFormat, string> = {
  "org-csv": "an org-list CSV",
  "matrix-csv": "a matrix CSV",
  json: "a JSON file",
};

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
 * stored chart. Imports are all or nothing: any problem and nothing is stored. Reading
 * and writing the files runs on the pool's worker threads, bounded by its limits, and
 * stops when `signal` says the client went away.
 */
export function createInterchangeService(
  store: ChartStore,
  charts: ChartService,
  access: ChartAccess,
  pool: InterchangePool,
) {
  const keyOf = (principal: Principal | undefined) =>
    principal === undefined ? "anonymous" : principalKey(principal);

  return {
    async import(
      principal: Principal | undefined,
      options: ImportOptions,
      text: string,
      signal?: AbortSignal,
    ): Promise<ImportOutcome> {
      const run = async (task: ImportTask) =>
        JSON.parse(
          await pool.run("importFile", task, {
            principal: keyOf(principal),
            signal,
            label: `the import of this ${options.format} file`,
          }),
        ) as ImportResult;
      if (options.into !== undefined && options.format !== "matrix-csv")
        throw invalidInput("only a matrix CSV can be merged into a chart", [
          { path: "into", message: `into is for format=matrix-csv, not ${options.format}` },
        ]);

      if (options.into === undefined) {
        // Who may create charts may check a file for one: accounts, not guests.
        requireAccount(principal);
        const result = await run({ format: options.format, text, name: options.name });
        if (options.preview) return { kind: "preview", preview: previewOf(result) };
        rejectProblems(result);
        assertStorable(result.document, "document");
        return {
          kind: "created",
          chart: await charts.create(
            principal,
            { document: result.document },
            `imported the chart from ${IMPORTED_FROM[options.format]}`,
          ),
        };
      }

      const id = options.into;
      await access.require(principal, id, "edit");
      const current = await store.get(id);
      if (current === undefined) throw notFound(`chart ${id}`);
      const merged = await run({
        format: "matrix-csv",
        text,
        name: options.name,
        into: JSON.stringify(current.document),
      });
      if (options.preview) return { kind: "preview", preview: previewOf(merged) };
      // Merged under the chart's row lock, into the version current at that moment: the
      // worker's result when that is still the version it merged into (the usual case),
      // else merged again here (an edit landed meanwhile).
      const chart = await charts.transform(principal, id, (document) => {
        const result =
          document === current.document
            ? merged
            : importChart("matrix-csv", text, { into: document, name: options.name });
        rejectProblems(result);
        return result.document;
      });
      return { kind: "merged", chart };
    },

    async export(
      principal: Principal | undefined,
      id: string,
      options: ExportOptions,
      signal?: AbortSignal,
    ): Promise<ExportFile> {
      const chart = await charts.get(principal, id);
      try {
        const body = await pool.run(
          "exportFile",
          { document: JSON.stringify(chart.document), options },
          {
            principal: keyOf(principal),
            signal,
            label: `the export of this chart as ${options.format.toUpperCase()}`,
          },
        );
        return {
          body,
          contentType: CONTENT_TYPES[options.format],
          filename: exportFilename(chart.document.name, options.format),
        };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new Error(`export of chart ${id} as ${options.format} failed`, { cause: error });
      }
    },

    /**
     * What chart `b` changes relative to chart `a` as a file for a deck (PDF, PNG, SVG):
     * view access to both, else 404 for the one not seen. Compared and drawn on the pool.
     */
    async exportComparison(
      principal: Principal | undefined,
      a: string,
      b: string,
      format: ComparisonExportQuery["format"],
      signal?: AbortSignal,
    ): Promise<ExportFile> {
      const left = await charts.get(principal, a);
      const right = await charts.get(principal, b);
      try {
        const body = await pool.run(
          "exportComparisonFile",
          { a: JSON.stringify(left.document), b: JSON.stringify(right.document), format },
          {
            principal: keyOf(principal),
            signal,
            label: `the export of this comparison as ${format.toUpperCase()}`,
          },
        );
        return {
          body,
          contentType: CONTENT_TYPES[format],
          filename: comparisonFilename(left.document.name, right.document.name, format),
        };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new Error(`export of the comparison of charts ${a} and ${b} as ${format} failed`, {
          cause: error,
        });
      }
    },
  };
}

const previewOf = ({ counts, problems }: ImportResult): ImportPreview => ({ counts, problems });

export type InterchangeService = ReturnType<typeof createInterchangeService>;
