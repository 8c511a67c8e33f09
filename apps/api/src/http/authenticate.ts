import { parse as parseCookies } from "cookie";
import type { CookieOptions, Request, RequestHandler, Response } from "express";
import type { Principal } from "../auth/principal";
import { unauthenticated } from "../errors";
import type { AuthService } from "../services/auth-service";

/** The one cookie: an account's or a guest's session (random 256-bit, stored hashed). */
export const SESSION_COOKIE = "rolemap_session";
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;

interface Locals {
  principal?: Principal;
  /** The session secret of the request's cookie, when it named a live session. */
  sessionSecret?: string;
}
const locals = (res: Response) => res.locals as Locals;

/** Who is asking, if anyone: set by `authenticate`. */
export const principalOf = (res: Response): Principal | undefined => locals(res).principal;

/** Routes that need someone: 401 without a principal. */
export const requirePrincipal: RequestHandler = (_req, res, next) => {
  next(principalOf(res) === undefined ? unauthenticated() : undefined);
};

export const sessionSecretOf = (res: Response) => locals(res).sessionSecret;

/** Only the headers are read, so the live upgrade (a bare IncomingMessage) uses these too. */
type WithHeaders = Pick<Request, "headers">;

export function bearerOf(req: WithHeaders): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function sessionCookieOf(req: WithHeaders): string | undefined {
  const header = req.headers.cookie;
  return header === undefined ? undefined : parseCookies(header)[SESSION_COOKIE];
}

const cookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  // req.secure honours X-Forwarded-Proto only when TRUST_PROXY says the proxy is trusted.
  secure: req.secure,
});

export function setSessionCookie(req: Request, res: Response, secret: string) {
  res.cookie(SESSION_COOKIE, secret, { ...cookieOptions(req), maxAge: SESSION_IDLE_MS });
}

export function clearSessionCookie(req: Request, res: Response) {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/**
 * Turns a Bearer token or a session cookie into the request's principal. A Bearer header
 * wins over a cookie. Unknown credentials leave the request anonymous (a 401 follows
 * wherever one is needed); a dead session cookie is cleared.
 */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    try {
      const bearer = bearerOf(req);
      if (bearer !== undefined) {
        const principal = await auth.fromToken(bearer);
        if (principal !== undefined) locals(res).principal = principal;
        return next();
      }
      const secret = sessionCookieOf(req);
      if (secret !== undefined && secret !== "") {
        const session = await auth.fromSession(secret);
        if (session === undefined) clearSessionCookie(req, res);
        else {
          locals(res).principal = session.principal;
          locals(res).sessionSecret = secret;
          // Idle expiry slides: the browser keeps the cookie as long as the server does.
          if (session.renewed) setSessionCookie(req, res, secret);
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
