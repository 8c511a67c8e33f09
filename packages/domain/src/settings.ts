import type { Settings } from "@rolemap/contract";
import { DEFAULT_SETTINGS } from "@rolemap/contract/constants";

export type ResolvedSettings = Required<Settings>;

/** Every setting a chart may set, in the contract's order. */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** The document's settings with the contract's defaults filled in. */
export function resolveSettings(settings: Settings | undefined): ResolvedSettings {
  return {
    maxResponsible: settings?.maxResponsible ?? DEFAULT_SETTINGS.maxResponsible,
    maxConsulted: settings?.maxConsulted ?? DEFAULT_SETTINGS.maxConsulted,
    maxAccountablePerRole:
      settings?.maxAccountablePerRole ?? DEFAULT_SETTINGS.maxAccountablePerRole,
    maxSpanOfControl: settings?.maxSpanOfControl ?? DEFAULT_SETTINGS.maxSpanOfControl,
  };
}
