import type { ChartDocument, RaciCode, Settings } from "@rolemap/contract";

/**
 * Terse chart documents for tests. Roles are named by id and titled in upper case
 * ("cio" → "CIO"); lines are "manager>report"; assignments are "role:responsibility:CODE".
 */
export interface ChartSketch {
  roles?: string[];
  vacant?: string[];
  solid?: string[];
  dotted?: string[];
  responsibilities?: string[];
  names?: Record<string, string>;
  assign?: string[];
  settings?: Settings;
}

const line = (spec: string, kind: "solid" | "dotted") => {
  const [manager, report] = spec.split(">");
  if (manager === undefined || report === undefined) throw new Error(`bad line "${spec}"`);
  return { manager, report, kind };
};

export function sketchChart(sketch: ChartSketch): ChartDocument {
  const vacant = new Set(sketch.vacant ?? []);
  return {
    format: "rolemap.chart/v1",
    name: "Test chart",
    roles: (sketch.roles ?? []).map((id) => ({
      id,
      title: id.toUpperCase(),
      holder: vacant.has(id) ? null : `Holder of ${id}`,
    })),
    reportingLines: [
      ...(sketch.solid ?? []).map((spec) => line(spec, "solid")),
      ...(sketch.dotted ?? []).map((spec) => line(spec, "dotted")),
    ],
    responsibilities: (sketch.responsibilities ?? []).map((id) => ({
      id,
      name: sketch.names?.[id] ?? `Area ${id}`,
    })),
    assignments: (sketch.assign ?? []).map((spec) => {
      const [role, responsibility, code] = spec.split(":");
      if (role === undefined || responsibility === undefined || code === undefined)
        throw new Error(`bad assignment "${spec}"`);
      return { role, responsibility, code: code as RaciCode };
    }),
    ...(sketch.settings ? { settings: sketch.settings } : {}),
  };
}
