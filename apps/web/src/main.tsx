// First, so that component styles (CSS modules) come after the global ones and win.
import "./styles/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { defaultApiClient } from "./api/default-client";
import { createQueryClient } from "./app/query-client";
import { startFirstPage } from "./app/start-up";

const queryClient = createQueryClient();
// Before React's first render: the chart and the page's code load while React starts.
startFirstPage(window.location.pathname, queryClient, defaultApiClient);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
