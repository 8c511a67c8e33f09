import type { AccessLevel, Invite, LinkAccess, Member } from "@rolemap/contract";
import { Prisma } from "../generated/prisma/client.js";
import type { AccessStore, StoredLink } from "../services/access-store";
import type { Database } from "./database";

const accountFields = { id: true, email: true, name: true, admin: true } as const;
const linkFields = {
  id: true,
  chartId: true,
  access: true,
  expiresAt: true,
  revokedAt: true,
} as const;

/** Share links never grant `owner` (the contract's schema and the routes see to it). */
const toLink = (row: {
  id: string;
  chartId: string;
  access: AccessLevel;
  expiresAt: Date | null;
  revokedAt: Date | null;
}): StoredLink => ({ ...row, access: row.access as LinkAccess });

const toInvite = (row: {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
}): Invite => ({
  id: row.id,
  email: row.email,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

interface SessionRow {
  last_seen_at: Date;
  guest_name: string | null;
  account_id: string | null;
  email: string;
  name: string;
  admin: boolean;
  link_id: string | null;
  chart_id: string;
  access: string;
  expires_at: Date | null;
  revoked_at: Date | null;
}

interface TokenRow {
  id: string;
  last_used_at: Date | null;
  account_id: string;
  email: string;
  name: string;
  admin: boolean;
}

interface GrantRow {
  owner_id: string | null;
  access: AccessLevel | null;
  original_id: string | null;
  original_owner_id: string | null;
  original_access: AccessLevel | null;
}

/** Serialises first-run setup across processes (an arbitrary constant). */
const SETUP_LOCK_KEY = 72_707_370;

export function createPrismaAccessStore({ prisma }: Database): AccessStore {
  return {
    async hasAccounts() {
      return (await prisma.account.findFirst({ select: { id: true } })) !== null;
    },

    createOwner(account) {
      return prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
        if ((await tx.account.findFirst({ select: { id: true } })) !== null)
          return "already_set_up" as const;
        const created = await tx.account.create({
          data: { ...account, admin: true },
          select: accountFields,
        });
        await tx.chart.updateMany({ where: { ownerId: null }, data: { ownerId: created.id } });
        return created;
      });
    },

    async createInvitedAccount(account, inviteHash, now) {
      try {
        return await prisma.$transaction(async (tx) => {
          // Deleting the invite claims it: two sign-ups with one invite cannot both succeed.
          const claimed = await tx.invite.deleteMany({
            where: { tokenHash: inviteHash, email: account.email, expiresAt: { gt: now } },
          });
          if (claimed.count === 0) return "invalid_invite" as const;
          return tx.account.create({ data: account, select: accountFields });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return "email_taken";
        throw error;
      }
    },

    async findLogin(email) {
      const row = await prisma.account.findUnique({
        where: { email },
        select: { ...accountFields, passwordHash: true },
      });
      if (row === null) return undefined;
      const { passwordHash, ...account } = row;
      return { account, passwordHash };
    },

    async findAccountByEmail(email) {
      return (
        (await prisma.account.findUnique({ where: { email }, select: accountFields })) ?? undefined
      );
    },

    async listAccounts() {
      const rows = await prisma.account.findMany({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { ...accountFields, createdAt: true },
      });
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },

    async removeAccount(id, heirId) {
      return prisma.$transaction(async (tx) => {
        await tx.chart.updateMany({ where: { ownerId: id }, data: { ownerId: heirId } });
        // The heir owns those charts now: a membership of its own on them would be noise.
        await tx.chartMember.deleteMany({
          where: { accountId: heirId, chart: { ownerId: heirId } },
        });
        const { count } = await tx.account.deleteMany({ where: { id } });
        return count > 0;
      });
    },

    async createSession(idHash, who) {
      await prisma.session.create({
        data:
          "accountId" in who
            ? { idHash, accountId: who.accountId }
            : { idHash, linkId: who.linkId, guestName: who.guestName },
      });
    },

    async findSession(idHash) {
      // One round trip: every API request resolves its session first.
      const rows = await prisma.$queryRaw<SessionRow[]>`
        SELECT s.last_seen_at, s.guest_name,
               a.id AS account_id, a.email, a.name, a.admin,
               l.id AS link_id, l.chart_id, l.access::text AS access, l.expires_at, l.revoked_at
          FROM sessions s
          LEFT JOIN accounts a ON a.id = s.account_id
          LEFT JOIN share_links l ON l.id = s.link_id
         WHERE s.id_hash = ${idHash}`;
      const row = rows[0];
      if (row === undefined) return undefined;
      if (row.account_id !== null)
        return {
          kind: "account",
          account: { id: row.account_id, email: row.email, name: row.name, admin: row.admin },
          lastSeenAt: row.last_seen_at,
        };
      if (row.link_id !== null)
        return {
          kind: "guest",
          name: row.guest_name ?? "Guest",
          lastSeenAt: row.last_seen_at,
          link: toLink({
            id: row.link_id,
            chartId: row.chart_id,
            access: row.access as AccessLevel,
            expiresAt: row.expires_at,
            revokedAt: row.revoked_at,
          }),
        };
      return undefined;
    },

    async touchSession(idHash, at) {
      await prisma.session.updateMany({ where: { idHash }, data: { lastSeenAt: at } });
    },

    async deleteSession(idHash) {
      await prisma.session.deleteMany({ where: { idHash } });
    },

    async createToken(token) {
      const row = await prisma.apiToken.create({ data: token });
      return {
        id: row.id,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: null,
      };
    },

    async findToken(tokenHash) {
      const rows = await prisma.$queryRaw<TokenRow[]>`
        SELECT t.id, t.last_used_at, a.id AS account_id, a.email, a.name, a.admin
          FROM api_tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.token_hash = ${tokenHash}`;
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        id: row.id,
        lastUsedAt: row.last_used_at,
        account: { id: row.account_id, email: row.email, name: row.name, admin: row.admin },
      };
    },

    async touchToken(id, at) {
      await prisma.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } });
    },

    async listTokens(accountId) {
      const rows = await prisma.apiToken.findMany({
        where: { accountId },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      }));
    },

    async deleteToken(accountId, id) {
      return (await prisma.apiToken.deleteMany({ where: { id, accountId } })).count > 0;
    },

    async createInvite(invite) {
      return toInvite(await prisma.invite.create({ data: invite }));
    },

    async listInvites(now) {
      const rows = await prisma.invite.findMany({
        where: { expiresAt: { gt: now } },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      });
      return rows.map(toInvite);
    },

    async deleteInvite(id) {
      return (await prisma.invite.deleteMany({ where: { id } })).count > 0;
    },

    async chartGrant(chartId, accountId) {
      // One round trip for the gate in front of every chart request, a scenario's
      // original included (access passes through it: principal.ts).
      const account = accountId ?? null;
      const rows = await prisma.$queryRaw<GrantRow[]>`
        SELECT c.owner_id, m.access::text AS access,
               o.id AS original_id, o.owner_id AS original_owner_id,
               om.access::text AS original_access
          FROM charts c
          LEFT JOIN chart_members m ON m.chart_id = c.id AND m.account_id = ${account}::uuid
          LEFT JOIN charts o ON o.id = c.scenario_of
          LEFT JOIN chart_members om ON om.chart_id = o.id AND om.account_id = ${account}::uuid
         WHERE c.id = ${chartId}::uuid`;
      const row = rows[0];
      if (row === undefined) return undefined;
      const grant = { ownerId: row.owner_id, memberAccess: row.access ?? undefined };
      return row.original_id === null
        ? grant
        : {
            ...grant,
            original: {
              id: row.original_id,
              ownerId: row.original_owner_id,
              memberAccess: row.original_access ?? undefined,
            },
          };
    },

    async members(chartId) {
      const row = await prisma.chart.findUnique({
        where: { id: chartId },
        select: {
          owner: { select: { id: true, name: true, email: true } },
          members: {
            orderBy: [{ createdAt: "asc" }, { accountId: "asc" }],
            select: { access: true, account: { select: { id: true, name: true, email: true } } },
          },
        },
      });
      if (row === null || row.owner === null) return undefined;
      return {
        owner: row.owner,
        members: row.members.map((m) => ({ ...m.account, access: m.access })),
      };
    },

    async setMember(chartId, accountId, access) {
      try {
        const row = await prisma.chartMember.upsert({
          where: { chartId_accountId: { chartId, accountId } },
          create: { chartId, accountId, access },
          update: { access },
          select: { access: true, account: { select: { id: true, name: true, email: true } } },
        });
        const member: Member = { ...row.account, access: row.access };
        return member;
      } catch (error) {
        // P2003: the account (or the chart) is gone.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")
          return undefined;
        throw error;
      }
    },

    async removeMember(chartId, accountId) {
      return (await prisma.chartMember.deleteMany({ where: { chartId, accountId } })).count > 0;
    },

    async createLink(link) {
      return toLink(await prisma.shareLink.create({ data: link, select: linkFields }));
    },

    async listLinks(chartId) {
      const rows = await prisma.shareLink.findMany({
        where: { chartId, revokedAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: { ...linkFields, createdAt: true },
      });
      return rows.map((row) => ({ ...toLink(row), createdAt: row.createdAt }));
    },

    async findLink(tokenHash) {
      const row = await prisma.shareLink.findUnique({ where: { tokenHash }, select: linkFields });
      return row === null ? undefined : toLink(row);
    },

    async revokeLink(chartId, linkId, at) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.shareLink.updateMany({
          where: { id: linkId, chartId, revokedAt: null },
          data: { revokedAt: at },
        });
        // Its guests are signed out at once; the link row stays as a record.
        await tx.session.deleteMany({ where: { linkId } });
        return count > 0;
      });
    },
  };
}
