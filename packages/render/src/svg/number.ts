/**
 * A coordinate as SVG text: at most two decimals (a hundredth of a pixel is invisible at
 * any export scale) and never "-0", so equal inputs always give equal strings.
 */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? "0" : String(rounded);
}
