import { useState } from "react";
import { describeError } from "../api/client";
import type { ChartEditor } from "../editor";
import { LockIcon } from "./LockIcon";
import { RemoveRoundDialog } from "./RemoveRoundDialog";
import { RoundResults } from "./RoundResults";
import styles from "./Rounds.module.css";
import { type SilentRound, useSilentRound } from "./silent-round-context";
import { useRoundActions } from "./use-round-queries";

const people = (count: number) => `${count} ${count === 1 ? "person has" : "people have"}`;
const rows = (count: number) => `${count} ${count === 1 ? "row" : "rows"}`;

/**
 * Above the matrix while a round is shown: the open round's banner (what is private, how
 * many have filled in, my codes' saving; the facilitator's Reveal and Cancel), or the
 * revealed round's results. Nothing outside a round.
 */
export function SilentRoundBar({ editor }: { editor: ChartEditor }) {
  const round = useSilentRound();
  if (round === null) return null;
  if (round.status === "error")
    return (
      <div className={styles.banner} role="alert" data-testid="round-error">
        <p className={styles.bannerText}>
          The silent rounds could not be loaded: {describeError(round.error)}
        </p>
        <button type="button" className="button button-small" onClick={round.retry}>
          Try again
        </button>
      </div>
    );
  if (round.round === null) return null;
  return round.round.status === "open" ? (
    <OpenRoundBanner round={round} />
  ) : (
    <RoundResults round={round} editor={editor} />
  );
}

function OpenRoundBanner({ round }: { round: SilentRound }) {
  const current = round.round;
  const actions = useRoundActions(round.chartId);
  const [isRemoving, setRemoving] = useState(false);
  if (current === null) return null;
  const reveal = async () => {
    // My own last codes go in first.
    await round.flush();
    actions.reveal.mutate(current.id);
  };
  const pending = actions.reveal.isPending;
  const failed = actions.reveal.error;
  return (
    <section className={styles.banner} aria-label="Silent round" data-testid="round-banner">
      <p className={styles.bannerText}>
        <LockIcon className={styles.bannerIcon} />
        Silent round on {rows(current.responsibilities.length)} —{" "}
        {round.canVote
          ? "your codes are private until the reveal"
          : "people who can comment fill it in; codes stay private until the reveal"}
        {" · "}
        <span data-testid="round-participants" aria-live="polite">
          {people(current.participants)} filled in
        </span>
        {round.canVote && <SaveState round={round} />}
      </p>
      {failed !== null && (
        <p className={styles.error} role="alert">
          {describeError(failed)}
        </p>
      )}
      {round.isFacilitator && (
        <div className={styles.bannerActions}>
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => void reveal()}
            disabled={pending}
            data-testid="round-reveal"
          >
            {actions.reveal.isPending ? "Revealing…" : "Reveal"}
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => setRemoving(true)}
            disabled={pending}
            data-testid="round-cancel"
          >
            Cancel round…
          </button>
        </div>
      )}
      {round.isFacilitator && (
        <RemoveRoundDialog round={current} open={isRemoving} onClose={() => setRemoving(false)} />
      )}
    </section>
  );
}

/** "Saved", "Saving…" or why my codes could not be saved, with a retry. */
function SaveState({ round }: { round: SilentRound }) {
  const { status, error } = round.save;
  if (status === "idle") return null;
  if (status === "failed")
    return (
      <span className={`${styles.saveState} ${styles.saveFailed}`} role="alert">
        {" · "}Your codes are not saved: {describeError(error)}{" "}
        <button type="button" className="button button-small" onClick={() => void round.flush()}>
          Try again
        </button>
      </span>
    );
  return (
    <span className={styles.saveState} data-testid="round-save-state">
      {" · "}
      {status === "saved" ? "Your codes are saved" : "Saving your codes…"}
    </span>
  );
}
