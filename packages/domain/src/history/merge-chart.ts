import type { ChartDocument, PromoteConflict, Settings } from "@rolemap/contract";
import { SETTING_KEYS } from "../settings";
import { choose, shown, type Three } from "./merge-rows";

/** The chart's name and settings (each setting on its own). */
export function mergeChart(
  docs: Three<ChartDocument>,
  conflicts: PromoteConflict[],
): Pick<ChartDocument, "name" | "settings"> {
  const { base, scenario, current } = docs;
  const name = choose(base.name, scenario.name, current.name);
  if (name === undefined)
    conflicts.push({
      kind: "chart",
      subject: "name",
      message: `both renamed the chart: ${shown(scenario.name)} in the scenario, ${shown(current.name)} in the original`,
    });
  const whole = choose(base.settings, scenario.settings, current.settings);
  let settings = whole?.value;
  if (whole === undefined) {
    const merged: Settings = {};
    for (const key of SETTING_KEYS) {
      const picked = choose(
        base.settings?.[key],
        scenario.settings?.[key],
        current.settings?.[key],
      );
      if (picked === undefined)
        conflicts.push({
          kind: "chart",
          subject: "settings",
          field: key,
          message: `both changed the setting ${key}: ${scenario.settings?.[key] ?? "the default"} in the scenario, ${current.settings?.[key] ?? "the default"} in the original`,
        });
      else if (picked.value !== undefined) merged[key] = picked.value;
    }
    settings = merged;
  }
  return { name: name?.value ?? current.name, ...(settings === undefined ? {} : { settings }) };
}
