import { useState } from "react";
import type { ChartEditor } from "../editor";
import { StartRoundDialog } from "./StartRoundDialog";
import { useSilentRound } from "./silent-round-context";

/** The facilitator's "Silent round…" in the matrix toolbar, while no round is open. */
export function SilentRoundButton({ editor }: { editor: ChartEditor }) {
  const round = useSilentRound();
  const [isStarting, setStarting] = useState(false);
  if (round === null || !round.isFacilitator || round.status !== "ready") return null;
  if (round.round?.status === "open") return null;
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setStarting(true)}
        aria-haspopup="dialog"
        title="Everyone fills in the chosen rows privately; you reveal and compare"
        data-testid="round-start"
      >
        Silent round…
      </button>
      <StartRoundDialog editor={editor} open={isStarting} onClose={() => setStarting(false)} />
    </>
  );
}
