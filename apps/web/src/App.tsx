import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense, useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { ChartPage, HomePage } from "./app/lazy-pages";
import { createQueryClient } from "./app/query-client";
import { CHART_ROUTE, HOME_ROUTE } from "./app/start-up";
import { EditorRegistryProvider } from "./editor/editor-registry";
import { ChartPageSkeleton } from "./pages/chart/ChartPageSkeleton";
import { HomePageSkeleton } from "./pages/home/HomePageSkeleton";
import { NotFoundPage } from "./pages/NotFoundPage";

/** Everything a page needs above it: data cache and the editors of this session. */
export function AppProviders({
  queryClient,
  children,
}: {
  queryClient?: QueryClient;
  children: ReactNode;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <EditorRegistryProvider>{children}</EditorRegistryProvider>
    </QueryClientProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path={HOME_ROUTE}
        element={
          <Suspense fallback={<HomePageSkeleton />}>
            <HomePage />
          </Suspense>
        }
      />
      <Route
        path={CHART_ROUTE}
        element={
          // The page's own loading state: the same frame whether code or chart is on its way.
          <Suspense fallback={<ChartPageSkeleton />}>
            <ChartPage />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function App({ queryClient }: { queryClient?: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
