import "fake-indexeddb/auto";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it, vi } from "vitest";
import { CHART_ID, chartRecord, FakeServer } from "../../test/editor-fixtures";
import { liveApi, ME, renderApp } from "../../test/render";

vi.mock("../../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

/** Who is signed in arrives after the chart (a slow answer): the editor must wait for it. */
const slowSession = () =>
  vi.fn(
    () =>
      new Promise<{ account: typeof ME }>((resolve) =>
        setTimeout(() => resolve({ account: ME }), 50),
      ),
  );

it("keeps an edit made while the server is unreachable across a reload, and sends it once", async () => {
  const server = new FakeServer(chartRecord());
  const user = userEvent.setup();
  renderApp(`/charts/${CHART_ID}`, liveApi(server, { getMe: slowSession() }));
  const title = await screen.findByTestId("chart-title");
  server.down = true;
  server.dropAll();
  await user.click(title);
  await user.type(screen.getByRole("textbox", { name: "Chart name" }), " kept{Enter}");
  const indicator = screen.getByTestId("connection-indicator");
  await waitFor(() => expect(indicator).toHaveTextContent("1 change waiting"));
  await waitFor(() => expect(indicator).toHaveAttribute("data-stored", "true"));
  cleanup(); // the tab is closed

  // The next visit, with the server back: the kept edit shows and is sent.
  server.down = false;
  renderApp(`/charts/${CHART_ID}`, liveApi(server, { getMe: slowSession() }));
  await waitFor(() => expect(screen.getByTestId("chart-title")).toHaveTextContent(/ kept$/));
  await waitFor(() => expect(server.record.document.name).toMatch(/ kept$/));
  await waitFor(() =>
    expect(screen.getByTestId("save-status")).toHaveAttribute("data-status", "saved"),
  );
  // Stored once: one version for it, whatever was sent.
  expect(server.record.version).toBe(2);
  expect(new Set(server.batches.map((b) => b.batch)).size).toBe(1);
});
