import { leadingCodesOf } from "@rolemap/domain";
import { type ReactNode, useCallback, useMemo } from "react";
import { hasAccess } from "../auth/access";
import { type ChartEditor, selectAccess, selectCanEdit, useEditorSelector } from "../editor";
import { usePersistentState } from "../lib/use-persistent-state";
import { adoptionEdit, currentRound, indexResults } from "./round-model";
import { type SilentRound, SilentRoundContext } from "./silent-round-context";
import { useMyVotes } from "./use-my-votes";
import { useLiveRounds, useRounds } from "./use-round-queries";

/** How many put-away rounds a browser remembers (older ids are forgotten). */
const DISMISSED_KEPT = 20;

/**
 * The chart page's silent round for the matrix below it: the rounds' list kept live, my
 * private codes while a round is open, the tally and adopting after the reveal. Without
 * `enabled` (a past version previewed) the matrix shows no round.
 */
export function SilentRoundProvider({
  editor,
  enabled = true,
  children,
}: {
  editor: ChartEditor;
  enabled?: boolean;
  children: ReactNode;
}) {
  const { chartId } = editor;
  const query = useRounds(chartId, enabled);
  useLiveRounds(editor, enabled);
  const access = useEditorSelector(editor, selectAccess);
  const canEdit = useEditorSelector(editor, selectCanEdit);
  const [dismissedText, setDismissed] = usePersistentState<string>("rolemap.dismissedRounds", "");
  const dismissed = useMemo(
    () => new Set(dismissedText.split(",").filter(Boolean)),
    [dismissedText],
  );
  const round = query.data === undefined ? null : currentRound(query.data.rounds, dismissed);
  const mine = useMyVotes(chartId, round);
  const results = round?.results ?? null;
  const derived = useMemo(
    () =>
      results === null
        ? { index: null, leading: null }
        : { index: indexResults(results), leading: leadingCodesOf(results) },
    [results],
  );
  const scope = useMemo(
    () => ({
      roles: new Set(round?.roles ?? []),
      rows: new Set(round?.responsibilities ?? []),
    }),
    [round?.roles, round?.responsibilities],
  );

  const adopt = useCallback(
    (responsibility: string, role?: string) => {
      if (round === null || derived.leading === null) return;
      const edit = adoptionEdit(
        editor.getState().document,
        round,
        derived.leading,
        responsibility,
        role,
      );
      if (edit === null) {
        editor.notify("The chart already has the round's result there.");
        return;
      }
      const applied = editor.apply(edit.operations, edit.label);
      if (!applied.ok)
        editor.notify("The round's result could not be adopted: the chart cannot be changed now.");
    },
    [editor, round, derived.leading],
  );

  const roundId = round?.id;
  const { isPending, isError, error, refetch } = query;
  const value = useMemo((): SilentRound | null => {
    if (!enabled) return null;
    return {
      chartId,
      status: isPending ? "loading" : isError ? "error" : "ready",
      error,
      retry: () => void refetch(),
      round,
      covers: (role, responsibility) => scope.roles.has(role) && scope.rows.has(responsibility),
      isFacilitator: access === "owner",
      canVote: hasAccess(access, "comment"),
      canAdopt: access === "owner" && canEdit,
      myVotes: mine.votes,
      save: mine.save,
      setMyCodes: mine.setCodes,
      flush: mine.flush,
      results: derived.index,
      leading: derived.leading,
      adoptRow: (responsibility) => adopt(responsibility),
      adoptCell: (role, responsibility) => adopt(responsibility, role),
      dismiss: () => {
        if (roundId === undefined) return;
        const kept = [...dismissed, roundId].slice(-DISMISSED_KEPT);
        setDismissed(kept.join(","));
      },
    };
  }, [
    enabled,
    chartId,
    isPending,
    isError,
    error,
    refetch,
    round,
    roundId,
    scope,
    access,
    canEdit,
    mine.votes,
    mine.save,
    mine.setCodes,
    mine.flush,
    derived,
    adopt,
    dismissed,
    setDismissed,
  ]);
  return <SilentRoundContext.Provider value={value}>{children}</SilentRoundContext.Provider>;
}
