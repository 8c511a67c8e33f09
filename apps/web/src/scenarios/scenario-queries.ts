import type { ChartRecord, ScenarioRecord } from "@rolemap/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApiClient } from "../api/api-context";
import { useChart } from "../api/hooks";
import { chartKeys, scenarioKeys } from "../api/query-keys";
import type { ComparisonFormat } from "../api/scenarios-client";

/** The scenarios made from a chart (history.md), oldest first as the API lists them. */
export function useScenarios(chartId: string, enabled = true) {
  const api = useApiClient();
  return useQuery({
    queryKey: scenarioKeys.of(chartId),
    queryFn: ({ signal }) => api.listScenarios(chartId, signal),
    enabled,
  });
}

/**
 * The open chart's family: its primary (itself, unless it is a scenario) and the primary's
 * scenarios. `current` is the chart page's own record (already loaded).
 */
export function useScenarioFamily(chartId: string) {
  const current = useChart(chartId).data;
  const scenarioOf = current?.id === chartId ? current.scenarioOf : undefined;
  const primaryId = scenarioOf ?? chartId;
  // The primary's record: its name and what this person may do with it (promote: owner).
  const primary = useChart(primaryId);
  const scenarios = useScenarios(primaryId, current !== undefined);
  return { current, isScenario: scenarioOf !== undefined, primaryId, primary, scenarios };
}

/** Makes a scenario of `chartId` and puts it in the cache, so its page opens at once. */
export function useCreateScenario(chartId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, before }: { name: string; before?: () => Promise<void> }) => {
      await before?.();
      return api.createScenario(chartId, { name });
    },
    onSuccess: (record: ScenarioRecord) => {
      queryClient.setQueryData<ChartRecord>(chartKeys.detail(record.id), record);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: scenarioKeys.of(chartId) }),
        queryClient.invalidateQueries({ queryKey: chartKeys.lists() }),
      ]);
    },
  });
}

/** What chart `b` changes relative to chart `a`; `enabled` false while edits are on their way. */
export function useComparison(a: string, b: string, enabled = true) {
  const api = useApiClient();
  return useQuery({
    queryKey: scenarioKeys.compare(a, b),
    queryFn: ({ signal }) => api.compareCharts(a, b, signal),
    enabled,
    // A refused comparison (no access, not found) stays refused; the page offers a retry.
    retry: false,
  });
}

/** Promotes a scenario into its primary; the primary, lists and comparisons are asked again. */
export function usePromote(scenarioId: string, primaryId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.promoteScenario(scenarioId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chartKeys.detail(primaryId) }),
        queryClient.invalidateQueries({ queryKey: chartKeys.detail(scenarioId) }),
        queryClient.invalidateQueries({ queryKey: scenarioKeys.all }),
        queryClient.invalidateQueries({ queryKey: chartKeys.lists() }),
      ]),
  });
}

/** The comparison as a file (PDF, PNG) for the deck after the workshop. */
export function useExportComparison(a: string, b: string) {
  const api = useApiClient();
  return useMutation({
    mutationFn: (format: ComparisonFormat) => api.exportComparison(a, b, format),
  });
}
