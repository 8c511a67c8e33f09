import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { listNames, makeFinding, sortIds } from "../findings";
import { buildDigraph, findComponents } from "../graph/digraph";
import type { ReportingGraph } from "../graph/reporting-graph";

/** The org/* rules. Dotted lines never count toward cycles, managers, roots or span. */
export function checkStructure(index: ChartIndex, graph: ReportingGraph): Finding[] {
  const labels = (ids: Iterable<string>) => listNames(sortIds(ids).map(index.roleLabel));
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
  const position = new Map(roleIds.map((id, i) => [id, i]));
  const from: number[] = [];
  const to: number[] = [];
  roleIds.forEach((role, i) => {
    for (const manager of graph.managers(role)) {
      from.push(i);
      to.push(position.get(manager) as number);
    }
  });
  const { componentOf, count } = findComponents(buildDigraph(roleIds.length, from, to));
  const members: string[][] = Array.from({ length: count }, () => []);
  roleIds.forEach((role, i) => {
    members[componentOf[i] as number]?.push(role);
  });
  return members
    .filter((component) => component.length >= 2)
    .map((component) =>
      makeFinding(
        "org/cycle",
        component,
        [],
        `Solid reporting lines go round in a circle through ${labels(component)}; someone in it must report outside it.`,
      ),
    );
}
