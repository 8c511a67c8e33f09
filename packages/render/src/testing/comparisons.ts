import type { ChartDocument, Comparison, Finding } from "@rolemap/contract";
import { sketch } from "./charts";

/**
 * A primary chart, a scenario of it and their comparison as `compareCharts` gives it, built
 * by hand: the CISO moves from the CTO to the CIO, the enterprise architect goes, a CDO
 * arrives, the CTO's title changes, a dotted line becomes solid and a matrix cell moves.
 */
export function scenarioPair(name = "CISO under CIO"): {
  a: ChartDocument;
  b: ChartDocument;
  comparison: Comparison;
} {
  const a = sketch({
    name: "Primary",
    roles: ["ceo", "cto", "cio", "ciso", "ea", "ops"],
    solid: ["ceo>cto", "ceo>cio", "cto>ciso", "cio>ea", "cio>ops"],
    dotted: ["cto>ops"],
  });
  a.responsibilities = [
    { id: "sec", name: "Cybersecurity" },
    { id: "data", name: "Data governance" },
  ];
  a.assignments = [
    { role: "cto", responsibility: "sec", code: "A" },
    { role: "ciso", responsibility: "sec", code: "R" },
    { role: "cio", responsibility: "data", code: "A" },
  ];
  const b = sketch({
    name,
    roles: [
      "ceo",
      { id: "cto", title: "Chief Technology Officer", holder: "Holder of cto" },
      "cio",
      "ciso",
      { id: "cdo", title: "CDO", holder: null },
      "ops",
    ],
    solid: ["ceo>cto", "ceo>cio", "cio>ciso", "cio>cdo", "cio>ops", "cto>ops"],
  });
  b.responsibilities = a.responsibilities;
  b.assignments = [
    { role: "ciso", responsibility: "sec", code: "A" },
    { role: "ciso", responsibility: "sec", code: "R" },
    { role: "cio", responsibility: "data", code: "A" },
  ];
  const comparison: Comparison = {
    roles: {
      added: [{ id: "cdo", title: "CDO" }],
      removed: [{ id: "ea", title: "EA" }],
      changed: [
        {
          id: "cto",
          title: "Chief Technology Officer",
          fields: { title: ["CTO", "Chief Technology Officer"] },
        },
      ],
      moved: [{ id: "ciso", title: "CISO", from: "cto", to: "cio" }],
    },
    lines: {
      added: [
        { manager: "cio", report: "ciso", kind: "solid" },
        { manager: "cio", report: "cdo", kind: "solid" },
      ],
      removed: [
        { manager: "cto", report: "ciso", kind: "solid" },
        { manager: "cio", report: "ea", kind: "solid" },
      ],
      changed: [{ manager: "cto", report: "ops", from: "dotted", to: "solid" }],
    },
    responsibilities: { added: [], removed: [], changed: [] },
    cells: {
      added: [{ role: "ciso", responsibility: "sec", code: "A" }],
      removed: [{ role: "cto", responsibility: "sec", code: "A" }],
    },
    findings: {
      fixed: [finding("role/no-ownership", ["ea"], "EA is neither responsible nor accountable.")],
      new: [finding("raci/no-accountable", [], "Data governance has no accountable role.")],
    },
    chart: { fields: { name: ["Primary", name] } },
  };
  return { a, b, comparison };
}

function finding(
  rule: "role/no-ownership" | "raci/no-accountable",
  roles: string[],
  message: string,
): Finding {
  return rule === "role/no-ownership"
    ? { rule, category: "gap", severity: "info", roles, responsibilities: [], message }
    : { rule, category: "gap", severity: "error", roles, responsibilities: ["data"], message };
}

/** A comparison of two equal charts. */
export function noChanges(): Comparison {
  return {
    roles: { added: [], removed: [], changed: [], moved: [] },
    lines: { added: [], removed: [], changed: [] },
    responsibilities: { added: [], removed: [], changed: [] },
    cells: { added: [], removed: [] },
    findings: { fixed: [], new: [] },
    chart: { fields: {} },
  };
}
