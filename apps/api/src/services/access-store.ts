import type {
  AccessLevel,
  Account,
  AdminAccount,
  Invite,
  LinkAccess,
  Member,
  MembersResponse,
  ShareLink,
  TokenSummary,
} from "@rolemap/contract";
import type { ChartGrant } from "../auth/principal";

/** A stored session, with what it stands for. */
export type StoredSession =
  | { kind: "account"; account: Account; lastSeenAt: Date }
  | {
      kind: "guest";
      name: string;
      lastSeenAt: Date;
      link: StoredLink;
    };

export interface StoredLink {
  id: string;
  chartId: string;
  access: LinkAccess;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface NewAccount {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

/**
 * Persistence of accounts, sessions, tokens, invites, members and links. Secrets arrive
 * here already hashed. Implemented with Prisma (db/prisma-access-store.ts).
 */
export interface AccessStore {
  hasAccounts(): Promise<boolean>;
  /**
   * Creates the instance owner (admin) if no account exists yet, and gives it every chart
   * that has no owner (charts made before accounts existed). One transaction.
   */
  createOwner(account: NewAccount): Promise<Account | "already_set_up">;
  /** Creates an account from an unexpired invite for its email and uses the invite up. */
  createInvitedAccount(
    account: NewAccount,
    inviteHash: string,
    now: Date,
  ): Promise<Account | "invalid_invite" | "email_taken">;
  findLogin(email: string): Promise<{ account: Account; passwordHash: string } | undefined>;
  findAccountByEmail(email: string): Promise<Account | undefined>;
  listAccounts(): Promise<AdminAccount[]>;
  /** Removes an account; the charts it owned pass to `heirId`. False when unknown. */
  removeAccount(id: string, heirId: string): Promise<boolean>;

  createSession(
    idHash: string,
    who: { accountId: string } | { linkId: string; guestName: string },
  ): Promise<void>;
  findSession(idHash: string): Promise<StoredSession | undefined>;
  touchSession(idHash: string, at: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;

  createToken(token: {
    id: string;
    accountId: string;
    name: string;
    tokenHash: string;
  }): Promise<TokenSummary>;
  findToken(
    tokenHash: string,
  ): Promise<{ id: string; account: Account; lastUsedAt: Date | null } | undefined>;
  touchToken(id: string, at: Date): Promise<void>;
  listTokens(accountId: string): Promise<TokenSummary[]>;
  deleteToken(accountId: string, id: string): Promise<boolean>;

  createInvite(invite: {
    id: string;
    email: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<Invite>;
  listInvites(now: Date): Promise<Invite[]>;
  deleteInvite(id: string): Promise<boolean>;

  /** The chart's owner and the account's membership; undefined when the chart does not exist. */
  chartGrant(chartId: string, accountId: string | undefined): Promise<ChartGrant | undefined>;
  members(chartId: string): Promise<MembersResponse | undefined>;
  setMember(chartId: string, accountId: string, access: AccessLevel): Promise<Member | undefined>;
  removeMember(chartId: string, accountId: string): Promise<boolean>;

  createLink(link: {
    id: string;
    chartId: string;
    access: LinkAccess;
    tokenHash: string;
    expiresAt: Date | null;
  }): Promise<StoredLink>;
  /** Links not revoked, newest first. */
  listLinks(chartId: string): Promise<(StoredLink & { createdAt: Date })[]>;
  findLink(tokenHash: string): Promise<StoredLink | undefined>;
  revokeLink(chartId: string, linkId: string, at: Date): Promise<boolean>;
}

/** A link that still opens its chart. */
export const isLinkLive = (link: StoredLink, now: Date): boolean =>
  link.revokedAt === null && (link.expiresAt === null || link.expiresAt > now);

export const toShareLink = (link: StoredLink & { createdAt: Date }, now: Date): ShareLink => ({
  id: link.id,
  access: link.access,
  expiresAt: link.expiresAt?.toISOString() ?? null,
  createdAt: link.createdAt.toISOString(),
  expired: link.expiresAt !== null && link.expiresAt <= now,
});
