import type { VersionSummary } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { formatVersionTime, groupVersions } from "./version-groups";

const version = (
  n: number,
  by: string,
  at: string,
  kind: VersionSummary["kind"] = "operations",
): VersionSummary => ({ version: n, kind, by: { name: by }, at, summary: `change ${n}` });

describe("groupVersions", () => {
  it("groups consecutive edits by one person within one minute, newest first", () => {
    const versions = [
      version(7, "Ana", "2026-12-08T12:03:50.000Z"),
      version(6, "Ana", "2026-12-08T12:03:10.000Z"),
      version(5, "Ana", "2026-12-08T12:03:00.000Z"),
      version(4, "Bo", "2026-12-08T12:03:00.000Z"),
      version(3, "Ana", "2026-12-08T12:02:59.000Z"),
      version(2, "Ana", "2026-12-08T12:02:58.000Z"),
      version(1, "Ana", "2026-12-08T12:00:00.000Z", "create"),
    ];
    expect(groupVersions(versions).map((g) => [g.by, g.versions.map((v) => v.version)])).toEqual([
      ["Ana", [7, 6, 5]],
      ["Bo", [4]],
      ["Ana", [3, 2]],
      ["Ana", [1]],
    ]);
  });

  it("keeps a restore, a create or an import on its own even within the minute", () => {
    const versions = [
      version(4, "Ana", "2026-12-08T12:03:30.000Z"),
      version(3, "Ana", "2026-12-08T12:03:20.000Z", "restore"),
      version(2, "Ana", "2026-12-08T12:03:10.000Z", "import"),
      version(1, "Ana", "2026-12-08T12:03:00.000Z"),
    ];
    expect(groupVersions(versions).map((g) => g.versions.length)).toEqual([1, 1, 1, 1]);
  });

  it("names a group by its newest version (stable while older pages load)", () => {
    const first = groupVersions([version(9, "Ana", "2026-12-08T12:03:30.000Z")]);
    const more = groupVersions([
      version(9, "Ana", "2026-12-08T12:03:30.000Z"),
      version(8, "Ana", "2026-12-08T12:03:20.000Z"),
    ]);
    expect(first[0]?.key).toBe(more[0]?.key);
  });

  it("returns nothing for no versions and does not mutate its input", () => {
    expect(groupVersions([])).toEqual([]);
    const versions = Object.freeze([version(1, "Ana", "2026-12-08T12:03:30.000Z")]);
    groupVersions(versions);
    expect(versions).toHaveLength(1);
  });
});

describe("formatVersionTime", () => {
  it("says the time today and the day before", () => {
    const now = new Date(2026, 11, 8, 15, 0);
    expect(formatVersionTime(new Date(2026, 11, 8, 12, 3).toISOString(), now)).toBe("12:03");
    expect(formatVersionTime(new Date(2026, 11, 3, 9, 5).toISOString(), now)).toBe("Dec 3, 09:05");
    expect(formatVersionTime(new Date(2025, 0, 2, 9, 5).toISOString(), now)).toBe(
      "Jan 2, 2025, 09:05",
    );
  });
});
