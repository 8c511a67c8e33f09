import type { MenuItem } from "../matrix/PopupMenu";
import { describeCodes } from "./round-model";
import type { SilentRound } from "./silent-round-context";

/**
 * The facilitator's "Adopt the round's result" in a revealed round cell's code menu: one
 * ordinary edit that sets the cell to what most people chose. Nothing otherwise.
 */
export function roundMenuItems(
  round: SilentRound | null,
  role: string,
  responsibility: string,
  done: () => void,
): MenuItem[] {
  if (
    round === null ||
    !round.canAdopt ||
    round.round?.status !== "revealed" ||
    round.leading === null ||
    !round.covers(role, responsibility)
  )
    return [];
  const codes = round.leading.get(responsibility)?.get(role) ?? [];
  return [
    {
      key: "adopt-round",
      label: `Adopt the round's result: ${describeCodes(codes)}`,
      hint: "what most chose",
      onSelect: () => {
        round.adoptCell(role, responsibility);
        done();
      },
      testId: "adopt-round-cell",
    },
  ];
}
