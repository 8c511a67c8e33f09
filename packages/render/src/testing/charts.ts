import type { ChartDocument, Role } from "@rolemap/contract";

/** A small chart for tests: roles by id (titled in upper case), lines as "manager>report". */
export function sketch(options: {
  roles: (string | Role)[];
  solid?: string[];
  dotted?: string[];
  name?: string;
}): ChartDocument {
  const line = (spec: string, kind: "solid" | "dotted") => {
    const [manager, report] = spec.split(">");
    if (manager === undefined || report === undefined) throw new Error(`bad line "${spec}"`);
    return { manager, report, kind };
  };
  return {
    format: "rolemap.chart/v1",
    name: options.name ?? "Test chart",
    roles: options.roles.map((role) =>
      typeof role === "string"
        ? { id: role, title: role.toUpperCase(), holder: `Holder of ${role}` }
        : role,
    ),
    reportingLines: [
      ...(options.solid ?? []).map((spec) => line(spec, "solid")),
      ...(options.dotted ?? []).map((spec) => line(spec, "dotted")),
    ],
    responsibilities: [],
    assignments: [],
  };
}

/** The document without any stored positions. */
export function withoutPositions(document: ChartDocument): ChartDocument {
  return {
    ...document,
    roles: document.roles.map(({ position: _position, ...role }) => role),
  };
}
