/**
 * Which items of a long list of equal-sized items are on screen: the matrix renders only
 * those (plus a margin), so a chart of 1,000 roles × 100 rows stays fast. Pure.
 */
export interface WindowRange {
  /** First index rendered. */
  start: number;
  /** One past the last index rendered. */
  end: number;
}

export function visibleRange(
  scrollOffset: number,
  viewportSize: number,
  itemSize: number,
  count: number,
  overscan = 3,
): WindowRange {
  if (count <= 0 || itemSize <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollOffset) / itemSize);
  const last = Math.ceil((Math.max(0, scrollOffset) + Math.max(0, viewportSize)) / itemSize);
  return {
    start: Math.min(count, Math.max(0, first - overscan)),
    end: Math.min(count, Math.max(0, last + overscan)),
  };
}

/**
 * The scroll offset that brings item `index` fully into view (or the current one when it
 * already is), given a fixed area of `stickySize` at the start (a sticky header or column).
 */
export function scrollToReveal(
  index: number,
  itemSize: number,
  scrollOffset: number,
  viewportSize: number,
  stickySize = 0,
): number {
  const itemStart = stickySize + index * itemSize;
  const itemEnd = itemStart + itemSize;
  if (itemStart - stickySize < scrollOffset) return itemStart - stickySize;
  if (itemEnd > scrollOffset + viewportSize) return Math.max(0, itemEnd - viewportSize);
  return scrollOffset;
}
