import { type ApiClient, createApiClient } from "./client";

/** The app's client of the API on its own origin: the context's default, and the prefetch's. */
export const defaultApiClient: ApiClient = createApiClient();
