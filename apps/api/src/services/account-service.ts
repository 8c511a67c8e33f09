import { randomUUID } from "node:crypto";
import type {
  AdminAccount,
  CreatedInvite,
  CreatedToken,
  CreateInviteBody,
  CreateTokenBody,
  Invite,
  TokenSummary,
} from "@rolemap/contract";
import type { Principal } from "../auth/principal";
import { hashSecret, newSecret } from "../auth/secrets";
import { AppError, forbidden, invalidInput, notFound, unauthenticated } from "../errors";
import type { AccessStore } from "./access-store";
import { TOKEN_PREFIX } from "./auth-service";

export interface AccountConfig {
  /** How long an invite can be used. */
  inviteTtlMs: number;
  now?: () => Date;
}

type AccountPrincipal = Extract<Principal, { kind: "account" }>;

/** Accounts only (not guests): API tokens are an account's. */
export function requireAccount(principal: Principal | undefined): AccountPrincipal {
  if (principal === undefined) throw unauthenticated();
  if (principal.kind !== "account")
    throw forbidden("a guest cannot do this: sign in with an account");
  return principal;
}

function requireAdmin(principal: Principal | undefined): AccountPrincipal {
  const account = requireAccount(principal);
  if (!account.account.admin)
    throw forbidden("only the instance admin can manage accounts and invites");
  return account;
}

/** API tokens of an account, and the admin's accounts and invites. */
export function createAccountService(store: AccessStore, config: AccountConfig) {
  const now = config.now ?? (() => new Date());
  return {
    async createToken(
      principal: Principal | undefined,
      body: CreateTokenBody,
    ): Promise<CreatedToken> {
      const { account } = requireAccount(principal);
      const token = newSecret(TOKEN_PREFIX);
      const created = await store.createToken({
        id: randomUUID(),
        accountId: account.id,
        name: body.name,
        tokenHash: hashSecret(token),
      });
      return { id: created.id, name: created.name, token };
    },

    async listTokens(principal: Principal | undefined): Promise<TokenSummary[]> {
      return store.listTokens(requireAccount(principal).account.id);
    },

    async revokeToken(principal: Principal | undefined, id: string): Promise<void> {
      if (!(await store.deleteToken(requireAccount(principal).account.id, id)))
        throw notFound(`token ${id}`);
    },

    async listAccounts(principal: Principal | undefined): Promise<AdminAccount[]> {
      requireAdmin(principal);
      return store.listAccounts();
    },

    /** Removes an account; the charts it owned pass to the admin who removed it. */
    async removeAccount(principal: Principal | undefined, id: string): Promise<void> {
      const admin = requireAdmin(principal);
      if (id === admin.account.id)
        throw invalidInput("you cannot remove your own account", [
          { path: "id", message: "this is your own account" },
        ]);
      if (!(await store.removeAccount(id, admin.account.id))) throw notFound(`account ${id}`);
    },

    async createInvite(
      principal: Principal | undefined,
      body: CreateInviteBody,
    ): Promise<CreatedInvite> {
      requireAdmin(principal);
      if ((await store.findAccountByEmail(body.email)) !== undefined)
        throw new AppError("invalid_input", "an account with this email exists already", [
          { path: "email", message: "an account with this email exists already" },
        ]);
      const token = newSecret();
      const invite = await store.createInvite({
        id: randomUUID(),
        email: body.email,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now().getTime() + config.inviteTtlMs),
      });
      return { ...invite, url: `/invite/${token}` };
    },

    async listInvites(principal: Principal | undefined): Promise<Invite[]> {
      requireAdmin(principal);
      return store.listInvites(now());
    },

    async revokeInvite(principal: Principal | undefined, id: string): Promise<void> {
      requireAdmin(principal);
      if (!(await store.deleteInvite(id))) throw notFound(`invite ${id}`);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
