import type {
  ChartDocument,
  ChartListItem,
  ChartListResponse,
  ChartRecord,
  ExportOptions,
} from "@rolemap/contract";
import { CHART_FORMAT } from "@rolemap/contract/constants";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApiClient } from "./api-context";
import { chartQueryOptions } from "./chart-query";
import { ApiError, type ImportRequest } from "./client";
import { chartKeys, importKeys, templateKeys } from "./query-keys";

/** How many charts the home page asks for (the API allows up to 200 per page). */
export const CHART_LIST_LIMIT = 100;

export function useCharts(limit = CHART_LIST_LIMIT) {
  const api = useApiClient();
  return useQuery({
    queryKey: chartKeys.list(limit),
    queryFn: ({ signal }) => api.listCharts({ limit }, signal),
  });
}

export function useChart(id: string) {
  const api = useApiClient();
  return useQuery(chartQueryOptions(api, id));
}

export function useTemplates() {
  const api = useApiClient();
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: ({ signal }) => api.listTemplates(signal),
    // Built into the server: they change only with a new release.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type CreateChartInput = { template: string; name?: string } | { blank: true; name: string };

/** A chart with one vacant CEO role: the anchor people expect to build the chart under. */
export function blankChartDocument(name: string): ChartDocument {
  return {
    format: CHART_FORMAT,
    name,
    roles: [{ id: "ceo", title: "CEO", holder: null }],
    reportingLines: [],
    responsibilities: [],
    assignments: [],
  };
}

export function useCreateChart() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChartInput) =>
      api.createChart(
        "blank" in input
          ? { document: blankChartDocument(input.name) }
          : input.name === undefined
            ? { template: input.template }
            : { template: input.template, name: input.name },
      ),
    onSuccess: (record: ChartRecord) => {
      queryClient.setQueryData(chartKeys.detail(record.id), record);
      return queryClient.invalidateQueries({ queryKey: chartKeys.lists() });
    },
  });
}

type ListSnapshot = [readonly unknown[], ChartListResponse | undefined][];

/** Changes every cached chart list optimistically; returns what to restore on failure. */
function updateLists(
  queryClient: ReturnType<typeof useQueryClient>,
  change: (charts: ChartListItem[]) => ChartListItem[],
): ListSnapshot {
  const snapshot = queryClient.getQueriesData<ChartListResponse>({ queryKey: chartKeys.lists() });
  for (const [key, data] of snapshot)
    if (data !== undefined) {
      const charts = change(data.charts);
      queryClient.setQueryData<ChartListResponse>(key, {
        ...data,
        charts,
        total: data.total - (data.charts.length - charts.length),
      });
    }
  return snapshot;
}

function restoreLists(
  queryClient: ReturnType<typeof useQueryClient>,
  snapshot: ListSnapshot | undefined,
) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

/** Renames through the operations endpoint (`updateChart`), optimistically in the list. */
export function useRenameChart() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      api.postOperations(id, { operations: [{ op: "updateChart", name }] }),
    onMutate: async ({ id, name }) => {
      await queryClient.cancelQueries({ queryKey: chartKeys.lists() });
      return updateLists(queryClient, (charts) =>
        charts.map((chart) => (chart.id === id ? { ...chart, name } : chart)),
      );
    },
    onError: (_error, _input, snapshot) => restoreLists(queryClient, snapshot),
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chartKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: chartKeys.detail(id) }),
      ]),
  });
}

/** Deletes a chart, removing it from the list at once; a 404 counts as done. */
export function useDeleteChart() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      try {
        await api.deleteChart(id);
      } catch (error) {
        if (!(error instanceof ApiError && error.isNotFound)) throw error;
      }
    },
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: chartKeys.lists() });
      return updateLists(queryClient, (charts) => charts.filter((chart) => chart.id !== id));
    },
    onError: (_error, _id, snapshot) => restoreLists(queryClient, snapshot),
    onSuccess: (_data, id) => queryClient.removeQueries({ queryKey: chartKeys.detail(id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chartKeys.lists() }),
  });
}

/** A file read for import: its text, and an id that changes with every file picked. */
export interface ImportSource {
  fileId: number;
  text: string;
}

/**
 * The API's preview of an import (counts and every problem; nothing stored), or idle while
 * `source` is null. Not retried: a refused file stays refused until another is picked.
 */
export function useImportPreview(request: ImportRequest, source: ImportSource | null) {
  const api = useApiClient();
  return useQuery({
    queryKey: importKeys.preview(source?.fileId ?? -1, request.format, request.into ?? null),
    queryFn: ({ signal }) => {
      if (source === null) throw new Error("no file to preview");
      // The name changes nothing in the counts: left out so typing it does not refetch.
      return api.previewImport({ format: request.format, into: request.into }, source.text, signal);
    },
    enabled: source !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

/** Imports a file: a new chart, or a matrix merged into `into`; the caches learn the result. */
export function useImportChart() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, text }: { request: ImportRequest; text: string }) =>
      api.importChart(request, text),
    onSuccess: (record: ChartRecord) => {
      queryClient.setQueryData(chartKeys.detail(record.id), record);
      return queryClient.invalidateQueries({ queryKey: chartKeys.lists() });
    },
  });
}

/** Fetches one export of a stored chart as a file (the editor saves its edits first). */
export function useExportChart() {
  const api = useApiClient();
  return useMutation({
    mutationFn: ({ id, options }: { id: string; options: ExportOptions }) =>
      api.exportChart(id, options),
  });
}
