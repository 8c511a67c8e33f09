import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import { CHART_ID, chartRecord, FakeServer } from "../../test/editor-fixtures";
import { type fakeApi, liveApi, renderApp } from "../../test/render";

// The regions belong to other modules with their own tests: stand-ins keep this test about
// the page itself.
vi.mock("../../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

const record = chartRecord();

/** The API with the chart on a live FakeServer (test/editor-fixtures). */
function chartApi(overrides: Parameters<typeof fakeApi>[0] = {}, server = new FakeServer(record)) {
  return liveApi(server, overrides);
}

describe("ChartPage", () => {
  it("shows the chart's name, the three regions and the connection", async () => {
    renderApp(`/charts/${CHART_ID}`, chartApi());
    expect(screen.getByTestId("chart-loading")).toBeInTheDocument();
    expect(await screen.findByTestId("chart-title")).toHaveTextContent(record.document.name);
    expect(screen.getByTestId("canvas-region")).toHaveTextContent("canvas");
    expect(screen.getByTestId("matrix-region")).toHaveTextContent("matrix");
    expect(screen.getByTestId("findings-region")).toHaveTextContent("findings");
    await waitFor(() =>
      expect(screen.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live"),
    );
    expect(screen.getByTestId("save-status")).toHaveTextContent("All changes saved");
    expect(document.title).toBe(`${record.document.name} – Rolemap`);
  });

  it("fills the matrix and findings panels only once the page with the canvas has been drawn", async () => {
    // Frames run only when the test says so; everything else keeps its real timing.
    vi.useFakeTimers({ toFake: ["requestAnimationFrame", "cancelAnimationFrame"] });
    try {
      renderApp(`/charts/${CHART_ID}`, chartApi());
      await screen.findByTestId("chart-title");
      const matrix = screen.getByTestId("matrix-region");
      const findings = screen.getByTestId("findings-region");
      expect(within(matrix).getByText("Loading the responsibility matrix…")).toBeInTheDocument();
      expect(within(findings).getByText("Loading the findings…")).toBeInTheDocument();
      expect(within(matrix).queryByText("matrix")).toBeNull();

      act(() => vi.advanceTimersToNextFrame());
      expect(await within(matrix).findByText("matrix")).toBeInTheDocument();
      expect(within(findings).getByText("findings")).toBeInTheDocument();
      expect(within(matrix).queryByText("Loading the responsibility matrix…")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("renames the chart, sends it live, and undoes and redoes it", async () => {
    const user = userEvent.setup();
    const server = new FakeServer(record);
    renderApp(`/charts/${CHART_ID}`, chartApi({}, server));
    await user.click(await screen.findByTestId("chart-title"));
    const input = screen.getByRole("textbox", { name: "Chart name" });
    await user.clear(input);
    await user.type(input, "Renamed{Enter}");
    expect(screen.getByTestId("chart-title")).toHaveTextContent("Renamed");
    await waitFor(() =>
      expect(server.batches[0]).toMatchObject({
        operations: [{ op: "updateChart", name: "Renamed" }],
        base: 1,
      }),
    );

    await user.click(screen.getByRole("button", { name: /Undo/ }));
    expect(screen.getByTestId("chart-title")).toHaveTextContent(record.document.name);
    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(screen.getByTestId("chart-title")).toHaveTextContent("Renamed");
    await user.keyboard("{Control>}z{/Control}");
    expect(screen.getByTestId("chart-title")).toHaveTextContent(record.document.name);
    await user.keyboard("{Control>}y{/Control}");
    expect(screen.getByTestId("chart-title")).toHaveTextContent("Renamed");
    await waitFor(() => expect(server.batches).toHaveLength(5));
    await waitFor(() => expect(server.record.document.name).toBe("Renamed"));
    expect(screen.getByRole("button", { name: /Redo/ })).toBeDisabled();
  });

  it("keeps an edit made while disconnected, with Retry now, and sends it when back", async () => {
    const user = userEvent.setup();
    const server = new FakeServer(record);
    renderApp(`/charts/${CHART_ID}`, chartApi({}, server));
    const indicator = await screen.findByTestId("connection-indicator");
    await waitFor(() => expect(indicator).toHaveAttribute("data-status", "live"));
    server.down = true;
    server.dropAll();
    await waitFor(() => expect(indicator).toHaveAttribute("data-status", "reconnecting"));
    await user.click(await screen.findByTestId("chart-title"));
    await user.type(screen.getByRole("textbox", { name: "Chart name" }), " 2{Enter}");
    await waitFor(() => expect(indicator).toHaveTextContent("1 change waiting"));
    server.down = false;
    await user.click(screen.getByRole("button", { name: "Retry now" }));
    await waitFor(() => expect(indicator).toHaveAttribute("data-status", "live"));
    await waitFor(() =>
      expect(screen.getByTestId("save-status")).toHaveAttribute("data-status", "saved"),
    );
    expect(server.batches).toHaveLength(1);
    expect(server.record.document.name).toBe(`${record.document.name} 2`);
  });

  it("hides and shows the matrix and the findings", async () => {
    const user = userEvent.setup();
    renderApp(`/charts/${CHART_ID}`, chartApi());
    await screen.findByTestId("chart-title");
    const matrixToggle = screen.getByTestId("toggle-matrix");
    expect(matrixToggle).toHaveAttribute("aria-pressed", "true");
    await user.click(
      within(screen.getByTestId("matrix-region")).getByRole("button", { name: "Hide" }),
    );
    expect(screen.queryByTestId("matrix-region")).toBeNull();
    expect(matrixToggle).toHaveAttribute("aria-pressed", "false");
    await user.click(matrixToggle);
    expect(screen.getByTestId("matrix-region")).toBeInTheDocument();
    await user.click(screen.getByTestId("toggle-findings"));
    expect(screen.queryByTestId("findings-region")).toBeNull();
    await user.click(screen.getByTestId("toggle-findings"));
    act(() => window.localStorage.clear());
  });

  it.each([
    ["an unknown chart", new ApiError(404, "not_found", "No chart")],
    ["an id that is not a UUID", new ApiError(400, "invalid_input", "chart id must be a UUID")],
  ])("says 'Chart not found' for %s", async (_, error) => {
    renderApp(
      "/charts/whatever",
      chartApi({
        getChart: vi.fn(async () => {
          throw error;
        }),
      }),
    );
    expect(await screen.findByTestId("not-found")).toHaveTextContent("Chart not found");
  });

  it("shows an error with a retry when the chart cannot be loaded", async () => {
    const user = userEvent.setup();
    const getChart = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(500, "internal", "Internal error"))
      .mockResolvedValue(record);
    renderApp(`/charts/${CHART_ID}`, chartApi({ getChart }));
    const error = await screen.findByTestId("error-state");
    await user.click(within(error).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("chart-title")).toBeInTheDocument();
  });
});

describe("unknown routes", () => {
  it("show the not-found page", () => {
    renderApp("/nowhere");
    expect(screen.getByTestId("not-found")).toHaveTextContent("Page not found");
  });
});

describe("ChartPage by access level", () => {
  it.each([
    ["view", "View only"],
    ["comment", "Can comment"],
  ] as const)(
    "with %s access: a badge, no rename, undo, import or share; export stays",
    async (access, badge) => {
      renderApp(
        `/charts/${CHART_ID}`,
        chartApi({}, new FakeServer(chartRecord(undefined, 1, access))),
      );
      expect(await screen.findByTestId("access-badge")).toHaveTextContent(badge);
      expect(screen.getByTestId("chart-title")).toHaveTextContent(record.document.name);
      expect(screen.queryByRole("button", { name: /rename/ })).toBeNull();
      for (const id of ["undo-button", "redo-button", "import-matrix-button", "share-button"])
        expect(screen.queryByTestId(id)).toBeNull();
      // They watch the workshop live: the connection shows.
      expect(screen.getByTestId("connection-indicator")).toBeInTheDocument();
      expect(screen.getByTestId("export-button")).toBeInTheDocument();
    },
  );

  it("with edit access: edits and undo, but no rename or share", async () => {
    renderApp(
      `/charts/${CHART_ID}`,
      chartApi({}, new FakeServer(chartRecord(undefined, 1, "edit"))),
    );
    expect(await screen.findByTestId("access-badge")).toHaveTextContent("Can edit");
    expect(screen.getByTestId("undo-button")).toBeInTheDocument();
    expect(screen.getByTestId("import-matrix-button")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /rename/ })).toBeNull();
    expect(screen.queryByTestId("share-button")).toBeNull();
  });

  it("sends a visitor without a session to sign in, coming back to the chart", async () => {
    const getChart = vi.fn(async () => {
      throw new ApiError(401, "unauthenticated", "Sign in first");
    });
    renderApp(`/charts/${CHART_ID}`, chartApi({ getChart }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/sign-in"));
  });
});
