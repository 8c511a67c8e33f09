import type { Assignment, ChartDocument, RaciCode, ReportingLine, Role } from "@rolemap/contract";
import { getTemplate } from "@rolemap/domain";

/** A built-in template's document: a realistic small chart with a matrix. */
export function templateChart(id = "classic-split"): ChartDocument {
  const template = getTemplate(id);
  if (template === undefined) throw new Error(`no template "${id}"`);
  return template.document;
}

/**
 * A small chart whose texts try to break exports: a role title that is a spreadsheet
 * formula, non-ASCII names, a vacant role, a dotted line and combined codes.
 */
export function trickyChart(): ChartDocument {
  return {
    format: "rolemap.chart/v1",
    name: "Équipe numérique: IT & Data",
    roles: [
      { id: "cio", title: "Chief Information Officer", holder: "Zoë Ångström" },
      { id: "evil", title: '=HYPERLINK("http://example.test","click")', holder: "Mallory" },
      { id: "ops", title: "Head of Operations", holder: null, department: "Operations" },
    ],
    reportingLines: [
      { manager: "cio", report: "evil", kind: "solid" },
      { manager: "cio", report: "ops", kind: "solid" },
      { manager: "evil", report: "ops", kind: "dotted" },
    ],
    responsibilities: [
      { id: "budget", name: "IT budget", category: "Finance" },
      { id: "uptime", name: "+Service uptime", category: "@Operations" },
    ],
    assignments: [
      { role: "cio", responsibility: "budget", code: "A" },
      { role: "cio", responsibility: "budget", code: "R" },
      { role: "evil", responsibility: "budget", code: "C" },
      { role: "ops", responsibility: "uptime", code: "R" },
      { role: "cio", responsibility: "uptime", code: "A" },
      { role: "evil", responsibility: "uptime", code: "I" },
    ],
  };
}

/**
 * A deterministic chart of `roles` roles: a tree with spans of 2–6 built breadth first
 * (every 50th role vacant, every 20th with a dotted line to the root's first report),
 * `responsibilities` rows, each with an A, an R and a few C/I. Big enough to make PDFs
 * tile and decks split; the same arguments give the same document.
 */
export function generatedChart(roles: number, responsibilities = 40): ChartDocument {
  let seed = 7;
  const next = (max: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % max;
  };
  const list: Role[] = [];
  const lines: ReportingLine[] = [];
  for (let i = 0, manager = 0; i < roles; i++) {
    list.push({
      id: `r${i}`,
      title: i === 0 ? "Chief Executive" : `Role ${i} of area ${i % 7}`,
      holder: i % 50 === 49 ? null : `Person ${i}`,
      department: `Area ${i % 7}`,
    });
    if (i === 0) continue;
    if (i > 1 && next(6) < 2 && manager < i - 1) manager++;
    lines.push({ manager: `r${manager}`, report: `r${i}`, kind: "solid" });
    if (i % 20 === 0 && i > 2) lines.push({ manager: "r1", report: `r${i}`, kind: "dotted" });
  }
  const assignments: Assignment[] = [];
  const codes: RaciCode[] = ["C", "I"];
  for (let j = 0; j < responsibilities; j++) {
    const used = new Set<string>();
    const add = (role: number, code: RaciCode) => {
      if (roles === 0 || used.has(`${role}${code}`)) return;
      used.add(`${role}${code}`);
      assignments.push({ role: `r${role}`, responsibility: `p${j}`, code });
    };
    add(next(roles), "A");
    add(next(roles), "R");
    for (let k = next(4); k > 0; k--) add(next(roles), codes[next(2)] ?? "I");
  }
  return {
    format: "rolemap.chart/v1",
    name: `Generated chart of ${roles} roles`,
    roles: list,
    reportingLines: lines,
    responsibilities: Array.from({ length: responsibilities }, (_, j) => ({
      id: `p${j}`,
      name: `Responsibility ${j} with a name long enough to wrap in a narrow column`,
      category: `Category ${j % 5}`,
    })),
    assignments,
  };
}
