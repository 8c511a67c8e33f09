import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { CODE_STYLES, cellStyle, formatCodes } from "./code-styles";
import { buildMatrixGrid } from "./matrix-grid";

const document: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Grid",
  roles: [
    { id: "cio", title: "CIO" },
    { id: "cto", title: "CTO" },
  ],
  reportingLines: [],
  responsibilities: [
    { id: "budget", name: "Budget" },
    { id: "uptime", name: "Uptime" },
  ],
  assignments: [
    { role: "cto", responsibility: "uptime", code: "R" },
    { role: "cto", responsibility: "uptime", code: "A" },
    { role: "cio", responsibility: "uptime", code: "I" },
    { role: "cio", responsibility: "uptime", code: "S" },
    { role: "cio", responsibility: "budget", code: "A" },
  ],
};

describe("buildMatrixGrid", () => {
  const grid = buildMatrixGrid(document);

  it("has a row per responsibility and a cell per role, in document order", () => {
    expect(grid.roles.map((role) => role.id)).toEqual(["cio", "cto"]);
    expect(grid.rows.map((row) => row.responsibility.id)).toEqual(["budget", "uptime"]);
    expect(grid.rows.map((row) => row.cells.length)).toEqual([2, 2]);
  });

  it("puts codes in display order: A, R, S, C, I", () => {
    expect(grid.rows[0]?.cells).toEqual([["A"], []]);
    expect(grid.rows[1]?.cells).toEqual([
      ["S", "I"],
      ["A", "R"],
    ]);
  });

  it("styles a combined cell by its first code", () => {
    const cell = grid.rows[1]?.cells[1] ?? [];
    expect(formatCodes(cell)).toBe("A/R");
    expect(cellStyle(cell)).toBe(CODE_STYLES.A);
    expect(cellStyle([])).toBeUndefined();
  });
});
