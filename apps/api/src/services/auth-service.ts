import { randomUUID } from "node:crypto";
import type {
  Account,
  Guest,
  GuestBody,
  LoginBody,
  SetupBody,
  SignupBody,
} from "@rolemap/contract";
import type { Principal } from "../auth/principal";
import {
  hashForUnknownAccounts,
  hashPassword,
  hashSecret,
  newSecret,
  type PasswordCost,
  verifyPassword,
} from "../auth/secrets";
import { AppError, forbidden, notFound } from "../errors";
import { type AccessStore, isLinkLive } from "./access-store";

export interface AuthConfig {
  passwordCost: PasswordCost;
  /** A session unused this long is over (the spec: 30 days). */
  sessionIdleMs: number;
  now?: () => Date;
}

/** Prefix of API tokens: recognisable in a leaked file and by secret scanners. */
export const TOKEN_PREFIX = "rm_";

/** lastSeenAt is written at most this often: not a write for every request. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

/** What a request proved itself with: an API token or a session cookie's secret. */
export interface Credential {
  kind: "token" | "session";
  secret: string;
}

/** A new browser session: the secret goes into the cookie, its hash into the database. */
export interface SignedIn<T> {
  who: T;
  sessionSecret: string;
}

/** Setup, sign-up, sign-in, guests, sign-out, and turning a cookie or token into a principal. */
export function createAuthService(store: AccessStore, config: AuthConfig) {
  const now = config.now ?? (() => new Date());
  let unknownAccountHash: Promise<string> | undefined;
  const sessionEndedListeners = new Set<(sessionHash: string) => void>();

  const startSession = async (
    who: { accountId: string } | { linkId: string; guestName: string },
  ): Promise<string> => {
    const secret = newSecret();
    await store.createSession(hashSecret(secret), who);
    return secret;
  };

  const newAccount = async (body: SetupBody) => ({
    id: randomUUID(),
    email: body.email,
    name: body.name,
    passwordHash: await hashPassword(body.password, config.passwordCost),
  });

  const service = {
    async state() {
      return { setup: !(await store.hasAccounts()) };
    },

    async setup(body: SetupBody): Promise<SignedIn<Account>> {
      // Cheap check first, so a set-up instance does not hash a password for every probe.
      if (await store.hasAccounts()) throw alreadySetUp();
      const account = await store.createOwner(await newAccount(body));
      if (account === "already_set_up") throw alreadySetUp();
      return { who: account, sessionSecret: await startSession({ accountId: account.id }) };
    },

    async signup(body: SignupBody): Promise<SignedIn<Account>> {
      const account = await store.createInvitedAccount(
        await newAccount(body),
        hashSecret(body.invite),
        now(),
      );
      if (account === "invalid_invite")
        throw forbidden(
          "this invite is not valid for this email: it may have expired or been used",
        );
      if (account === "email_taken")
        throw new AppError("invalid_input", "an account with this email exists already", [
          { path: "email", message: "an account with this email exists already; sign in instead" },
        ]);
      return { who: account, sessionSecret: await startSession({ accountId: account.id }) };
    },

    async login(body: LoginBody): Promise<SignedIn<Account>> {
      const found = await store.findLogin(body.email);
      // An unknown email costs a hash too: the answer's timing does not tell which it was.
      unknownAccountHash ??= hashForUnknownAccounts(config.passwordCost);
      const matches = await verifyPassword(
        body.password,
        found?.passwordHash ?? (await unknownAccountHash),
      );
      if (found === undefined || !matches)
        throw new AppError("invalid_credentials", "the email or the password is wrong");
      return {
        who: found.account,
        sessionSecret: await startSession({ accountId: found.account.id }),
      };
    },

    async guest(body: GuestBody): Promise<SignedIn<Guest>> {
      const link = await store.findLink(hashSecret(body.token));
      if (link === undefined || !isLinkLive(link, now()))
        throw notFound("share link (it may have expired or been revoked)");
      const sessionSecret = await startSession({ linkId: link.id, guestName: body.name });
      return { who: { name: body.name, chart: link.chartId, access: link.access }, sessionSecret };
    },

    async logout(sessionSecret: string): Promise<void> {
      const hash = hashSecret(sessionSecret);
      await store.deleteSession(hash);
      for (const listener of sessionEndedListeners) listener(hash);
    },

    /** Hears every sign-out (the live hub closes that session's connections at once). */
    onSessionEnded(listener: (sessionHash: string) => void) {
      sessionEndedListeners.add(listener);
    },

    /**
     * The principal of a session cookie, or undefined when it is unknown, idle or revoked.
     * `renewed`: the session's idle clock was reset, so the cookie's lifetime should be too.
     */
    async fromSession(
      secret: string,
    ): Promise<{ principal: Principal; renewed: boolean } | undefined> {
      const idHash = hashSecret(secret);
      const session = await store.findSession(idHash);
      if (session === undefined) return undefined;
      const at = now();
      if (at.getTime() - session.lastSeenAt.getTime() > config.sessionIdleMs) {
        await store.deleteSession(idHash);
        return undefined;
      }
      if (session.kind === "guest" && !isLinkLive(session.link, at)) return undefined;
      const renewed = at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS;
      if (renewed) await store.touchSession(idHash, at);
      const principal: Principal =
        session.kind === "account"
          ? { kind: "account", account: session.account, via: "session", credential: idHash }
          : {
              kind: "guest",
              name: session.name,
              chartId: session.link.chartId,
              access: session.link.access,
              linkId: session.link.id,
              credential: idHash,
            };
      return { principal, renewed };
    },

    /** The principal of either kind of credential (a live connection checks its own again). */
    async fromCredential({ kind, secret }: Credential): Promise<Principal | undefined> {
      return kind === "token"
        ? service.fromToken(secret)
        : (await service.fromSession(secret))?.principal;
    },

    /** The principal of an API token, or undefined when it is unknown or revoked. */
    async fromToken(secret: string): Promise<Principal | undefined> {
      const token = await store.findToken(hashSecret(secret));
      if (token === undefined) return undefined;
      const at = now();
      if (token.lastUsedAt === null || at.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS)
        await store.touchToken(token.id, at);
      return { kind: "account", account: token.account, via: "token", credential: token.id };
    },
  };
  return service;
}

const alreadySetUp = () =>
  new AppError(
    "already_set_up",
    "Rolemap is set up already: sign in, or ask the admin for an invite",
  );

export type AuthService = ReturnType<typeof createAuthService>;
