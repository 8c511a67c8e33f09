import type { VersionKind, VersionSummary } from "@rolemap/contract";

/**
 * The version list as the timeline shows it: consecutive edits by one person within one
 * minute are one group ("Ana · 5 changes · 12:03"), opened to see each. A create, an import,
 * a replacement, a restore or a promote always stands alone: each is a landmark. Pure.
 */
export interface VersionGroup {
  /** The newest version's number: stable while older pages load. */
  key: number;
  by: string;
  /** Newest first, as the list. */
  versions: readonly VersionSummary[];
}

const MINUTE = 60_000;
const minuteOf = (at: string) => Math.floor(Date.parse(at) / MINUTE);

const groups = (kind: VersionKind) => kind === "operations";

/** Groups a newest-first list; the order of versions is kept. */
export function groupVersions(versions: readonly VersionSummary[]): VersionGroup[] {
  const result: { key: number; by: string; versions: VersionSummary[] }[] = [];
  let last: VersionSummary | null = null;
  for (const version of versions) {
    const current = result.at(-1);
    const joins =
      current !== undefined &&
      last !== null &&
      groups(version.kind) &&
      groups(last.kind) &&
      version.by.name === last.by.name &&
      minuteOf(version.at) === minuteOf(last.at);
    if (joins) current.versions.push(version);
    else result.push({ key: version.version, by: version.by.name, versions: [version] });
    last = version;
  }
  return result;
}

export const KIND_LABELS: Record<VersionKind, string> = {
  create: "Created",
  operations: "Edited",
  replace: "Replaced",
  import: "Imported",
  restore: "Restored",
  promote: "Promoted",
};

/** "12:03" today, "3 Dec, 12:03" before: when a version was made, for a banner. */
export function formatVersionTime(at: string, now = new Date(), locale = "en"): string {
  const date = new Date(at);
  const time = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  if (date.toDateString() === now.toDateString()) return time;
  const day = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }),
  }).format(date);
  return `${day}, ${time}`;
}
