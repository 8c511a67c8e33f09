import type {
  AccessLevel,
  AccountResponse,
  AdminAccountsResponse,
  AuthStateResponse,
  CreatedInvite,
  CreatedLink,
  CreatedToken,
  CreateInviteBody,
  CreateLinkBody,
  CreateTokenBody,
  Guest,
  GuestBody,
  InviteListResponse,
  LinkListResponse,
  LoginBody,
  Member,
  MembersResponse,
  MeResponse,
  SetupBody,
  SignupBody,
  TokenListResponse,
} from "@rolemap/contract";

/** The client's one way to call the API: JSON in, JSON (or nothing, for 204) out. */
export type JsonRequest = <T>(
  method: string,
  path: string,
  options?: { body?: unknown; signal?: AbortSignal | undefined },
) => Promise<T>;

/** Accounts, sessions, API tokens, members, share links and invites (spec/access.md). */
export interface AccessApi {
  getAuthState(signal?: AbortSignal): Promise<AuthStateResponse>;
  /** The signed-in account or share-link guest; ApiError 401 when neither. */
  getMe(signal?: AbortSignal): Promise<MeResponse>;
  setUp(body: SetupBody): Promise<AccountResponse>;
  signUp(body: SignupBody): Promise<AccountResponse>;
  logIn(body: LoginBody): Promise<AccountResponse>;
  logOut(): Promise<void>;
  /** Opens a share link: a guest session for its chart (replacing any account session). */
  joinAsGuest(body: GuestBody): Promise<{ guest: Guest }>;

  listTokens(signal?: AbortSignal): Promise<TokenListResponse>;
  createToken(body: CreateTokenBody): Promise<CreatedToken>;
  deleteToken(id: string): Promise<void>;

  listMembers(chartId: string, signal?: AbortSignal): Promise<MembersResponse>;
  /** Adds (or changes) a member by email; 400 with path `email` when no account has it. */
  addMember(chartId: string, email: string, access: AccessLevel): Promise<Member>;
  setMemberAccess(chartId: string, accountId: string, access: AccessLevel): Promise<Member>;
  removeMember(chartId: string, accountId: string): Promise<void>;

  listLinks(chartId: string, signal?: AbortSignal): Promise<LinkListResponse>;
  /** The link's address (`url`, `/s/<token>`) is in this answer only. */
  createLink(chartId: string, body: CreateLinkBody): Promise<CreatedLink>;
  revokeLink(chartId: string, linkId: string): Promise<void>;

  listAccounts(signal?: AbortSignal): Promise<AdminAccountsResponse>;
  deleteAccount(id: string): Promise<void>;
  listInvites(signal?: AbortSignal): Promise<InviteListResponse>;
  /** The invite's address (`url`, `/invite/<token>`) is in this answer only. */
  createInvite(body: CreateInviteBody): Promise<CreatedInvite>;
  revokeInvite(id: string): Promise<void>;
}

const id = (value: string) => encodeURIComponent(value);

export function createAccessApi(request: JsonRequest): AccessApi {
  const chart = (chartId: string) => `/charts/${id(chartId)}`;
  return {
    getAuthState: (signal) => request("GET", "/auth/state", { signal }),
    getMe: (signal) => request("GET", "/auth/me", { signal }),
    setUp: (body) => request("POST", "/auth/setup", { body }),
    signUp: (body) => request("POST", "/auth/signup", { body }),
    logIn: (body) => request("POST", "/auth/login", { body }),
    logOut: () => request("POST", "/auth/logout"),
    joinAsGuest: (body) => request("POST", "/auth/guest", { body }),

    listTokens: (signal) => request("GET", "/tokens", { signal }),
    createToken: (body) => request("POST", "/tokens", { body }),
    deleteToken: (tokenId) => request("DELETE", `/tokens/${id(tokenId)}`),

    listMembers: (chartId, signal) => request("GET", `${chart(chartId)}/members`, { signal }),
    addMember: (chartId, email, access) =>
      request("PUT", `${chart(chartId)}/members`, { body: { email, access } }),
    setMemberAccess: (chartId, accountId, access) =>
      request("PUT", `${chart(chartId)}/members/${id(accountId)}`, { body: { access } }),
    removeMember: (chartId, accountId) =>
      request("DELETE", `${chart(chartId)}/members/${id(accountId)}`),

    listLinks: (chartId, signal) => request("GET", `${chart(chartId)}/links`, { signal }),
    createLink: (chartId, body) => request("POST", `${chart(chartId)}/links`, { body }),
    revokeLink: (chartId, linkId) => request("DELETE", `${chart(chartId)}/links/${id(linkId)}`),

    listAccounts: (signal) => request("GET", "/admin/accounts", { signal }),
    deleteAccount: (accountId) => request("DELETE", `/admin/accounts/${id(accountId)}`),
    listInvites: (signal) => request("GET", "/admin/invites", { signal }),
    createInvite: (body) => request("POST", "/admin/invites", { body }),
    revokeInvite: (inviteId) => request("DELETE", `/admin/invites/${id(inviteId)}`),
  };
}
