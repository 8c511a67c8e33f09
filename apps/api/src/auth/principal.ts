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

/** The owner of one chart and one account's membership of it. */
interface OwnerAndMember {
  ownerId: string | null;
  /** The account's member level on this chart, if it is a member. */
  memberAccess: AccessLevel | undefined;
}

/** What the store knows of one chart for one principal. */
export interface ChartGrant extends OwnerAndMember {
  /**
   * For a what-if scenario (history.md): the chart it was copied from, with the same facts.
   * Whoever can see the original sees its scenarios (the workshop shares them).
   */
  original?: OwnerAndMember & { id: string };
}

const higher = (a: AccessLevel | undefined, b: AccessLevel | undefined) =>
  a === undefined ? b : b === undefined || accessIncludes(a, b) ? a : b;

const accountLevel = (accountId: string, chart: OwnerAndMember): AccessLevel | undefined =>
  chart.ownerId === accountId ? "owner" : chart.memberAccess;

/** An account's level on a chart (through its original too, for a scenario). */
export function accountLevelOn(accountId: string, grant: ChartGrant): AccessLevel | undefined {
  const own = accountLevel(accountId, grant);
  return grant.original === undefined ? own : higher(own, accountLevel(accountId, grant.original));
}

/**
 * A principal's level on a chart, or undefined when it may not even see it. Pure: the
 * store supplies the chart's owner and the account's membership. On a scenario it is the
 * higher of the principal's level on the scenario itself and on its original, so losing
 * the original loses its scenarios too (unless granted on the scenario itself); a guest's
 * link opens its chart and that chart's scenarios.
 */
export function accessLevelOf(
  principal: Principal,
  chartId: string,
  grant: ChartGrant,
): AccessLevel | undefined {
  if (principal.kind === "guest")
    return principal.chartId === chartId || principal.chartId === grant.original?.id
      ? principal.access
      : undefined;
  return accountLevelOn(principal.account.id, grant);
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
