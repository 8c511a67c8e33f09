import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense, useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import {
  AccessEndedPage,
  AdminPage,
  ChartPage,
  ComparePage,
  GuestPage,
  HomePage,
  InvitePage,
  SetupPage,
  SignInPage,
} from "./app/lazy-pages";
import { createQueryClient } from "./app/query-client";
import { CHART_ROUTE, HOME_ROUTE } from "./app/start-up";
import {
  ACCESS_ENDED_ROUTE,
  ADMIN_ROUTE,
  INVITE_ROUTE,
  SETUP_ROUTE,
  SHARE_ROUTE,
  SIGN_IN_ROUTE,
} from "./auth/paths";
import { RequireAccount, SessionGuard } from "./auth/SessionGuard";
import { EditorRegistryProvider } from "./editor/editor-registry";
import { ChartPageSkeleton } from "./pages/chart/ChartPageSkeleton";
import { HomePageSkeleton } from "./pages/home/HomePageSkeleton";
import { NotFoundPage } from "./pages/NotFoundPage";
import { COMPARE_ROUTE } from "./scenarios/scenario-paths";

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

/** A page without a session's frame: nothing shows while its (small) code loads. */
const open = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;

export function AppRoutes() {
  return (
    <>
      <SessionGuard />
      <Routes>
        <Route
          path={HOME_ROUTE}
          element={
            <RequireAccount fallback={<HomePageSkeleton />}>
              <Suspense fallback={<HomePageSkeleton />}>
                <HomePage />
              </Suspense>
            </RequireAccount>
          }
        />
        <Route
          path={CHART_ROUTE}
          element={
            // The page's own loading state: the same frame whether code or chart is on its way.
            // Not behind RequireAccount: the chart is asked for at once, and a 401 answer
            // sends the person to sign in (ChartPage).
            <Suspense fallback={<ChartPageSkeleton />}>
              <ChartPage />
            </Suspense>
          }
        />
        <Route
          path={COMPARE_ROUTE}
          element={
            // Like the chart page: a 401 answer sends the person to sign in (ComparePage).
            <Suspense fallback={<ChartPageSkeleton />}>
              <ComparePage />
            </Suspense>
          }
        />
        <Route
          path={ADMIN_ROUTE}
          element={
            <RequireAccount fallback={null} admin>
              {open(<AdminPage />)}
            </RequireAccount>
          }
        />
        <Route path={SIGN_IN_ROUTE} element={open(<SignInPage />)} />
        <Route path={SETUP_ROUTE} element={open(<SetupPage />)} />
        <Route path={INVITE_ROUTE} element={open(<InvitePage />)} />
        <Route path={SHARE_ROUTE} element={open(<GuestPage />)} />
        <Route path={ACCESS_ENDED_ROUTE} element={open(<AccessEndedPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
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
