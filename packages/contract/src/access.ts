import { z } from "zod";

/**
 * Accounts, sessions, API tokens, members and share links (`../shared/spec/access.md`).
 * The API parses with these schemas; the web app and tests infer their types from them.
 */

/** Access levels, each including the ones before it. */
export const ACCESS_LEVELS = ["view", "comment", "edit", "owner"] as const;
export const AccessLevelSchema = z.enum(ACCESS_LEVELS, {
  error: `access must be one of ${ACCESS_LEVELS.join(", ")}`,
});
/** What a share link may grant: never ownership. */
export const LinkAccessSchema = z.enum(["view", "comment", "edit"], {
  error: "access must be one of view, comment, edit",
});

/** True when `level` includes `needed` (`edit` includes `comment` and `view`). */
export function accessIncludes(level: AccessLevel, needed: AccessLevel): boolean {
  return ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(needed);
}

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
export const PASSWORD_MAX_LENGTH = 256;

const EmailSchema = z
  .email({ error: "email must be an email address" })
  .max(254)
  .transform((email) => email.toLowerCase());
const PasswordSchema = z
  .string({ error: "password must be a string" })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password must be at most ${PASSWORD_MAX_LENGTH} characters`);
/** A person's display name: what others see beside their cursor and comments. */
export const DisplayNameSchema = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, "name must not be empty")
  .max(80, "name must be at most 80 characters");
/** Random 256-bit secrets travel as base64url: 43 characters (prefixed for API tokens). */
const SecretSchema = z
  .string({ error: "token must be a string" })
  .min(1, "token must not be empty")
  .max(200);
const IdSchema = z.uuid({ error: "id must be a UUID" });
const TimestampSchema = z.iso.datetime();

export const AccountSchema = z.strictObject({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  admin: z.boolean(),
});

export const AuthStateResponseSchema = z.strictObject({ setup: z.boolean() });

export const SetupBodySchema = z.strictObject({
  email: EmailSchema,
  name: DisplayNameSchema,
  password: PasswordSchema,
});
export const SignupBodySchema = SetupBodySchema.extend({ invite: SecretSchema });
export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  // Not checked for length: a wrong password gets the same answer as an unknown email.
  password: z.string({ error: "password must be a string" }).min(1).max(PASSWORD_MAX_LENGTH),
});
export const GuestBodySchema = z.strictObject({ token: SecretSchema, name: DisplayNameSchema });

export const GuestSchema = z.strictObject({
  name: z.string(),
  chart: IdSchema,
  access: LinkAccessSchema,
});
export const MeResponseSchema = z.union([
  z.strictObject({ account: AccountSchema }),
  z.strictObject({ guest: GuestSchema }),
]);
export const AccountResponseSchema = z.strictObject({ account: AccountSchema });

// API tokens
export const CreateTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1, "name must not be empty").max(100),
});
export const TokenSummarySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
});
/** The secret appears here once and never again. */
export const CreatedTokenSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  token: z.string(),
});
export const TokenListResponseSchema = z.strictObject({ tokens: z.array(TokenSummarySchema) });
export const TokenIdParamsSchema = z.strictObject({ id: IdSchema });

// Members of a chart
export const PersonSchema = z.strictObject({ id: IdSchema, name: z.string(), email: z.string() });
export const MemberSchema = PersonSchema.extend({ access: AccessLevelSchema });
export const MembersResponseSchema = z.strictObject({
  owner: PersonSchema,
  members: z.array(MemberSchema),
});
export const SetMemberBodySchema = z.strictObject({ access: AccessLevelSchema });
/** `PUT /api/charts/:id/members` adds (or changes) a member by email. */
export const AddMemberBodySchema = z.strictObject({
  email: EmailSchema,
  access: AccessLevelSchema,
});
export const MemberParamsSchema = z.strictObject({
  id: z.uuid({ error: "chart id must be a UUID" }),
  accountId: z.uuid({ error: "account id must be a UUID" }),
});

// Share links
export const CreateLinkBodySchema = z.strictObject({
  access: LinkAccessSchema,
  expiresAt: TimestampSchema.optional(),
});
export const ShareLinkSchema = z.strictObject({
  id: IdSchema,
  access: LinkAccessSchema,
  expiresAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  /** True once `expiresAt` has passed: the link opens nothing any more. */
  expired: z.boolean(),
});
/** The link's address (`/s/<token>`) appears here once and never again. */
export const CreatedLinkSchema = z.strictObject({
  id: IdSchema,
  access: LinkAccessSchema,
  expiresAt: TimestampSchema.nullable(),
  url: z.string(),
});
export const LinkListResponseSchema = z.strictObject({ links: z.array(ShareLinkSchema) });
export const LinkParamsSchema = z.strictObject({
  id: z.uuid({ error: "chart id must be a UUID" }),
  linkId: z.uuid({ error: "link id must be a UUID" }),
});

// Administration (instance owner): accounts and invites
export const AdminAccountSchema = AccountSchema.extend({ createdAt: TimestampSchema });
export const AdminAccountsResponseSchema = z.strictObject({
  accounts: z.array(AdminAccountSchema),
});
export const CreateInviteBodySchema = z.strictObject({ email: EmailSchema });
export const InviteSchema = z.strictObject({
  id: IdSchema,
  email: z.string(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
});
/** The invite's address (`/invite/<token>`) appears here once and never again. */
export const CreatedInviteSchema = InviteSchema.extend({ url: z.string() });
export const InviteListResponseSchema = z.strictObject({ invites: z.array(InviteSchema) });
export const AccountIdParamsSchema = z.strictObject({ id: IdSchema });

export type AccessLevel = z.infer<typeof AccessLevelSchema>;
export type LinkAccess = z.infer<typeof LinkAccessSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type AuthStateResponse = z.infer<typeof AuthStateResponseSchema>;
export type SetupBody = z.infer<typeof SetupBodySchema>;
export type SignupBody = z.infer<typeof SignupBodySchema>;
export type LoginBody = z.infer<typeof LoginBodySchema>;
export type GuestBody = z.infer<typeof GuestBodySchema>;
export type Guest = z.infer<typeof GuestSchema>;
export type MeResponse = z.infer<typeof MeResponseSchema>;
export type AccountResponse = z.infer<typeof AccountResponseSchema>;
export type CreateTokenBody = z.infer<typeof CreateTokenBodySchema>;
export type TokenSummary = z.infer<typeof TokenSummarySchema>;
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export type TokenListResponse = z.infer<typeof TokenListResponseSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type MembersResponse = z.infer<typeof MembersResponseSchema>;
export type SetMemberBody = z.infer<typeof SetMemberBodySchema>;
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;
export type CreateLinkBody = z.infer<typeof CreateLinkBodySchema>;
export type ShareLink = z.infer<typeof ShareLinkSchema>;
export type CreatedLink = z.infer<typeof CreatedLinkSchema>;
export type LinkListResponse = z.infer<typeof LinkListResponseSchema>;
export type AdminAccount = z.infer<typeof AdminAccountSchema>;
export type AdminAccountsResponse = z.infer<typeof AdminAccountsResponseSchema>;
export type CreateInviteBody = z.infer<typeof CreateInviteBodySchema>;
export type Invite = z.infer<typeof InviteSchema>;
export type CreatedInvite = z.infer<typeof CreatedInviteSchema>;
export type InviteListResponse = z.infer<typeof InviteListResponseSchema>;
