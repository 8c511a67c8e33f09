import { num } from "../svg/number";
import { Bounds } from "./bounds";

export interface Point {
  x: number;
  y: number;
}

/** A cubic bezier curve: its two ends and two control points. */
export interface Cubic {
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
}

export function cubicPath({ from, c1, c2, to }: Cubic): string {
  return `M${num(from.x)} ${num(from.y)}C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(to.x)} ${num(to.y)}`;
}

const at = (a: number, b: number, c: number, d: number, t: number) => {
  const u = 1 - t;
  return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
};

/** The point of the curve at parameter t in [0, 1]. */
export function cubicAt({ from, c1, c2, to }: Cubic, t: number): Point {
  return { x: at(from.x, c1.x, c2.x, to.x, t), y: at(from.y, c1.y, c2.y, to.y, t) };
}

/** The length of the control polygon: at least the length of the curve. */
export function cubicHullLength({ from, c1, c2, to }: Cubic): number {
  return (
    Math.hypot(c1.x - from.x, c1.y - from.y) +
    Math.hypot(c2.x - c1.x, c2.y - c1.y) +
    Math.hypot(to.x - c2.x, to.y - c2.y)
  );
}

/** The exact bounding box of the curve: its ends and the extrema of each axis. */
export function cubicBounds(curve: Cubic): Bounds {
  const { from, c1, c2, to } = curve;
  const bounds = new Bounds();
  bounds.addPoint(from.x, from.y);
  bounds.addPoint(to.x, to.y);
  for (const t of [
    ...extremaOf(from.x, c1.x, c2.x, to.x),
    ...extremaOf(from.y, c1.y, c2.y, to.y),
  ]) {
    const point = cubicAt(curve, t);
    bounds.addPoint(point.x, point.y);
  }
  return bounds;
}

/** Parameters in (0, 1) where the derivative of a one-dimensional cubic is zero. */
function extremaOf(a: number, b: number, c: number, d: number): number[] {
  // B'(t)/3 = (1-t)²p + 2(1-t)t·q + t²r with p, q, r the differences of the control values.
  const p = b - a;
  const q = c - b;
  const r = d - c;
  return solveQuadratic(p - 2 * q + r, 2 * (q - p), p).filter((t) => t > 0 && t < 1);
}

function solveQuadratic(a: number, b: number, c: number): number[] {
  if (Math.abs(a) < 1e-12) return Math.abs(b) < 1e-12 ? [] : [-c / b];
  const discriminant = b * b - 4 * a * c;
  if (discriminant < 0) return [];
  const root = Math.sqrt(discriminant);
  return [(-b + root) / (2 * a), (-b - root) / (2 * a)];
}
