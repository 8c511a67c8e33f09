import { createContext, type ReactNode, useContext } from "react";
import type { ApiClient } from "./client";
import { defaultApiClient } from "./default-client";

const ApiClientContext = createContext<ApiClient>(defaultApiClient);

/** Replaces the API client below it (tests pass a fake; the app uses the default). */
export function ApiClientProvider({
  client,
  children,
}: {
  client: ApiClient;
  children: ReactNode;
}) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  return useContext(ApiClientContext);
}
