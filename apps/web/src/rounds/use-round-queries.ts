import type { Round, RoundMessage, RoundsResponse, StartRoundBody } from "@rolemap/contract";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useApiClient } from "../api/api-context";
import { roundKeys } from "../api/query-keys";
import type { ChartEditor } from "../editor";

/** The chart's rounds, newest first (`GET /rounds`), kept current by `useLiveRounds`. */
export function useRounds(chartId: string, enabled: boolean) {
  const api = useApiClient();
  return useQuery({
    queryKey: roundKeys.of(chartId),
    queryFn: ({ signal }) => api.listRounds(chartId, signal),
    enabled,
  });
}

/** Puts a round as the server answered it into the cached list (a new one first). */
export function storeRound(queryClient: QueryClient, round: Round) {
  queryClient.setQueryData<RoundsResponse>(roundKeys.of(round.chartId), (cached) => {
    if (cached === undefined) return { rounds: [round] };
    const known = cached.rounds.some((r) => r.id === round.id);
    return {
      rounds: known
        ? cached.rounds.map((r) => (r.id === round.id ? round : r))
        : [round, ...cached.rounds],
    };
  });
}

/**
 * A `round` message into the cache: a new count of participants is set in place; a start,
 * a reveal or a removal (codes are never in the message) fetches the rounds again.
 */
export function applyRoundMessage(
  queryClient: QueryClient,
  chartId: string,
  message: RoundMessage,
) {
  const key = roundKeys.of(chartId);
  const cached = queryClient.getQueryData<RoundsResponse>(key);
  const known = cached?.rounds.find((round) => round.id === message.id);
  if (
    cached === undefined ||
    known === undefined ||
    message.removed ||
    known.status !== message.status
  )
    return void queryClient.invalidateQueries({ queryKey: key });
  queryClient.setQueryData<RoundsResponse>(key, {
    rounds: cached.rounds.map((round) =>
      round.id === message.id ? { ...round, participants: message.participants } : round,
    ),
  });
}

/**
 * Rounds as they change: each live `round` message; after a reconnect (a welcome after
 * the first) the list is fetched again, since messages sent while away are not replayed.
 */
export function useLiveRounds(editor: ChartEditor, enabled: boolean) {
  const queryClient = useQueryClient();
  const { chartId } = editor;
  useEffect(() => {
    if (!enabled) return;
    let welcomes = editor.getState().connection === "live" ? 1 : 0;
    const stopRounds = editor.onServerMessage("round", (message) =>
      applyRoundMessage(queryClient, chartId, message),
    );
    const stopWelcomes = editor.onServerMessage("welcome", () => {
      welcomes += 1;
      if (welcomes > 1) void queryClient.invalidateQueries({ queryKey: roundKeys.of(chartId) });
    });
    return () => {
      stopRounds();
      stopWelcomes();
    };
  }, [editor, chartId, queryClient, enabled]);
}

/** The facilitator's actions; each answer enters the cache at once. */
export function useRoundActions(chartId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (body: StartRoundBody) => api.startRound(chartId, body),
    onSuccess: (round) => storeRound(queryClient, round),
  });
  const reveal = useMutation({
    mutationFn: (roundId: string) => api.revealRound(chartId, roundId),
    onSuccess: (round) => storeRound(queryClient, round),
  });
  const remove = useMutation({
    mutationFn: (roundId: string) => api.removeRound(chartId, roundId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundKeys.of(chartId) }),
  });
  return { start, reveal, remove };
}
