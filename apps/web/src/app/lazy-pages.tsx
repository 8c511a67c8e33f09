import { lazy } from "react";

/**
 * The pages as chunks of their own: a chart's URL loads neither the home page nor its
 * dialogs, and the home page not the canvas. main.tsx starts the first page's load before
 * React renders (app/start-up); React.lazy then takes the same module.
 */
export const loadChartPage = () => import("../pages/chart/ChartPage");
export const loadHomePage = () => import("../pages/home/HomePage");
/** Sign in, setup, invite, share link, access ended: one chunk, for people without a session. */
export const loadAuthPages = () => import("../pages/auth/auth-pages");
export const loadAdminPage = () => import("../pages/admin/AdminPage");
/** The compare view of a scenario and its primary (its canvases, lists and dialogs). */
export const loadComparePage = () => import("../compare/ComparePage");

export const ChartPage = lazy(async () => ({ default: (await loadChartPage()).ChartPage }));
export const HomePage = lazy(async () => ({ default: (await loadHomePage()).HomePage }));
export const AdminPage = lazy(async () => ({ default: (await loadAdminPage()).AdminPage }));
export const ComparePage = lazy(async () => ({ default: (await loadComparePage()).ComparePage }));
export const SignInPage = lazy(async () => ({ default: (await loadAuthPages()).SignInPage }));
export const SetupPage = lazy(async () => ({ default: (await loadAuthPages()).SetupPage }));
export const InvitePage = lazy(async () => ({ default: (await loadAuthPages()).InvitePage }));
export const GuestPage = lazy(async () => ({ default: (await loadAuthPages()).GuestPage }));
export const AccessEndedPage = lazy(async () => ({
  default: (await loadAuthPages()).AccessEndedPage,
}));
