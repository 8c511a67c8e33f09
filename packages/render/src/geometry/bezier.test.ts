import { describe, expect, it } from "vitest";
import { type Cubic, cubicAt, cubicBounds, cubicPath } from "./bezier";

const curve = (points: number[]): Cubic => {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = points;
  return { from: { x: a, y: b }, c1: { x: c, y: d }, c2: { x: e, y: f }, to: { x: g, y: h } };
};

describe("cubic beziers", () => {
  it("write as one M and one C command", () => {
    expect(cubicPath(curve([0, 0.004, 1, 2, 3, 4, 5.555, -6]))).toBe("M0 0C1 2 3 4 5.56 -6");
  });

  it("pass through their ends", () => {
    const c = curve([1, 2, 30, 40, 50, 60, 7, 8]);
    expect(cubicAt(c, 0)).toEqual({ x: 1, y: 2 });
    expect(cubicAt(c, 1)).toEqual({ x: 7, y: 8 });
  });

  it.each([
    ["a dip below both ends", [0, 0, 0, 100, 100, 100, 100, 0]],
    ["an S bend", [0, 0, 300, 0, -200, 100, 100, 100]],
    ["a loop back", [0, 0, 200, 200, -200, 200, 0, 0]],
    ["a straight line", [0, 0, 10, 10, 20, 20, 30, 30]],
  ])("have exact bounds: %s", (_, points) => {
    const c = curve(points);
    const bounds = cubicBounds(c);
    const samples = Array.from({ length: 1001 }, (_, k) => cubicAt(c, k / 1000));
    const xs = samples.map((p) => p.x);
    const ys = samples.map((p) => p.y);
    expect(bounds.left).toBeCloseTo(Math.min(...xs), 2);
    expect(bounds.right).toBeCloseTo(Math.max(...xs), 2);
    expect(bounds.top).toBeCloseTo(Math.min(...ys), 2);
    expect(bounds.bottom).toBeCloseTo(Math.max(...ys), 2);
  });
});
