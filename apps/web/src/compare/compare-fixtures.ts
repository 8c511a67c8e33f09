import type { ChartDocument, Comparison } from "@rolemap/contract";
import { CHART_FORMAT } from "@rolemap/contract/constants";
import { compareCharts } from "@rolemap/domain";

/**
 * A primary and a scenario of it for the compare view's tests: the scenario moves the CISO
 * from the CTO to the CIO, renames the CIO, removes the DPO, adds a Head of AI, makes the
 * CISO accountable for Cybersecurity instead of the CTO, and adds a row.
 */
export const PRIMARY: ChartDocument = {
  format: CHART_FORMAT,
  name: "Acme",
  roles: [
    { id: "ceo", title: "CEO", holder: "Ada" },
    { id: "cio", title: "CIO", holder: "Ben" },
    { id: "cto", title: "CTO", holder: "Cy" },
    { id: "ciso", title: "CISO", holder: "Dee" },
    { id: "dpo", title: "Data Protection Officer", holder: null },
  ],
  reportingLines: [
    { manager: "ceo", report: "cio", kind: "solid" },
    { manager: "ceo", report: "cto", kind: "solid" },
    { manager: "cto", report: "ciso", kind: "solid" },
    { manager: "cio", report: "dpo", kind: "solid" },
    { manager: "cio", report: "ciso", kind: "dotted" },
  ],
  responsibilities: [
    { id: "cyber", name: "Cybersecurity" },
    { id: "data", name: "Data governance" },
  ],
  assignments: [
    { role: "cto", responsibility: "cyber", code: "A" },
    { role: "ciso", responsibility: "cyber", code: "R" },
    { role: "dpo", responsibility: "data", code: "A" },
  ],
};

export const SCENARIO: ChartDocument = {
  format: CHART_FORMAT,
  name: "CISO under CIO",
  roles: [
    { id: "ceo", title: "CEO", holder: "Ada" },
    { id: "cio", title: "Chief Information Officer", holder: "Ben" },
    { id: "cto", title: "CTO", holder: "Cy" },
    { id: "ciso", title: "CISO", holder: "Dee" },
    { id: "ai", title: "Head of AI", holder: null },
  ],
  reportingLines: [
    { manager: "ceo", report: "cio", kind: "solid" },
    { manager: "ceo", report: "cto", kind: "solid" },
    { manager: "cio", report: "ciso", kind: "solid" },
    { manager: "cto", report: "ai", kind: "solid" },
  ],
  responsibilities: [
    { id: "cyber", name: "Cybersecurity" },
    { id: "data", name: "Data governance" },
    { id: "ai-policy", name: "AI policy" },
  ],
  assignments: [
    { role: "ciso", responsibility: "cyber", code: "A" },
    { role: "ciso", responsibility: "cyber", code: "R" },
    { role: "ai", responsibility: "ai-policy", code: "A" },
  ],
};

/**
 * What the API answers for `compare(PRIMARY, SCENARIO)`: the engine's own diff (the server
 * calls the same `compareCharts`), findings and all.
 */
export const DIFF: Comparison = compareCharts(PRIMARY, SCENARIO);

/** A comparison of a chart with an identical copy. */
export const NO_DIFF: Comparison = {
  roles: { added: [], removed: [], changed: [], moved: [] },
  lines: { added: [], removed: [], changed: [] },
  responsibilities: { added: [], removed: [], changed: [] },
  cells: { added: [], removed: [] },
  findings: { fixed: [], new: [] },
  chart: { fields: {} },
};
