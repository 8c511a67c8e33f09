import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ChartEditor } from "../editor";
import { useApiClient } from "./api-context";
import { versionKeys } from "./query-keys";

/** Versions per page of the timeline ("Load older" asks for the next). */
export const VERSIONS_PAGE = 50;

/** The chart's versions, newest first, a page at a time. */
export function useVersions(chartId: string) {
  const api = useApiClient();
  return useInfiniteQuery({
    queryKey: versionKeys.list(chartId),
    queryFn: ({ pageParam, signal }) =>
      api.listVersions(
        chartId,
        pageParam === null ? { limit: VERSIONS_PAGE } : { before: pageParam, limit: VERSIONS_PAGE },
        signal,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.next,
  });
}

/** How long a burst of changes may last before the list is fetched again. */
const REFRESH_AFTER_MS = 400;

/**
 * New versions enter the list as they are made: the list is fetched again after each
 * burst of `applied` messages (a workshop's stream costs one request, not one per batch),
 * and after a reconnect.
 */
export function useLiveVersions(editor: ChartEditor) {
  const queryClient = useQueryClient();
  const { chartId } = editor;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: versionKeys.list(chartId) });
      }, REFRESH_AFTER_MS);
    };
    const stops = [
      editor.onServerMessage("applied", refresh),
      editor.onServerMessage("welcome", refresh),
    ];
    return () => {
      if (timer !== null) clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [editor, chartId, queryClient]);
}

/** The document at a past version (null: none asked); a past document never changes. */
export function useVersionDocument(chartId: string, version: number | null) {
  const api = useApiClient();
  return useQuery({
    queryKey: versionKeys.document(chartId, version ?? 0),
    queryFn: ({ signal }) => {
      if (version === null) throw new Error("no version asked for");
      return api.getVersion(chartId, version, signal);
    },
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Owner: makes a new version equal to an old one; it arrives live like any change. */
export function useRestoreVersion(chartId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.restoreVersion(chartId, { version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.list(chartId) }),
  });
}
