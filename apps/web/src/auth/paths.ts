import { matchPath } from "react-router";
import { wasGuest } from "./guest-marker";

export const SIGN_IN_ROUTE = "/sign-in";
export const SETUP_ROUTE = "/setup";
export const INVITE_ROUTE = "/invite/:token";
export const SHARE_ROUTE = "/s/:token";
export const ACCESS_ENDED_ROUTE = "/access-ended";
export const ADMIN_ROUTE = "/admin";

/** Pages for people without a session: a 401 there is expected, not a reason to move on. */
const OPEN_ROUTES = [SIGN_IN_ROUTE, SETUP_ROUTE, INVITE_ROUTE, SHARE_ROUTE, ACCESS_ENDED_ROUTE];

export function isOpenPath(pathname: string): boolean {
  return OPEN_ROUTES.some((route) => matchPath(route, pathname) !== null);
}

/** The sign-in page, coming back to `next` (a path of this app) afterwards. */
export function signInPath(next: string): string {
  return next === "/" || next === ""
    ? SIGN_IN_ROUTE
    : `${SIGN_IN_ROUTE}?next=${encodeURIComponent(next)}`;
}

/**
 * Where to go after signing in: `next` when it is a path of this app (not another site's
 * address, `//evil.example`, nor an open page), else the home page.
 */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.includes("\\"))
    return "/";
  const pathname = next.split(/[?#]/)[0] ?? "/";
  return isOpenPath(pathname) ? "/" : next;
}

/** Where a person without a session goes from `location`: sign in, or "access ended" for a guest. */
export function signedOutPath(location: { pathname: string; search: string }): string {
  return wasGuest() ? ACCESS_ENDED_ROUTE : signInPath(`${location.pathname}${location.search}`);
}
