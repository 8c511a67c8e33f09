import type { ChartRecord, Scenario, ScenarioRecord } from "@rolemap/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { loadComparePage } from "../app/lazy-pages";
import { CHART_ID, chartRecord, FakeServer } from "../test/editor-fixtures";
import { fakeApi, liveApi, renderApp } from "../test/render";
import { comparePath } from "./scenario-paths";

// The regions belong to other modules with their own tests.
vi.mock("../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

// The compare page's code, loaded once before any test opens it.
await loadComparePage();

const SCENARIO_ID = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const NEW_ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const primary = chartRecord();
const PRIMARY_NAME = primary.document.name;

function scenarioRecord(id = SCENARIO_ID, name = "CISO under CIO"): ScenarioRecord {
  return {
    ...chartRecord({ ...primary.document, name }),
    id,
    scenarioOf: CHART_ID,
    baseVersion: 1,
  };
}

const scenario: Scenario = {
  id: SCENARIO_ID,
  name: "CISO under CIO",
  scenarioOf: CHART_ID,
  baseVersion: 1,
  version: 3,
  createdAt: "2026-12-07T09:00:00.000Z",
  updatedAt: "2026-12-07T09:30:00.000Z",
  createdBy: { name: "Ada Lovelace" },
  promotedAt: null,
  promotedVersion: null,
};

function familyApi(records: ChartRecord[], overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    getChart: vi.fn(async (id: string) => {
      const record = records.find((candidate) => candidate.id === id);
      if (record === undefined) throw new ApiError(404, "not_found", `chart ${id} not found`);
      return record;
    }),
    listScenarios: vi.fn(async () => ({ scenarios: [scenario] })),
    ...overrides,
  });
}

const switcherButton = () => screen.findByTestId("scenario-button");

describe("ScenarioSwitcher", () => {
  it("on the primary: says Primary and how many scenarios, and opens one by keyboard", async () => {
    const user = userEvent.setup();
    const api = familyApi([primary, scenarioRecord()]);
    renderApp(`/charts/${CHART_ID}`, api);
    const button = await switcherButton();
    await waitFor(() => expect(button).toHaveAccessibleName("Primary: 1 scenario"));
    expect(button).toHaveTextContent("Primary · 1");
    expect(api.listScenarios).toHaveBeenCalledWith(CHART_ID, expect.anything());

    button.focus();
    await user.keyboard("{ArrowDown}");
    const menu = screen.getByRole("menu", { name: "Primary and scenarios" });
    expect(button).toHaveAttribute("aria-expanded", "true");
    const primaryItem = within(menu).getByRole("menuitemradio", { name: /Primary/ });
    expect(primaryItem).toHaveAttribute("aria-checked", "true");
    expect(primaryItem).toHaveFocus();
    const scenarioItem = within(menu).getByRole("menuitemradio", { name: /CISO under CIO/ });
    expect(scenarioItem).toHaveAttribute("aria-checked", "false");
    expect(scenarioItem).toHaveTextContent("by Ada Lovelace");
    expect(within(menu).queryByRole("menuitem", { name: "Compare with primary" })).toBeNull();

    await user.keyboard("{ArrowDown}");
    expect(scenarioItem).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${SCENARIO_ID}`),
    );

    // The scenario's page says whose scenario it is, and offers the comparison.
    const banner = await screen.findByTestId("scenario-banner");
    await waitFor(() => expect(banner).toHaveTextContent(`Scenario of ${PRIMARY_NAME}`));
    expect(screen.getByTestId("scenario-marker")).toHaveTextContent("Scenario");
    expect(screen.getByTestId("scenario-switcher")).toHaveAttribute("data-scenario", "true");
    expect(screen.getByTestId("compare-button")).toHaveAttribute(
      "href",
      comparePath(CHART_ID, SCENARIO_ID),
    );
  });

  it("on a scenario: checks it, goes back to the primary, and offers Compare with primary", async () => {
    const user = userEvent.setup();
    renderApp(`/charts/${SCENARIO_ID}`, familyApi([primary, scenarioRecord()]));
    const button = await switcherButton();
    await waitFor(() => expect(button).toHaveAccessibleName(`Scenario of ${PRIMARY_NAME}`));
    await user.click(button);
    const menu = screen.getByRole("menu");
    expect(within(menu).getByRole("menuitemradio", { name: /CISO under CIO/ })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    expect(within(menu).getByRole("menuitemradio", { name: /CISO under CIO/ })).toHaveFocus();

    await user.click(within(menu).getByRole("menuitem", { name: "Compare with primary" }));
    // The compare page's code loads in a transition: the address changes once it is there.
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(comparePath(CHART_ID, SCENARIO_ID)),
    );
  });

  it("still marks the scenario after its edits are saved (the saved copy keeps the link)", async () => {
    const user = userEvent.setup();
    const server = new FakeServer(scenarioRecord());
    const family = familyApi([primary]);
    // The scenario is fetched once: what the page knows later is the editor's saved copy.
    let fetched = false;
    const getChart = vi.fn(async (id: string) => {
      if (id !== SCENARIO_ID) return family.getChart(id);
      if (fetched) return new Promise<ChartRecord>(() => {});
      fetched = true;
      return server.getChart();
    });
    renderApp(
      `/charts/${SCENARIO_ID}`,
      liveApi(server, { listScenarios: family.listScenarios, getChart }),
    );
    await user.click(await screen.findByTestId("chart-title"));
    const input = screen.getByRole("textbox", { name: "Chart name" });
    await user.clear(input);
    await user.type(input, "CISO under the CIO{Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("save-status")).toHaveTextContent("All changes saved"),
    );
    // The editor puts its saved copy in the cache a second after the last save.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(screen.getByTestId("scenario-banner")).toHaveTextContent(`Scenario of ${PRIMARY_NAME}`);
    expect(screen.getByTestId("scenario-marker")).toHaveTextContent("Scenario");
    expect(screen.getByTestId("compare-button")).toBeInTheDocument();
  });

  it("closes on Escape with the focus back on its button", async () => {
    const user = userEvent.setup();
    renderApp(`/charts/${CHART_ID}`, familyApi([primary]));
    const button = await switcherButton();
    await user.click(button);
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.keyboard("{End}");
    expect(screen.getByRole("menuitem", { name: /New scenario/ })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(button).toHaveFocus();
  });

  it("makes a new scenario from a name and opens it", async () => {
    const user = userEvent.setup();
    const created = scenarioRecord(NEW_ID, "Data under CTO");
    const api = familyApi([primary, scenarioRecord(), created], {
      createScenario: vi.fn(async () => created),
    });
    renderApp(`/charts/${CHART_ID}`, api);
    await user.click(await switcherButton());
    await user.click(screen.getByRole("menuitem", { name: /New scenario/ }));
    const dialog = screen.getByTestId("new-scenario-dialog");
    expect(dialog).toHaveTextContent(`A what-if copy of ${PRIMARY_NAME} as it is now`);

    await user.click(within(dialog).getByTestId("new-scenario-submit"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Name the scenario");
    expect(api.createScenario).not.toHaveBeenCalled();

    await user.type(within(dialog).getByTestId("new-scenario-name"), "  Data under CTO {Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${NEW_ID}`),
    );
    expect(api.createScenario).toHaveBeenCalledWith(CHART_ID, { name: "Data under CTO" });
  });

  it("offers New scenario… in the header's More menu too (a narrow header hides the switcher)", async () => {
    const user = userEvent.setup();
    renderApp(
      `/charts/${CHART_ID}`,
      familyApi([primary], { listScenarios: vi.fn(async () => ({ scenarios: [] })) }),
    );
    await waitFor(() =>
      expect(screen.getByTestId("scenario-switcher")).toHaveAttribute("data-empty", "true"),
    );
    await user.click(screen.getByTestId("more-new-scenario"));
    expect(screen.getByTestId("new-scenario-dialog")).toHaveTextContent(
      `A what-if copy of ${PRIMARY_NAME} as it is now`,
    );
  });

  it("says why a scenario could not be made, and keeps the dialog open", async () => {
    const user = userEvent.setup();
    const api = familyApi([primary], {
      createScenario: vi.fn(async () => {
        throw new ApiError(403, "forbidden", "making a scenario needs edit access");
      }),
    });
    renderApp(`/charts/${CHART_ID}`, api);
    await user.click(await switcherButton());
    await user.click(screen.getByRole("menuitem", { name: /New scenario/ }));
    const dialog = screen.getByTestId("new-scenario-dialog");
    await user.type(within(dialog).getByTestId("new-scenario-name"), "Flat{Enter}");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "The scenario could not be made: making a scenario needs edit access",
    );
    expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${CHART_ID}`);
  });

  it("is not there for a viewer of a chart without scenarios", async () => {
    const viewed = chartRecord(undefined, 1, "view");
    renderApp(
      `/charts/${CHART_ID}`,
      familyApi([viewed], { listScenarios: vi.fn(async () => ({ scenarios: [] })) }),
    );
    await screen.findByTestId("chart-title");
    await waitFor(() => expect(screen.queryByTestId("scenario-switcher")).toBeNull());
  });

  it("still marks a scenario whose primary this person cannot open, without a comparison", async () => {
    const user = userEvent.setup();
    renderApp(`/charts/${SCENARIO_ID}`, familyApi([scenarioRecord()]));
    const button = await switcherButton();
    expect(button).toHaveAccessibleName("Scenario of its primary");
    expect(screen.getByTestId("scenario-banner")).toHaveTextContent(
      "Scenario of another chart · a what-if copy: changes here do not touch it",
    );
    expect(screen.queryByTestId("compare-button")).toBeNull();
    await user.click(button);
    expect(screen.queryByRole("menuitemradio", { name: /Primary/ })).toBeNull();
    expect(screen.queryByRole("menuitem", { name: "Compare with primary" })).toBeNull();
  });
});
