import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssue, formatPath, type InputIssue, toInputIssues } from "./issues";

describe("formatPath", () => {
  it.each<[PropertyKey[], string]>([
    [[], ""],
    [["name"], "name"],
    [["roles", 0], "roles[0]"],
    [["roles", 0, "id"], "roles[0].id"],
    [["assignments", 3, "role"], "assignments[3].role"],
    [["settings", "maxResponsible"], "settings.maxResponsible"],
    [["roles", 1, "position", "x"], "roles[1].position.x"],
    [["a", 0, 1], "a[0][1]"],
    [["a", 0, "b", 2, "c"], "a[0].b[2].c"],
    [[0], "[0]"],
    [[0, "id"], "[0].id"],
    [["roles", 12, "id"], "roles[12].id"],
  ])("formats %j as %j", (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe("toInputIssues", () => {
  it("turns every zod issue into a path and a message", () => {
    const schema = z.object({ list: z.array(z.object({ id: z.string().min(1, "empty id") })) });
    const result = schema.safeParse({ list: [{ id: "ok" }, { id: "" }] });
    expect(result.success).toBe(false);
    expect(result.error && toInputIssues(result.error)).toEqual([
      { path: "list[1].id", message: "empty id" },
    ]);
  });

  it("uses the empty path for a problem of the document itself", () => {
    const result = z.object({}).safeParse(null);
    expect(result.error && toInputIssues(result.error).map((issue) => issue.path)).toEqual([""]);
  });
});

describe("describeIssue", () => {
  it.each<[InputIssue, string]>([
    [
      { path: "assignments[3].role", message: 'unknown role "cxo"' },
      'assignments[3].role: unknown role "cxo"',
    ],
    [
      { path: "settings.maxResponsible", message: "maxResponsible must be at least 1" },
      "settings.maxResponsible: maxResponsible must be at least 1",
    ],
    [
      { path: "roles[0].id", message: "role id must not be empty" },
      "roles[0].id: role id must not be empty",
    ],
    [
      { path: "", message: 'Unrecognized key: "version"' },
      '(document): Unrecognized key: "version"',
    ],
  ])("describes %j as one line", (issue, line) => {
    expect(describeIssue(issue)).toBe(line);
  });
});
