import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import { CHART_ID, chartRecord } from "../../test/editor-fixtures";
import { chartListItem, fakeApi, renderApp } from "../../test/render";

describe("HomePage", () => {
  it("shows a skeleton while loading, then the charts with counts, findings and last change", async () => {
    const api = fakeApi({
      listCharts: vi.fn(async () => ({
        charts: [chartListItem()],
        total: 1,
        limit: 100,
        offset: 0,
      })),
    });
    renderApp("/", api);
    expect(screen.getByTestId("chart-list-loading")).toBeInTheDocument();
    const row = await screen.findByTestId("chart-row");
    expect(within(row).getByRole("link", { name: "Acme technology leadership" })).toHaveAttribute(
      "href",
      "/charts/4a8e7c1e-1d7b-4a55-9f0a-0d2f3c4b5a61",
    );
    expect(row).toHaveTextContent("11 roles · 18 responsibilities · changed 5 minutes ago");
    expect(within(row).getByTestId("findings-errors")).toHaveTextContent("2 errors");
    expect(within(row).getByTestId("findings-warnings")).toHaveTextContent("1 warning");
    expect(within(row).queryByTestId("findings-infos")).toBeNull();
  });

  it("shows an empty state with a call to action", async () => {
    const user = userEvent.setup();
    renderApp("/");
    const empty = await screen.findByTestId("empty-state");
    await user.click(within(empty).getByRole("button", { name: "Create your first chart" }));
    expect(await screen.findByTestId("new-chart-dialog")).toHaveAttribute("open");
  });

  it("shows an error with a retry", async () => {
    const user = userEvent.setup();
    const listCharts = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(500, "internal", "Internal error"))
      .mockResolvedValue({ charts: [chartListItem()], total: 1, limit: 100, offset: 0 });
    renderApp("/", fakeApi({ listCharts }));
    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("The charts could not be loaded.");
    await user.click(within(error).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("chart-row")).toBeInTheDocument();
  });

  it("creates a chart from a template with the name given and opens it", async () => {
    const user = userEvent.setup();
    const record = chartRecord();
    const createChart = vi.fn(async () => ({
      ...record,
      document: { ...record.document, name: "Mine" },
    }));
    renderApp("/", fakeApi({ createChart }));
    await user.click(await screen.findByTestId("new-chart-button"));
    const dialog = screen.getByTestId("new-chart-dialog");
    await user.click(await within(dialog).findByRole("radio", { name: "Product-led company" }));
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    expect(name).toHaveValue("Product-led company");
    await user.clear(name);
    await user.type(name, "Mine{Enter}");
    expect(createChart).toHaveBeenCalledWith({ template: "product-led", name: "Mine" });
    await waitFor(
      () => expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${record.id}`),
      { timeout: 5000 },
    );
  });

  it("creates a blank chart with just a CEO, and refuses an empty name", async () => {
    const user = userEvent.setup();
    const createChart = vi.fn(async () => chartRecord());
    renderApp("/", fakeApi({ createChart }));
    await user.click(await screen.findByTestId("new-chart-button"));
    const dialog = screen.getByTestId("new-chart-dialog");
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await user.clear(name);
    await user.click(within(dialog).getByRole("button", { name: "Create chart" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Give the chart a name.");
    expect(createChart).not.toHaveBeenCalled();
    await user.type(name, "Fresh");
    await user.click(within(dialog).getByRole("button", { name: "Create chart" }));
    expect(createChart).toHaveBeenCalledWith({
      document: expect.objectContaining({
        name: "Fresh",
        roles: [{ id: "ceo", title: "CEO", holder: null }],
      }),
    });
  });

  it("renames in place: Enter saves with updateChart, Escape cancels", async () => {
    const user = userEvent.setup();
    let name = "Acme technology leadership";
    const api = fakeApi({
      listCharts: vi.fn(async () => ({
        charts: [chartListItem({ name })],
        total: 1,
        limit: 100,
        offset: 0,
      })),
      postOperations: vi.fn(async (id: string) => {
        name = "Renamed";
        return { id, version: 4, updatedAt: new Date().toISOString(), findings: [] };
      }),
    });
    renderApp("/", api);
    await user.click(
      await screen.findByRole("button", { name: "Rename Acme technology leadership" }),
    );
    await user.keyboard("Discard{Escape}");
    expect(api.postOperations).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: "Acme technology leadership" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Rename Acme technology leadership" }));
    const input = screen.getByRole("textbox", { name: "Chart name" });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, "Renamed{Enter}");
    expect(await screen.findByRole("link", { name: "Renamed" })).toBeInTheDocument();
    expect(api.postOperations).toHaveBeenCalledWith(chartListItem().id, {
      operations: [{ op: "updateChart", name: "Renamed" }],
    });
  });

  it("deletes only after confirmation", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      listCharts: vi
        .fn()
        .mockResolvedValueOnce({ charts: [chartListItem()], total: 1, limit: 100, offset: 0 })
        .mockResolvedValue({ charts: [], total: 0, limit: 100, offset: 0 }),
    });
    renderApp("/", api);
    await user.click(
      await screen.findByRole("button", { name: "Delete Acme technology leadership" }),
    );
    const dialog = screen.getByTestId("delete-chart-dialog");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(api.deleteChart).not.toHaveBeenCalled();
    expect(screen.queryByTestId("delete-chart-dialog")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Delete Acme technology leadership" }));
    await user.click(screen.getByRole("button", { name: "Delete chart" }));
    expect(api.deleteChart).toHaveBeenCalledWith(chartListItem().id);
    expect(await screen.findByTestId("empty-state")).toBeInTheDocument();
  });
});

describe("Advisor", () => {
  it("recommends an archetype once every question is answered, and creates it", async () => {
    const user = userEvent.setup();
    const createChart = vi.fn(async () => chartRecord());
    renderApp("/", fakeApi({ createChart }));
    const advisor = await screen.findByTestId("advisor");
    for (const answer of ["Operations or services", "Heavily", "Over 1,000"])
      await user.click(within(advisor).getByRole("radio", { name: answer }));
    expect(advisor).toHaveTextContent("3 of 4 answered.");
    await user.click(within(advisor).getByRole("radio", { name: "No" }));
    const recommendation = within(advisor).getByTestId("advisor-recommendation");
    await waitFor(() =>
      expect(within(recommendation).getByTestId("advisor-template-name")).toHaveTextContent(
        "Operations-led company",
      ),
    );
    expect(recommendation).toHaveTextContent("Because your revenue comes from operations");
    await user.click(within(recommendation).getByRole("button", { name: "Create this chart" }));
    expect(createChart).toHaveBeenCalledWith({ template: "operations-led" });
    await waitFor(
      () => expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${chartRecord().id}`),
      { timeout: 5000 },
    );
  });
});

describe("HomePage and access", () => {
  it("marks a chart someone else owns as shared with me, without owner actions", async () => {
    const shared = chartListItem({
      access: "edit",
      owner: { id: "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b", name: "Olivia Owner" },
    });
    renderApp(
      "/",
      fakeApi({
        listCharts: vi.fn(async () => ({ charts: [shared], total: 1, limit: 100, offset: 0 })),
      }),
    );
    const row = await screen.findByTestId("chart-row");
    expect(within(row).getByTestId("shared-with-me")).toHaveTextContent(
      "Shared with me by Olivia Owner · can edit",
    );
    expect(within(row).queryByRole("button", { name: /Rename|Delete/ })).toBeNull();
  });

  it("sends the person to sign in when their session ends while they use the page", async () => {
    const listCharts = vi.fn(async () => {
      throw new ApiError(401, "unauthenticated", "Sign in first");
    });
    renderApp("/", fakeApi({ listCharts }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/sign-in"));
    expect(await screen.findByTestId("sign-in-page")).toBeInTheDocument();
  });

  it("sends a share-link guest to their chart", async () => {
    const api = fakeApi({
      getMe: vi.fn(async () => ({
        guest: { name: "Vera", chart: CHART_ID, access: "view" as const },
      })),
    });
    renderApp("/", api);
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${CHART_ID}`),
    );
    expect(api.listCharts).not.toHaveBeenCalled();
  });
});
