import type { Page } from "@playwright/test";

/**
 * Frame times measured inside the page: the time between consecutive
 * requestAnimationFrame callbacks while a gesture runs. 16.7 ms is a frame at 60 Hz; a
 * longer gap means the main thread (scripts, style, layout, paint) missed one or more frames.
 */
/*
 * A string, not a function: tsx (esbuild) would wrap a function's inner named functions
 * in a `__name` helper that does not exist in the page.
 */
const START_RECORDING = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last;
  const tick = (time) => {
    if (last !== undefined) window.__frames.push(time - last);
    last = time;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export async function startFrameRecording(page: Page): Promise<void> {
  await page.evaluate(START_RECORDING);
}

export async function stopFrameRecording(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = window as unknown as { __frames: number[]; __recording: boolean };
    state.__recording = false;
    return state.__frames;
  });
}

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    count: sorted.length,
    min: sorted[0] ?? NaN,
    median: rank(0.5),
    p95: rank(0.95),
    max: sorted.at(-1) ?? NaN,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Presses the mouse at `from` and moves it along `path` (offsets from `from`) at about
 * 60 moves a second, like a hand would, recording frame times meanwhile.
 */
export async function recordGesture(
  page: Page,
  from: { x: number; y: number },
  path: readonly { dx: number; dy: number }[],
): Promise<number[]> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrameRecording(page);
  for (const { dx, dy } of path) {
    const started = Date.now();
    await page.mouse.move(from.x + dx, from.y + dy);
    await sleep(Math.max(0, 16 - (Date.now() - started)));
  }
  const frames = await stopFrameRecording(page);
  await page.mouse.up();
  return frames;
}

/** A back-and-forth path of `moves` steps: right and down, then back. */
export function zigzag(moves: number, reach: number): { dx: number; dy: number }[] {
  return Array.from({ length: moves }, (_, i) => {
    const phase = (i / moves) * 2 * Math.PI;
    return { dx: Math.sin(phase) * reach, dy: Math.sin(phase / 2) * reach * 0.5 };
  });
}

/** Resolves once the canvas's viewport has not moved for a few frames (an animation ended). */
export async function waitForStillViewport(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const state = window as unknown as { __lastTransform?: string; __still?: number };
      const transform =
        document.querySelector<HTMLElement>(".react-flow__viewport")?.style.transform ?? "";
      state.__still = transform === state.__lastTransform ? (state.__still ?? 0) + 1 : 0;
      state.__lastTransform = transform;
      return state.__still >= 5;
    },
    undefined,
    { polling: "raf" },
  );
}

/**
 * Resolves once the page has drawn `count` frames in a row at 60 Hz (none over 20 ms): the
 * work that follows a load or a jump (mounting, measuring, compiling) is over, so a gesture
 * measures the gesture.
 */
export async function waitForSettledFrames(page: Page, count = 20): Promise<void> {
  await page.waitForFunction(
    (needed) => {
      const state = window as unknown as { __settleLast?: number; __settled?: number };
      const now = performance.now();
      const last = state.__settleLast;
      state.__settleLast = now;
      state.__settled = last !== undefined && now - last < 20 ? (state.__settled ?? 0) + 1 : 0;
      return state.__settled >= needed;
    },
    count,
    { polling: "raf", timeout: 60_000 },
  );
}
