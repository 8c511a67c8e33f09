import type { Comment, CommentsResponse, CreateCommentBody } from "@rolemap/contract";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { applyCommentMessage, removeComment, upsertComment } from "../comments/comment-threads";
import type { ChartEditor } from "../editor";
import { useApiClient } from "./api-context";
import { commentKeys } from "./query-keys";

/** Every thread of the chart (`GET /comments`), kept current by `useLiveComments`. */
export function useComments(chartId: string) {
  const api = useApiClient();
  return useQuery({
    queryKey: commentKeys.of(chartId),
    queryFn: ({ signal }) => api.listComments(chartId, {}, signal),
  });
}

/** Changes the cached threads; a change that cannot be placed (a missed message) refetches. */
function changeThreads(
  queryClient: QueryClient,
  chartId: string,
  change: (threads: readonly Comment[]) => Comment[] | null,
) {
  const key = commentKeys.of(chartId);
  const cached = queryClient.getQueryData<CommentsResponse>(key);
  // Not loaded yet: a fetch under way may have started before this change.
  if (cached === undefined) return void queryClient.invalidateQueries({ queryKey: key });
  const next = change(cached.comments);
  if (next === null) void queryClient.invalidateQueries({ queryKey: key });
  else queryClient.setQueryData<CommentsResponse>(key, { comments: next });
}

/**
 * Others' comments as they happen: each live `comment` message enters the cache; after a
 * reconnect (a welcome after the first) the list is fetched again, since messages sent
 * while away are not replayed.
 */
export function useLiveComments(editor: ChartEditor) {
  const queryClient = useQueryClient();
  const { chartId } = editor;
  useEffect(() => {
    let welcomes = editor.getState().connection === "live" ? 1 : 0;
    const stopComments = editor.onServerMessage("comment", (message) =>
      changeThreads(queryClient, chartId, (threads) => applyCommentMessage(threads, message)),
    );
    const stopWelcomes = editor.onServerMessage("welcome", () => {
      welcomes += 1;
      if (welcomes > 1) void queryClient.invalidateQueries({ queryKey: commentKeys.of(chartId) });
    });
    return () => {
      stopComments();
      stopWelcomes();
    };
  }, [editor, chartId, queryClient]);
}

/** A new thread or a reply; its answer enters the cache at once (its live echo changes nothing). */
export function useCreateComment(chartId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => api.createComment(chartId, body),
    onSuccess: (comment) =>
      changeThreads(queryClient, chartId, (threads) => upsertComment(threads, comment)),
  });
}

/** Edits a body (mine) or resolves / reopens a thread. */
export function useUpdateComment(chartId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; body?: string; resolved?: boolean }) =>
      api.updateComment(chartId, id, body),
    onSuccess: (comment) =>
      changeThreads(queryClient, chartId, (threads) => upsertComment(threads, comment)),
  });
}

export function useDeleteComment(chartId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteComment(chartId, id),
    onSuccess: (_data, id) =>
      changeThreads(queryClient, chartId, (threads) => removeComment(threads, id)),
  });
}
