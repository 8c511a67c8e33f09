import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CULLING_THRESHOLD, MOUNT_ALL_LIMIT, useViewCulling } from "./use-view-culling";

describe("useViewCulling", () => {
  it("never culls a small chart", async () => {
    const { result } = renderHook(() => useViewCulling(CULLING_THRESHOLD));
    expect(result.current).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBe(false);
  });

  it("culls a large chart's first view only, then mounts every card", async () => {
    const { result } = renderHook(() => useViewCulling(CULLING_THRESHOLD + 1));
    expect(result.current).toBe(true);
    await waitFor(() => expect(result.current).toBe(false));
  });

  it("keeps culling a chart too large to mount whole", async () => {
    const { result } = renderHook(() => useViewCulling(MOUNT_ALL_LIMIT + 1));
    expect(result.current).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBe(true);
  });

  it("culls again when a chart grows past the limit, and not when it shrinks back", async () => {
    const { result, rerender } = renderHook(({ cards }) => useViewCulling(cards), {
      initialProps: { cards: 1_000 },
    });
    await waitFor(() => expect(result.current).toBe(false));
    rerender({ cards: MOUNT_ALL_LIMIT + 1 });
    expect(result.current).toBe(true);
    rerender({ cards: 1_000 });
    expect(result.current).toBe(false);
  });
});
