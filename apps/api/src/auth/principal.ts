import {
  type AccessLevel,
  type Account,
  accessIncludes,
  type LinkAccess,
  type MeResponse,
} from "@rolemap/contract";

/**
 * Who is asking: an account (by session cookie or API token) or a guest who opened a share
 * link (by a guest session cookie). Every route but the public ones needs one.
 */
export type Principal =
  | {
      kind: "account";
      account: Account;
      /** How it signed in: a browser session (cookie) or an API token (Bearer). */
      via: "session" | "token";
      /** The session's hash or the token's id: what a rate limit or a log can name. */
      credential: string;
    }
  | {
      kind: "guest";
      name: string;
      chartId: string;
      access: LinkAccess;
      linkId: string;
      credential: string;
    };

/** What the store knows of one chart for one principal. */
export interface ChartGrant {
  ownerId: string | null;
  /** The account's member level on this chart, if it is a member. */
  memberAccess: AccessLevel | undefined;
}

/**
 * A principal's level on a chart, or undefined when it may not even see it. Pure: the
 * store supplies the chart's owner and the account's membership.
 */
export function accessLevelOf(
  principal: Principal,
  chartId: string,
  grant: ChartGrant,
): AccessLevel | undefined {
  if (principal.kind === "guest")
    return principal.chartId === chartId ? principal.access : undefined;
  if (grant.ownerId === principal.account.id) return "owner";
  return grant.memberAccess;
}

/** True when the principal's level on a chart includes `needed`. */
export const mayDo = (level: AccessLevel | undefined, needed: AccessLevel): boolean =>
  level !== undefined && accessIncludes(level, needed);

export function describePrincipal(principal: Principal): MeResponse {
  return principal.kind === "account"
    ? { account: principal.account }
    : { guest: { name: principal.name, chart: principal.chartId, access: principal.access } };
}

/** A key for per-principal limits: the same person through two tabs counts once. */
export const principalKey = (principal: Principal): string =>
  principal.kind === "account"
    ? `account:${principal.account.id}`
    : `guest:${principal.credential}`;
