import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { listLabels, makeFinding } from "../findings";
import { buildDigraph, findComponents } from "../graph/digraph";
import type { ReportingGraph } from "../graph/reporting-graph";

/** The org/* rules. Dotted lines never count toward cycles, managers, roots or span. */
export function checkStructure(index: ChartIndex, graph: ReportingGraph): Finding[] {
  const labels = (ids: Iterable<string>) => listLabels(ids, index.roleLabel);
  const findings: Finding[] = [...findCycles(graph, labels)];

  for (const role of graph.roleIds) {
    const managers = graph.managers(role);
    if (managers.length >= 2)
      findings.push(
        makeFinding(
          "org/multiple-managers",
          [role, ...managers],
          [],
          `${index.roleLabel(role)} has ${managers.length} solid-line managers (${labels(managers)}); keep one and make the others dotted lines.`,
        ),
      );
    const reports = graph.reports(role).length;
    if (reports > index.settings.maxSpanOfControl)
      findings.push(
        makeFinding(
          "org/span-of-control",
          [role],
          [],
          `${index.roleLabel(role)} has ${reports} direct reports; more than ${index.settings.maxSpanOfControl} is a wide span of control.`,
        ),
      );
  }

  const roots = graph.roots();
  if (roots.length >= 2)
    findings.push(
      makeFinding(
        "org/multiple-roots",
        roots,
        [],
        `The chart has ${roots.length} roles without a solid-line manager (${labels(roots)}); a chart normally has one head.`,
      ),
    );
  return findings;
}

/** One finding per strongly connected component of the solid graph with 2+ roles. */
function findCycles(graph: ReportingGraph, labels: (ids: Iterable<string>) => string): Finding[] {
  const { roleIds } = graph;
  const from: number[] = [];
  const to: number[] = [];
  roleIds.forEach((role, i) => {
    for (const manager of graph.managers(role)) {
      from.push(i);
      to.push(graph.indexOf(manager) as number);
    }
  });
  const { componentOf, count } = findComponents(buildDigraph(roleIds.length, from, to));
  // Most components are single roles: size them first, collect members only of loops.
  const sizes = new Int32Array(count);
  for (const component of componentOf) sizes[component] = (sizes[component] ?? 0) + 1;
  const members = new Map<number, string[]>();
  roleIds.forEach((role, i) => {
    const component = componentOf[i] as number;
    if ((sizes[component] ?? 0) < 2) return;
    const list = members.get(component);
    if (list === undefined) members.set(component, [role]);
    else list.push(role);
  });
  return [...members.values()].map((component) =>
    makeFinding(
      "org/cycle",
      component,
      [],
      `Solid reporting lines go round in a circle through ${labels(component)}; someone in it must report outside it.`,
    ),
  );
}
