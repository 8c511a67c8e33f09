import { lazy } from "react";

/**
 * The pages as chunks of their own: a chart's URL loads neither the home page nor its
 * dialogs, and the home page not the canvas. main.tsx starts the first page's load before
 * React renders (app/start-up); React.lazy then takes the same module.
 */
export const loadChartPage = () => import("../pages/chart/ChartPage");
export const loadHomePage = () => import("../pages/home/HomePage");

export const ChartPage = lazy(async () => ({ default: (await loadChartPage()).ChartPage }));
export const HomePage = lazy(async () => ({ default: (await loadHomePage()).HomePage }));
