/**
 * Plain data of the public contract. This module imports nothing (no zod) so the pure
 * domain engine can use it at run time; the zod schemas in this package are built from it.
 */

export const CHART_FORMAT = "rolemap.chart/v1";

export const RACI_CODES = ["R", "A", "C", "I", "S"] as const;
export const LINE_KINDS = ["solid", "dotted"] as const;
export const SEVERITIES = ["error", "warning", "info"] as const;
export const CATEGORIES = ["gap", "overlap", "structure", "load", "authority"] as const;

/** Limits from chart-format.md. */
export const LIMITS = {
  nameLength: 200,
  idLength: 100,
  titleLength: 200,
} as const;

export const DEFAULT_SETTINGS = {
  maxResponsible: 3,
  maxConsulted: 4,
  maxAccountablePerRole: 10,
  maxSpanOfControl: 8,
} as const;

/** Smallest allowed value of each setting. */
export const SETTING_MINIMUMS = {
  maxResponsible: 1,
  maxConsulted: 0,
  maxAccountablePerRole: 1,
  maxSpanOfControl: 1,
} as const satisfies Record<keyof typeof DEFAULT_SETTINGS, number>;

type Category = (typeof CATEGORIES)[number];
type Severity = (typeof SEVERITIES)[number];

/** Every rule of rules.md: id → category and severity (public contract). */
export const RULES = {
  "raci/no-accountable": { category: "gap", severity: "error" },
  "raci/multiple-accountable": { category: "overlap", severity: "error" },
  "raci/no-responsible": { category: "gap", severity: "error" },
  "raci/too-many-responsible": { category: "overlap", severity: "warning" },
  "raci/too-many-consulted": { category: "load", severity: "warning" },
  "raci/support-without-responsible": { category: "gap", severity: "error" },
  "raci/vacant-accountable": { category: "gap", severity: "warning" },
  "raci/conflicting-codes": { category: "structure", severity: "warning" },
  "role/no-ownership": { category: "gap", severity: "info" },
  "role/overloaded": { category: "load", severity: "warning" },
  "org/cycle": { category: "structure", severity: "error" },
  "org/multiple-managers": { category: "overlap", severity: "error" },
  "org/multiple-roots": { category: "structure", severity: "warning" },
  "org/span-of-control": { category: "load", severity: "warning" },
  "authority/accountable-outside-chain": { category: "authority", severity: "warning" },
  "catalogue/duplicate-responsibility": { category: "overlap", severity: "warning" },
} as const satisfies Record<string, { category: Category; severity: Severity }>;

export const RULE_IDS = Object.keys(RULES) as [keyof typeof RULES, ...(keyof typeof RULES)[]];

// ---- the live protocol (live.md) ----

/** The protocol's name (live.md). */
export const LIVE_PROTOCOL = "rolemap.live/v1";
/**
 * Offered as the WebSocket subprotocol (a token: browsers refuse one with a "/"); the
 * server accepts connections without it too.
 */
export const LIVE_SUBPROTOCOL = "rolemap.live.v1";
/** A frame larger than this is answered `invalid_message` (live.md). */
export const LIVE_MAX_MESSAGE_BYTES = 1024 * 1024;
/** A peer that sends nothing for this long is gone (`leave`). */
export const LIVE_SILENCE_MS = 30_000;

/**
 * WebSocket close codes the server uses (4000–4999 are the application's): a client that
 * sees 4401/4403/4404 should not reconnect with the same credentials.
 */
export const LIVE_CLOSE = {
  /** The server is shutting down or restarting: reconnect. */
  goingAway: 1001,
  /** Too many invalid messages in a row. */
  policy: 1008,
  /** The session or token behind the connection is gone. */
  unauthenticated: 4401,
  /** The principal lost its access to the chart (member removed, link revoked). */
  revoked: 4403,
  /** The chart was deleted. */
  deleted: 4404,
} as const;
