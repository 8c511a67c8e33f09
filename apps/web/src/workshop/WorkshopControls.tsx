import type { ChartEditor } from "../editor";

/** The live workshop controls in the chart header (who is here, follow, lock): a placeholder. */
export function WorkshopControls(_props: { editor: ChartEditor }) {
  return null;
}
