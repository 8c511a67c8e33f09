/** An axis-aligned rectangle that grows to cover what is added to it. */
export class Bounds {
  left = Number.POSITIVE_INFINITY;
  top = Number.POSITIVE_INFINITY;
  right = Number.NEGATIVE_INFINITY;
  bottom = Number.NEGATIVE_INFINITY;

  get isEmpty(): boolean {
    return this.left > this.right;
  }

  get width(): number {
    return this.isEmpty ? 0 : this.right - this.left;
  }

  get height(): number {
    return this.isEmpty ? 0 : this.bottom - this.top;
  }

  addPoint(x: number, y: number, pad = 0): void {
    this.left = Math.min(this.left, x - pad);
    this.top = Math.min(this.top, y - pad);
    this.right = Math.max(this.right, x + pad);
    this.bottom = Math.max(this.bottom, y + pad);
  }

  addRect(x: number, y: number, width: number, height: number): void {
    this.addPoint(x, y);
    this.addPoint(x + width, y + height);
  }

  addBounds(other: Bounds): void {
    if (other.isEmpty) return;
    this.addPoint(other.left, other.top);
    this.addPoint(other.right, other.bottom);
  }
}
