import {
  AccountIdParamsSchema,
  AccountResponseSchema,
  AddMemberBodySchema,
  AdminAccountsResponseSchema,
  AuthStateResponseSchema,
  ChartIdParamsSchema,
  CreatedInviteSchema,
  CreatedLinkSchema,
  CreatedTokenSchema,
  CreateInviteBodySchema,
  CreateLinkBodySchema,
  CreateTokenBodySchema,
  GuestBodySchema,
  GuestSchema,
  InviteListResponseSchema,
  LinkListResponseSchema,
  LinkParamsSchema,
  LoginBodySchema,
  MemberParamsSchema,
  MemberSchema,
  MembersResponseSchema,
  MeResponseSchema,
  SetMemberBodySchema,
  SetupBodySchema,
  SignupBodySchema,
  TokenIdParamsSchema,
  TokenListResponseSchema,
} from "@rolemap/contract";
import { z } from "zod";
import { SESSION_COOKIE } from "./http/authenticate";
import type { Builders, OperationSpec, Problem } from "./openapi";

/** The routes of access.md (`/work/shared/spec/access.md`) in the OpenAPI document. */

/** The contract's access schemas under the names the document gives them. */
export const ACCESS_SCHEMAS = {
  AuthState: AuthStateResponseSchema,
  SetupBody: SetupBodySchema,
  SignupBody: SignupBodySchema,
  LoginBody: LoginBodySchema,
  GuestBody: GuestBodySchema,
  AccountResponse: AccountResponseSchema,
  // The contract names a guest's answer only inside MeResponse; POST /api/auth/guest gives it alone.
  GuestResponse: z.strictObject({ guest: GuestSchema }),
  Me: MeResponseSchema,
  CreateTokenBody: CreateTokenBodySchema,
  CreatedToken: CreatedTokenSchema,
  TokenList: TokenListResponseSchema,
  Members: MembersResponseSchema,
  AddMemberBody: AddMemberBodySchema,
  SetMemberBody: SetMemberBodySchema,
  Member: MemberSchema,
  CreateLinkBody: CreateLinkBodySchema,
  CreatedLink: CreatedLinkSchema,
  LinkList: LinkListResponseSchema,
  AdminAccounts: AdminAccountsResponseSchema,
  CreateInviteBody: CreateInviteBodySchema,
  CreatedInvite: CreatedInviteSchema,
  InviteList: InviteListResponseSchema,
} as const;

export const SECURITY_SCHEMES = {
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "The session of a signed-in account or of a share-link guest (HttpOnly, SameSite=Lax). Writes authenticated by it must come from the app's own origin (else 403 cross_site).",
  },
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description: "An API token (POST /api/tokens); it acts as its account.",
  },
};

/** Either credential will do. */
export const SECURITY = [{ cookieAuth: [] }, { bearerAuth: [] }];
/** The only 403 of a public write: the Origin check (access.md) refused it. */
export const CROSS_SITE: Problem = [403, "cross_site: a sign-in or write from another origin"];

/** The public routes: no credential needed. */
export const PUBLIC: OperationSpec["security"] = [];

const SESSION_SET = {
  "Set-Cookie": {
    description: `${SESSION_COOKIE}: the new session (HttpOnly; SameSite=Lax; Path=/; Secure over https)`,
    schema: { type: "string" },
  },
};

/** /api/auth: first-run setup, sign-up by invite, sign-in and -out, guests, who am I. */
export function authPaths({ operation, reply }: Builders) {
  const signedIn = (status: number, description: string) => ({
    [status]: { ...reply(description, "AccountResponse"), headers: SESSION_SET },
  });
  return {
    "/api/auth/state": {
      get: operation({
        summary: "Whether the instance still waits for its first account (setup: true)",
        security: PUBLIC,
        responses: { 200: reply("the state", "AuthState") },
      }),
    },
    "/api/auth/setup": {
      post: operation({
        summary: "First run only: create the owner (instance admin) and sign in",
        security: PUBLIC,
        body: "SetupBody",
        responses: signedIn(201, "the owner, signed in"),
        problems: [
          400,
          CROSS_SITE,
          [409, "already_set_up: the instance has an account already"],
          413,
        ],
      }),
    },
    "/api/auth/signup": {
      post: operation({
        summary: "Create an account from an invite the admin made, and sign in",
        security: PUBLIC,
        body: "SignupBody",
        responses: signedIn(201, "the new account, signed in"),
        problems: [
          400,
          [403, "forbidden: no valid invite for this email; or cross_site"],
          413,
          [429, "rate_limited: too many failed attempts from this address"],
        ],
      }),
    },
    "/api/auth/login": {
      post: operation({
        summary: "Sign in with email and password",
        security: PUBLIC,
        body: "LoginBody",
        responses: signedIn(200, "signed in"),
        problems: [
          400,
          [401, "invalid_credentials: the same for an unknown email and a wrong password"],
          CROSS_SITE,
          413,
          [429, "rate_limited: too many failed sign-ins from this address"],
        ],
      }),
    },
    "/api/auth/guest": {
      post: operation({
        summary: "Enter through a share link (what /s/<token> does) under a display name",
        security: PUBLIC,
        body: "GuestBody",
        responses: {
          200: {
            ...reply("a guest session with the link's access to its chart", "GuestResponse"),
            headers: SESSION_SET,
          },
        },
        problems: [400, CROSS_SITE, [404, "not_found: an unknown, expired or revoked link"], 413],
      }),
    },
    "/api/auth/logout": {
      post: operation({
        summary: "Sign out: the cookie's session is deleted server-side",
        security: [{ cookieAuth: [] }],
        responses: { 204: { description: "signed out (also when there was no session)" } },
        problems: [CROSS_SITE],
      }),
    },
    "/api/auth/me": {
      get: operation({
        summary: "Who is asking: an account or a share-link guest",
        responses: { 200: reply("the principal", "Me") },
        problems: [401],
      }),
    },
  };
}

/** An account's API tokens, a chart's members and links (its owner's), the admin's lists. */
export function accountPaths({ operation, reply, parameters }: Builders) {
  const deleted = { 204: { description: "deleted" } };
  const accountsOnly: Problem[] = [401, [403, "forbidden: a guest (accounts only)"]];
  const adminOnly: Problem[] = [401, [403, "forbidden: not the instance admin"]];
  const ownerOnly: Problem[] = [400, 401, [403, "forbidden: not the chart's owner"], 404];
  return {
    "/api/tokens": {
      get: operation({
        summary: "The account's API tokens, without their secrets",
        responses: { 200: reply("the tokens", "TokenList") },
        problems: accountsOnly,
      }),
      post: operation({
        summary: "Create an API token: its secret is in this answer only",
        body: "CreateTokenBody",
        responses: { 201: reply("the token with its secret", "CreatedToken") },
        problems: [400, ...accountsOnly, 413],
      }),
    },
    "/api/tokens/{id}": {
      parameters: parameters(TokenIdParamsSchema, "path"),
      delete: operation({
        summary: "Revoke one of the account's API tokens",
        responses: deleted,
        problems: [400, ...accountsOnly, 404],
      }),
    },
    "/api/charts/{id}/members": {
      parameters: parameters(ChartIdParamsSchema, "path"),
      get: operation({
        summary: "The chart's owner and members (owner)",
        responses: { 200: reply("owner and members", "Members") },
        problems: ownerOnly,
      }),
      put: operation({
        summary: "Add an account as a member by email, or change its access (owner)",
        body: "AddMemberBody",
        responses: { 200: reply("the member", "Member") },
        problems: [...ownerOnly, 413],
      }),
    },
    "/api/charts/{id}/members/{accountId}": {
      parameters: parameters(MemberParamsSchema, "path"),
      put: operation({
        summary: "Set a member's access (owner)",
        body: "SetMemberBody",
        responses: { 200: reply("the member", "Member") },
        problems: [...ownerOnly, 413],
      }),
      delete: operation({
        summary: "Remove a member (owner)",
        responses: deleted,
        problems: ownerOnly,
      }),
    },
    "/api/charts/{id}/links": {
      parameters: parameters(ChartIdParamsSchema, "path"),
      get: operation({
        summary: "The chart's share links, without their tokens (owner)",
        responses: { 200: reply("the links", "LinkList") },
        problems: ownerOnly,
      }),
      post: operation({
        summary: "Create a share link: its url (/s/<token>) is in this answer only (owner)",
        body: "CreateLinkBody",
        responses: { 201: reply("the link with its url", "CreatedLink") },
        problems: [...ownerOnly, 413],
      }),
    },
    "/api/charts/{id}/links/{linkId}": {
      parameters: parameters(LinkParamsSchema, "path"),
      delete: operation({
        summary: "Revoke a share link at once, its guests' sessions and live connections too",
        responses: deleted,
        problems: ownerOnly,
      }),
    },
    "/api/admin/accounts": {
      get: operation({
        summary: "Every account of the instance (admin)",
        responses: { 200: reply("the accounts", "AdminAccounts") },
        problems: adminOnly,
      }),
    },
    "/api/admin/accounts/{id}": {
      parameters: parameters(AccountIdParamsSchema, "path"),
      delete: operation({
        summary: "Remove an account; the charts it owned pass to the admin (admin)",
        responses: deleted,
        problems: [[400, "invalid_input: also for the admin's own account"], ...adminOnly, 404],
      }),
    },
    "/api/admin/invites": {
      get: operation({
        summary: "The open invites (admin)",
        responses: { 200: reply("the invites", "InviteList") },
        problems: adminOnly,
      }),
      post: operation({
        summary: "Invite an email: the invite's url (/invite/<token>) is in this answer only",
        body: "CreateInviteBody",
        responses: { 201: reply("the invite with its url", "CreatedInvite") },
        problems: [[400, "invalid_input: also when the email has an account"], ...adminOnly, 413],
      }),
    },
    "/api/admin/invites/{id}": {
      parameters: parameters(AccountIdParamsSchema, "path"),
      delete: operation({
        summary: "Revoke an invite (admin)",
        responses: deleted,
        problems: [400, ...adminOnly, 404],
      }),
    },
  };
}
