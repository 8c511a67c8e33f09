import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { principalKey } from "../auth/principal";
import { AppError } from "../errors";
import { principalOf } from "./authenticate";

export interface RateLimit {
  /** Requests allowed per window; 0 switches the limit off. */
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Failed sign-ins (and sign-ups, guest entries) per client address. */
  signIn: RateLimit;
  /** Every API request per principal (per address for anonymous ones). */
  api: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signIn: { limit: 10, windowMs: 15 * 60 * 1000 },
  api: { limit: 1200, windowMs: 60 * 1000 },
};

const addressKey = (req: Request) => `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;

const tooMany = (what: string) => (_req: Request, _res: Response, next: (error: unknown) => void) =>
  next(new AppError("rate_limited", `too many ${what}; wait a little and try again`));

const passThrough: RequestHandler = (_req, _res, next) => next();

/** Failed attempts only: a person who signs in at the first try is never slowed down. */
export function signInLimiter({ limit, windowMs }: RateLimit): RequestHandler {
  if (limit === 0) return passThrough;
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: addressKey,
    handler: tooMany("failed sign-in attempts"),
  });
}

/** Per principal, after authentication: a script with a token cannot starve the others. */
export function apiLimiter({ limit, windowMs }: RateLimit): RequestHandler {
  if (limit === 0) return passThrough;
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const principal = principalOf(res);
      return principal === undefined ? addressKey(req) : principalKey(principal);
    },
    handler: tooMany("requests"),
  });
}
