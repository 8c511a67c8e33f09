/**
 * Whether this browser last entered through a share link. A revoked link's guest gets 401
 * like someone signed out; with this mark the app says "your access has ended" instead of
 * asking a person who has no account to sign in. Set by joining as a guest, cleared by
 * signing in (or out).
 */
const KEY = "rolemap.guest";

export function markGuest(chartId: string): void {
  try {
    localStorage.setItem(KEY, chartId);
  } catch {
    // Storage refused (private mode, quota): the sign-in page is shown instead.
  }
}

export function clearGuestMark(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

export function wasGuest(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}
