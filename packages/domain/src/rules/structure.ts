import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { listLabels, makeFinding } from "../findings";
import { findComponents } from "../graph/digraph";
import type { ReportingGraph } from "../graph/reporting-graph";

/** The org/* rules. Dotted lines never count toward cycles, managers, roots or span. */
export function checkStructure(index: ChartIndex, graph: ReportingGraph): Finding[] {
  const { roleIds } = index;
  const labels = (ids: Iterable<string>) => listLabels(ids, index.roleLabel);
  const findings: Finding[] = [...findCycles(graph, labels)];
  const { up, down } = graph.solid;
  const { maxSpanOfControl } = index.settings;

  for (let role = 0; role < roleIds.length; role++) {
    const managerCount = (up.offsets[role + 1] as number) - (up.offsets[role] as number);
    if (managerCount >= 2) {
      const managers = graph.managers(roleIds[role] as string);
      findings.push(
        makeFinding(
          "org/multiple-managers",
          [roleIds[role] as string, ...managers],
          [],
          `${index.label(role)} has ${managers.length} solid-line managers (${labels(managers)}); keep one and make the others dotted lines.`,
        ),
      );
    }
    const reports = (down.offsets[role + 1] as number) - (down.offsets[role] as number);
    if (reports > maxSpanOfControl)
      findings.push(
        makeFinding(
          "org/span-of-control",
          [roleIds[role] as string],
          [],
          `${index.label(role)} has ${reports} direct reports; more than ${maxSpanOfControl} is a wide span of control.`,
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
  const { componentOf, count } = findComponents(graph.solid.up);
  // Most components are single roles: size them first, collect members only of loops.
  const sizes = new Int32Array(count);
  for (let i = 0; i < componentOf.length; i++) {
    const component = componentOf[i] as number;
    sizes[component] = (sizes[component] ?? 0) + 1;
  }
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
