import type { ChartRecord } from "@rolemap/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useApiClient } from "../api/api-context";
import { ApiError } from "../api/client";
import { useChart } from "../api/hooks";
import { chartKeys } from "../api/query-keys";
import { accountOf, guestOf, type Session, useSession } from "../auth/hooks";
import { whenIdle } from "../lib/when-idle";
import { createChartEditor } from "./chart-editor";
import { useEditorRegistry } from "./editor-registry";
import { loadOperationChecks } from "./lazy-operation-checks";
import type { ChartEditor } from "./types";

export type ChartEditorHandle =
  | { status: "loading" }
  | { status: "not-found" }
  /** No session (never signed in, signed out, a share link revoked): 401. */
  | { status: "signed-out" }
  | { status: "error"; error: unknown; retry: () => void }
  | { status: "ready"; editor: ChartEditor };

/**
 * The editor of chart `chartId`: loads the chart (TanStack Query), then creates its editor
 * once per session (see editor-registry). Saved batches update the query cache, so the
 * home page's list and a later visit see the saved chart; a refetch that brings a newer
 * version (window focus, another tab) is handed to the editor, which takes it when no edit
 * of its own is waiting.
 */
export function useChartEditor(chartId: string): ChartEditorHandle {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const registry = useEditorRegistry();
  const query = useChart(chartId);
  const record = query.data;
  const sessionQuery = useSession();
  // Who makes the edits keys the outbox (edits kept offline are found again by the same
  // person): the editor is created once the session is known, never with a guess.
  const isSessionKnown = !sessionQuery.isPending;
  const author = authorOf(sessionQuery.data);

  const editor = useMemo(() => {
    if (record === undefined || record.id !== chartId || !isSessionKnown)
      return registry.get(chartId);
    return registry.getOrCreate(record, (initial) =>
      createChartEditor({
        record: initial,
        transport: api,
        author,
        onSaved: (saved: ChartRecord) => {
          // What the editor does not track stays: a scenario's link to its original.
          queryClient.setQueryData<ChartRecord>(chartKeys.detail(saved.id), (cached) =>
            cached === undefined ? saved : { ...cached, ...saved },
          );
          void queryClient.invalidateQueries({ queryKey: chartKeys.lists() });
        },
      }),
    );
  }, [record, chartId, registry, api, queryClient, author, isSessionKnown]);

  // An id that is not a UUID is refused with 400: for the user it is the same as unknown.
  const isNotFound =
    query.error instanceof ApiError &&
    (query.error.isNotFound || query.error.code === "invalid_input");

  // The contract's checks of edits come once the page has nothing else to do. If their code
  // cannot be loaded, the server still refuses bad values; the next chart page tries again.
  useEffect(() => whenIdle(() => loadOperationChecks().catch(() => {})), []);

  useEffect(() => {
    if (editor !== undefined && record !== undefined) editor.receive(record);
  }, [editor, record]);

  useEffect(() => {
    if (isNotFound) registry.remove(chartId);
  }, [isNotFound, registry, chartId]);

  if (isNotFound) return { status: "not-found" };
  if (query.error instanceof ApiError && query.error.isUnauthenticated)
    return { status: "signed-out" };
  if (editor !== undefined) return { status: "ready", editor };
  if (query.isError) return { status: "error", error: query.error, retry: () => query.refetch() };
  return { status: "loading" };
}

/** The outbox's key for the person signed in: an account, or a share link's guest. */
function authorOf(session: Session | undefined): string {
  const account = accountOf(session);
  if (account !== null) return account.id;
  const guest = guestOf(session);
  return guest === null ? "" : `guest:${guest.chart}:${guest.name}`;
}
