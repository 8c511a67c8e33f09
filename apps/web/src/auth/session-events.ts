import { ApiError } from "../api/client";

/**
 * "A request answered 401": the query client reports it (app/query-client) for every query
 * and mutation, and the session guard (SessionGuard, inside the router) sends the person to
 * sign in. A plain list of listeners, so the query client needs no router.
 */
const listeners = new Set<() => void>();

export function onUnauthenticated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners that the server no longer knows this browser's session. */
export function notifyUnauthenticated(): void {
  for (const listener of listeners) listener();
}

/** Tells the listeners when `error` means "no principal" (not a wrong password). */
export function reportIfUnauthenticated(error: unknown): void {
  if (error instanceof ApiError && error.isUnauthenticated) notifyUnauthenticated();
}
