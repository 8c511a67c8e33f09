import { describe, expect, it } from "vitest";
import type { MatrixColumn } from "./matrix-model";
import {
  defaultRoleFilter,
  filterColumns,
  LARGE_CHART_ROLES,
  type RoleFilter,
} from "./role-filter";

const column = (
  id: string,
  title: string,
  holder: string | null,
  department: string | null = null,
): MatrixColumn => ({
  id,
  title,
  holder,
  department,
  isVacant: holder === null,
  index: 0,
});

const columns = [
  column("ceo", "CEO", "Dana Smith", "Executive"),
  column("cio", "Chief Information Officer", "Alex Ng", "IT"),
  column("cto", "Chief Technology Officer", null, "Engineering"),
  column("ciso", "CISO", "Sam Lee", "IT"),
];

const context = { assignedRoles: new Set(["cio"]), pinnedRoles: new Set(["ciso"]) };

describe("defaultRoleFilter", () => {
  it.each([
    [0, "all"],
    [LARGE_CHART_ROLES, "all"],
    [LARGE_CHART_ROLES + 1, "involved"],
    [1000, "involved"],
  ])("for %i roles shows %s", (count, scope) => {
    expect(defaultRoleFilter(count)).toEqual({ scope, text: "" });
  });
});

describe("filterColumns", () => {
  it.each<[RoleFilter, string[]]>([
    [{ scope: "all", text: "" }, ["ceo", "cio", "cto", "ciso"]],
    [{ scope: "involved", text: "" }, ["cio", "ciso"]],
    [{ scope: "all", text: "chief" }, ["cio", "cto"]],
    [{ scope: "all", text: "CHIEF tech" }, ["cto"]],
    [{ scope: "all", text: "vacant" }, ["cto"]],
    [{ scope: "all", text: "engineering" }, ["cto"]],
    [{ scope: "involved", text: "sam" }, ["ciso"]],
    [{ scope: "all", text: "nobody" }, []],
  ])("with %j shows %j", (filter, ids) => {
    expect(filterColumns(columns, filter, context).map((c) => c.id)).toEqual(ids);
  });

  it("returns the same array when nothing is filtered", () => {
    expect(filterColumns(columns, { scope: "all", text: " " }, context)).toBe(columns);
  });
});
