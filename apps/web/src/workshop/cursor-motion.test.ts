import { describe, expect, it } from "vitest";
import { CURSOR_IDLE_MS, cursorAt, isCursorShown, isGliding, retarget } from "./cursor-motion";

const track = { from: { x: 0, y: 0 }, to: { x: 100, y: 40 }, start: 1000, duration: 100 };

describe("cursorAt", () => {
  it.each([
    [900, { x: 0, y: 0 }],
    [1000, { x: 0, y: 0 }],
    [1025, { x: 25, y: 10 }],
    [1050, { x: 50, y: 20 }],
    [1100, { x: 100, y: 40 }],
    [5000, { x: 100, y: 40 }],
  ])("at %i ms draws the cursor at %j", (now, point) => {
    expect(cursorAt(track, now)).toEqual(point);
  });

  it("draws a track without a duration at its end", () => {
    expect(cursorAt({ ...track, duration: 0 }, 1000)).toEqual({ x: 100, y: 40 });
  });
});

describe("retarget", () => {
  it("puts a cursor that was not shown where it is, without gliding", () => {
    const next = retarget(null, { x: 5, y: 6 }, 2000);
    expect(cursorAt(next, 2000)).toEqual({ x: 5, y: 6 });
    expect(isGliding(next, 2000)).toBe(false);
  });

  it("glides from where the cursor is drawn now, mid-glide, to the new position", () => {
    const next = retarget(track, { x: 50, y: 100 }, 1050, 100);
    expect(next.from).toEqual({ x: 50, y: 20 });
    expect(cursorAt(next, 1100)).toEqual({ x: 50, y: 60 });
    expect(cursorAt(next, 1150)).toEqual({ x: 50, y: 100 });
    expect(isGliding(next, 1149)).toBe(true);
    expect(isGliding(next, 1150)).toBe(false);
  });

  it("keeps the track when the position did not change", () => {
    expect(retarget(track, { x: 100, y: 40 }, 1050)).toBe(track);
  });

  it("does not mutate its input", () => {
    const before = structuredClone(track);
    retarget(track, { x: 1, y: 1 }, 1050);
    expect(track).toEqual(before);
  });
});

describe("isCursorShown", () => {
  it.each([
    [{ x: 1, y: 1 }, 0, true],
    [{ x: 1, y: 1 }, CURSOR_IDLE_MS, true],
    [{ x: 1, y: 1 }, CURSOR_IDLE_MS + 1, false],
    [null, 0, false],
  ])("a cursor %j heard from %i ms ago is shown: %s", (cursor, ago, shown) => {
    expect(isCursorShown({ cursor, seenAt: 100_000 - ago }, 100_000)).toBe(shown);
  });
});
