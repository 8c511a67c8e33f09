import { withEarlyRequest } from "../app/early-request";
import { type ApiClient, createApiClient } from "./client";

/**
 * The app's client of the API on its own origin: the context's default, and the prefetch's.
 * Its first fetch of the chart that index.html already asked for takes that answer.
 */
export const defaultApiClient: ApiClient = createApiClient({
  fetch: withEarlyRequest(
    (...args) => globalThis.fetch(...args),
    typeof window === "undefined" ? undefined : window.__rolemapEarlyRequest,
  ),
});
