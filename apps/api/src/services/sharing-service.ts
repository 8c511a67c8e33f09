import { randomUUID } from "node:crypto";
import type {
  AccessLevel,
  AddMemberBody,
  CreatedLink,
  CreateLinkBody,
  Member,
  MembersResponse,
  ShareLink,
} from "@rolemap/contract";
import type { Principal } from "../auth/principal";
import { hashSecret, newSecret } from "../auth/secrets";
import { invalidInput, notFound } from "../errors";
import { type AccessStore, toShareLink } from "./access-store";
import type { ChartAccess } from "./chart-access";

/** Who is told when a chart's access changes: live connections re-check theirs. */
export interface AccessEvents {
  accessChanged(chartId: string): unknown;
}

/** A chart's members and share links: the owner's business. */
export function createSharingService(
  store: AccessStore,
  access: ChartAccess,
  events: AccessEvents,
  now: () => Date = () => new Date(),
) {
  const setMember = async (chartId: string, accountId: string, level: AccessLevel) => {
    const members = await store.members(chartId);
    if (members === undefined) throw notFound(`chart ${chartId}`);
    if (members.owner.id === accountId)
      throw invalidInput("the chart's owner cannot also be a member", [
        { path: "accountId", message: "this account owns the chart" },
      ]);
    const member = await store.setMember(chartId, accountId, level);
    if (member === undefined) throw notFound(`account ${accountId}`);
    events.accessChanged(chartId);
    return member;
  };

  return {
    async members(principal: Principal | undefined, chartId: string): Promise<MembersResponse> {
      await access.require(principal, chartId, "owner");
      const members = await store.members(chartId);
      if (members === undefined) throw notFound(`chart ${chartId}`);
      return members;
    },

    async addMember(
      principal: Principal | undefined,
      chartId: string,
      body: AddMemberBody,
    ): Promise<Member> {
      await access.require(principal, chartId, "owner");
      const account = await store.findAccountByEmail(body.email);
      if (account === undefined)
        throw invalidInput("no account has this email", [
          {
            path: "email",
            message: "no account has this email: ask the admin to invite them, or share a link",
          },
        ]);
      return setMember(chartId, account.id, body.access);
    },

    async setMember(
      principal: Principal | undefined,
      chartId: string,
      accountId: string,
      level: AccessLevel,
    ): Promise<Member> {
      await access.require(principal, chartId, "owner");
      return setMember(chartId, accountId, level);
    },

    async removeMember(
      principal: Principal | undefined,
      chartId: string,
      accountId: string,
    ): Promise<void> {
      await access.require(principal, chartId, "owner");
      if (!(await store.removeMember(chartId, accountId)))
        throw notFound(`member ${accountId} of chart ${chartId}`);
      // Revocation closes the member's live connections (live.md: within a second).
      events.accessChanged(chartId);
    },

    async createLink(
      principal: Principal | undefined,
      chartId: string,
      body: CreateLinkBody,
    ): Promise<CreatedLink> {
      await access.require(principal, chartId, "owner");
      const expiresAt = body.expiresAt === undefined ? null : new Date(body.expiresAt);
      if (expiresAt !== null && expiresAt <= now())
        throw invalidInput("the link would have expired already", [
          { path: "expiresAt", message: "expiresAt must be in the future" },
        ]);
      const token = newSecret();
      const link = await store.createLink({
        id: randomUUID(),
        chartId,
        access: body.access,
        tokenHash: hashSecret(token),
        expiresAt,
      });
      return {
        id: link.id,
        access: link.access,
        expiresAt: link.expiresAt?.toISOString() ?? null,
        url: `/s/${token}`,
      };
    },

    async listLinks(principal: Principal | undefined, chartId: string): Promise<ShareLink[]> {
      await access.require(principal, chartId, "owner");
      const at = now();
      return (await store.listLinks(chartId)).map((link) => toShareLink(link, at));
    },

    /** Revokes at once: the link opens nothing and its guests' sessions end. */
    async revokeLink(principal: Principal | undefined, chartId: string, linkId: string) {
      await access.require(principal, chartId, "owner");
      if (!(await store.revokeLink(chartId, linkId, now())))
        throw notFound(`link ${linkId} of chart ${chartId}`);
      events.accessChanged(chartId);
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
