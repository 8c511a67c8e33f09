import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const now = new Date("2026-11-23T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("formatRelativeTime", () => {
  it.each([
    [0, "just now"],
    [30, "just now"],
    [50, "1 minute ago"],
    [5 * 60, "5 minutes ago"],
    [59 * 60, "1 hour ago"],
    [3 * 3600, "3 hours ago"],
    [26 * 3600, "yesterday"],
    [3 * 86400, "3 days ago"],
    [14 * 86400, "2 weeks ago"],
    [60 * 86400, "2 months ago"],
    [400 * 86400, "last year"],
  ])("describes %i seconds ago as %s", (seconds, text) => {
    expect(formatRelativeTime(ago(seconds), now)).toBe(text);
  });

  it("describes a time slightly in the future (clock skew) as just now", () => {
    expect(formatRelativeTime(ago(-10), now)).toBe("just now");
  });
});
