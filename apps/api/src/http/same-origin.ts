import type { RequestHandler } from "express";
import { AppError } from "../errors";
import { bearerOf, sessionCookieOf } from "./authenticate";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginPolicy {
  /** The app's own origin (`https://rolemap.example.com`); when absent, the request's Host. */
  appOrigin: string | undefined;
  /** Foreign origins trusted by configuration (CORS_ORIGINS). */
  trustedOrigins: readonly string[];
}

/** Does an `Origin` header name the app (or a trusted origin)? */
export function isOwnOrigin(origin: string, host: string | undefined, policy: OriginPolicy) {
  if (origin === policy.appOrigin || policy.trustedOrigins.includes(origin)) return true;
  if (policy.appOrigin !== undefined || host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage are never the app.
  }
}

/**
 * Cross-site request forgery: a state-changing request that a browser authenticates by
 * cookie must come from the app's own origin (access.md). Bearer requests cannot be
 * forged by a page, so they pass. The sign-in routes are checked even without a cookie,
 * so another site cannot sign a browser into an account of its choosing.
 */
export function sameOriginForCookies(policy: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || bearerOf(req) !== undefined) return next();
    const authRoute = req.path.startsWith("/auth/");
    if (sessionCookieOf(req) === undefined && !authRoute) return next();
    const origin = req.headers.origin;
    const allowed =
      origin !== undefined
        ? isOwnOrigin(origin, req.headers.host, policy)
        : req.headers["sec-fetch-site"] === "same-origin";
    next(
      allowed
        ? undefined
        : new AppError(
            "cross_site",
            "this request came from another site (its Origin is not this app's); nothing was changed",
          ),
    );
  };
}
