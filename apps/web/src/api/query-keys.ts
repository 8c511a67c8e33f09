/** Every TanStack Query key of the app, in one place so invalidation cannot miss one. */
export const chartKeys = {
  all: ["charts"] as const,
  lists: () => [...chartKeys.all, "list"] as const,
  list: (limit: number) => [...chartKeys.lists(), { limit }] as const,
  detail: (id: string) => [...chartKeys.all, "detail", id] as const,
  /** Who may open a chart: its members and share links (owner only). */
  members: (id: string) => [...chartKeys.all, "access", id, "members"] as const,
  links: (id: string) => [...chartKeys.all, "access", id, "links"] as const,
};

export const authKeys = {
  all: ["auth"] as const,
  /** Who this browser is: an account, a share-link guest, or null (signed out). */
  me: () => [...authKeys.all, "me"] as const,
  /** Whether the instance still waits for its first account. */
  state: () => [...authKeys.all, "state"] as const,
};

export const adminKeys = {
  all: ["admin"] as const,
  accounts: () => [...adminKeys.all, "accounts"] as const,
  invites: () => [...adminKeys.all, "invites"] as const,
};

export const templateKeys = {
  all: ["templates"] as const,
};

export const importKeys = {
  all: ["import"] as const,
  /** `fileId` tells files apart without putting their (possibly large) text in the key. */
  preview: (fileId: number, format: string, into: string | null) =>
    [...importKeys.all, "preview", { fileId, format, into }] as const,
};

/** What-if scenarios (history.md): under "charts", so what drops every chart drops these. */
export const scenarioKeys = {
  all: [...chartKeys.all, "scenarios"] as const,
  /** The scenarios made from a chart. */
  of: (chartId: string) => [...scenarioKeys.all, "of", chartId] as const,
  comparisons: () => [...scenarioKeys.all, "compare"] as const,
  /** What `b` changes relative to `a`. */
  compare: (a: string, b: string) => [...scenarioKeys.comparisons(), a, b] as const,
};

/** Comments (history.md): every thread of a chart, kept live by `comment` messages. */
export const commentKeys = {
  all: [...chartKeys.all, "comments"] as const,
  of: (chartId: string) => [...commentKeys.all, chartId] as const,
};

/** The version list and past documents (history.md). */
export const versionKeys = {
  all: [...chartKeys.all, "versions"] as const,
  list: (chartId: string) => [...versionKeys.all, chartId, "list"] as const,
  /** A past document never changes: cached for good. */
  document: (chartId: string, version: number) =>
    [...versionKeys.all, chartId, "document", version] as const,
};

/** Silent RACI rounds of a chart, kept fresh by live `round` messages. */
export const roundKeys = {
  all: [...chartKeys.all, "rounds"] as const,
  of: (chartId: string) => [...roundKeys.all, chartId] as const,
};
