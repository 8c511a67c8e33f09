/** What to draw besides the cards and lines. */
export interface RenderOptions {
  /**
   * Default false. A badge on each card with the number of findings (validateChart) that
   * involve the role, and a findings appendix under the chart listing every finding.
   */
  findings?: boolean;
  /** Default true. A legend: solid and dotted lines, the vacant style (and the badge). */
  legend?: boolean;
  /** Default true. The chart's name as a heading at the top. */
  title?: boolean;
}

/** Where a role's card is in the SVG, in user units. */
export interface RenderedBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedChart {
  /** A standalone SVG document (no XML declaration) whose view box covers everything. */
  svg: string;
  /** The view box size in user units (CSS pixels): `0 0 width height`. */
  width: number;
  height: number;
  /** One per role, in document order. */
  boxes: RenderedBox[];
}
