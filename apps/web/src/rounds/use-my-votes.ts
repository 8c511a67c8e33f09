import type { RaciCode, Round } from "@rolemap/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useApiClient } from "../api/api-context";
import { ApiError } from "../api/client";
import { roundKeys } from "../api/query-keys";
import { type MyVotes, votesByCell, withCodes } from "./round-model";
import { storeRound } from "./use-round-queries";

/** Codes typed in a row are sent together once typing pauses this long. */
export const SAVE_DELAY_MS = 600;

export type VoteSaveStatus = "idle" | "waiting" | "saving" | "saved" | "failed";

export interface VoteSave {
  status: VoteSaveStatus;
  /** Why the last save failed. */
  error: unknown;
}

const NO_VOTES: MyVotes = new Map();

/**
 * My codes in the open round: shown at once, saved with `PUT …/votes` (all of them, which
 * replaces what the server had) a moment after the last change, one request at a time; what
 * is still unsaved when the page goes is sent then. A failure waits for the next change or
 * `flush()`.
 */
export function useMyVotes(chartId: string, round: Round | null) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [votes, setVotes] = useState<MyVotes>(NO_VOTES);
  const [save, setSave] = useState<VoteSave>({ status: "idle", error: null });
  const latest = useRef<MyVotes>(NO_VOTES);
  const dirty = useRef(false);
  const sending = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const openId = useRef<string | null>(null);
  openId.current = round?.status === "open" ? round.id : null;

  // Another round: start from what the server has of mine in it.
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    const id = round?.id ?? null;
    if (loadedFor.current === id) return;
    loadedFor.current = id;
    clearTimeout(timer.current);
    dirty.current = false;
    latest.current = round === null ? NO_VOTES : votesByCell(round.mine);
    setVotes(latest.current);
    setSave({ status: "idle", error: null });
  }, [round]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (sending.current !== null) await sending.current;
    const roundId = openId.current;
    if (roundId === null || !dirty.current) return;
    dirty.current = false;
    setSave({ status: "saving", error: null });
    const request = api.saveRoundVotes(chartId, roundId, [...latest.current.values()]).then(
      (saved) => {
        storeRound(queryClient, saved);
        setSave({ status: dirty.current ? "waiting" : "saved", error: null });
      },
      (error: unknown) => {
        dirty.current = true;
        setSave({ status: "failed", error });
        // Revealed or removed meanwhile: the list shows what the round is now.
        if (error instanceof ApiError && (error.isConflict || error.isNotFound))
          void queryClient.invalidateQueries({ queryKey: roundKeys.of(chartId) });
      },
    );
    sending.current = request.finally(() => {
      sending.current = null;
    });
    await sending.current;
  }, [api, chartId, queryClient]);

  const setCodes = useCallback(
    (role: string, responsibility: string, codes: readonly RaciCode[]) => {
      if (openId.current === null) return;
      latest.current = withCodes(latest.current, role, responsibility, codes);
      setVotes(latest.current);
      dirty.current = true;
      setSave({ status: "waiting", error: null });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the page (or the matrix) with codes not yet sent: send them now.
  useEffect(
    () => () => {
      if (dirty.current) void flush();
    },
    [flush],
  );

  return { votes, save, setCodes, flush };
}

export type MyVotesState = ReturnType<typeof useMyVotes>;
