import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CULLING_THRESHOLD, MOUNT_ALL_LIMIT, useViewCulling } from "./use-view-culling";

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

function render(cards: number, isOverview: boolean) {
  return renderHook(({ cards, isOverview }) => useViewCulling(cards, isOverview), {
    initialProps: { cards, isOverview },
  });
}

describe("useViewCulling", () => {
  it("never culls a small chart", async () => {
    const { result, rerender } = render(CULLING_THRESHOLD, true);
    expect(result.current).toBe(false);
    await pause();
    rerender({ cards: CULLING_THRESHOLD, isOverview: false });
    expect(result.current).toBe(false);
  });

  it("culls a large chart's first view, then mounts every card in the overview", async () => {
    const { result } = render(1_000, true);
    expect(result.current).toBe(true);
    await waitFor(() => expect(result.current).toBe(false));
  });

  it("keeps culling close up, and culls again as soon as the view zooms in", async () => {
    const { result, rerender } = render(1_000, false);
    expect(result.current).toBe(true);
    await pause();
    expect(result.current).toBe(true);

    rerender({ cards: 1_000, isOverview: true });
    await waitFor(() => expect(result.current).toBe(false));
    rerender({ cards: 1_000, isOverview: false });
    expect(result.current).toBe(true);
  });

  it("keeps culling a chart too large to mount whole", async () => {
    const { result } = render(MOUNT_ALL_LIMIT + 1, true);
    expect(result.current).toBe(true);
    await pause();
    expect(result.current).toBe(true);
  });
});
