import type { ChartDocument } from "@rolemap/contract";
import type { ChartDiff } from "../edit/diff-charts";
import { sketchChart } from "./chart-builder";

/** The edit tests' chart: four roles, both line kinds, three responsibilities, settings. */
export const EDIT_CHART: ChartDocument = sketchChart({
  roles: ["ceo", "cio", "cto", "ciso"],
  solid: ["ceo>cio", "ceo>cto", "cio>ciso"],
  dotted: ["cto>ciso"],
  responsibilities: ["infra", "product", "sec"],
  assign: ["cio:infra:A", "cto:product:A", "ciso:sec:R", "cio:sec:A"],
  settings: { maxResponsible: 3 },
});

export const NO_ROWS = { added: [], updated: [], moved: [], removed: [] };
export const NO_TUPLES = { added: [], removed: [], reordered: false };
export const EMPTY_DIFF: ChartDiff = {
  roles: NO_ROWS,
  responsibilities: NO_ROWS,
  reportingLines: NO_TUPLES,
  assignments: NO_TUPLES,
};
