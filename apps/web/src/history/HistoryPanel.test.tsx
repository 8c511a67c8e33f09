import type { ChartDocument, VersionSummary } from "@rolemap/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type ChartEditor, selectCanEdit, selectRole, useEditorSelector } from "../editor";
import { CHART_ID, chartRecord, FakeServer } from "../test/editor-fixtures";
import { liveApi, renderApp } from "../test/render";
import { formatVersionTime } from "./version-groups";

// The canvas as a line of text: which chart it shows, and whether it offers edits.
vi.mock("../canvas/ChartCanvas", () => ({
  ChartCanvas: ({ editor }: { editor: ChartEditor }) => {
    const cto = useEditorSelector(editor, selectRole("cto"));
    const canEdit = useEditorSelector(editor, selectCanEdit);
    return (
      <p data-testid="canvas-stand-in" data-can-edit={canEdit}>
        {cto?.title}
      </p>
    );
  },
}));
vi.mock("../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

const record = chartRecord(undefined, 9);
/** Half past the current minute: a few seconds either side stay in the same minute. */
const MID_MINUTE = Math.floor(Date.now() / 60_000) * 60_000 + 30_000;
const at = (minutesAgo: number, seconds = 0) =>
  new Date(MID_MINUTE - minutesAgo * 60_000 - seconds * 1000).toISOString();
const version = (
  n: number,
  by: string,
  when: string,
  kind: VersionSummary["kind"] = "operations",
): VersionSummary => ({ version: n, kind, by: { name: by }, at: when, summary: `change ${n}` });

// Versions 9 … 1: Ana's three edits in one minute are one group.
const PAGE_1 = [
  version(9, "Bo", at(1)),
  version(8, "Ana", at(5, 1)),
  version(7, "Ana", at(5, 2)),
  version(6, "Ana", at(5, 3)),
  version(5, "Bo", at(30)),
];
const PAGE_2 = [version(4, "Bo", at(60)), version(1, "Ana", at(120), "create")];

function oldDocument(title: string): ChartDocument {
  return {
    ...record.document,
    roles: record.document.roles.map((role) => (role.id === "cto" ? { ...role, title } : role)),
  };
}

function historyApi(overrides: Parameters<typeof liveApi>[1] = {}) {
  const server = new FakeServer(record);
  const api = liveApi(server, {
    listVersions: vi.fn(async (_id: string, page: { before?: number } = {}) =>
      page.before === undefined ? { versions: PAGE_1, next: 5 } : { versions: PAGE_2, next: null },
    ),
    getVersion: vi.fn(async (id: string, v: number) => ({
      id,
      version: v,
      document: oldDocument(`CTO at ${v}`),
    })),
    ...overrides,
  });
  return { server, api };
}

async function openHistory(overrides: Parameters<typeof liveApi>[1] = {}) {
  const user = userEvent.setup();
  const { server, api } = historyApi(overrides);
  renderApp(`/charts/${CHART_ID}`, api);
  await user.click(await screen.findByTestId("side-tab-history"));
  const panel = await screen.findByTestId("history-panel");
  await within(panel).findAllByTestId("version-row");
  return { user, api, server, panel };
}

const canvas = () => screen.getByTestId("canvas-stand-in");
const rowOf = (panel: HTMLElement, v: number) =>
  panel.querySelector(`[data-testid="version-row"][data-version="${v}"]`) as HTMLElement;

beforeEach(() => localStorage.clear());

describe("HistoryPanel", () => {
  it("lists versions newest first, grouped by person and minute, and loads older ones", async () => {
    const { user, api, panel } = await openHistory();
    const groups = within(panel).getAllByTestId("version-group");
    expect(groups).toHaveLength(3);
    expect(groups[0]).toHaveTextContent("Bo");
    expect(within(groups[0] as HTMLElement).getByTestId("version-row")).toHaveTextContent("Now");
    // Ana's three edits: the newest shown, the others behind a toggle.
    const ana = groups[1] as HTMLElement;
    expect(ana).toHaveAttribute("data-count", "3");
    expect(within(ana).getAllByTestId("version-row")).toHaveLength(1);
    const toggle = within(ana).getByTestId("version-group-toggle");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveTextContent("Show 2 earlier changes by Ana in that minute");
    await user.click(toggle);
    expect(
      within(ana)
        .getAllByTestId("version-row")
        .map((r) => r.dataset.version),
    ).toEqual(["8", "7", "6"]);

    await user.click(within(panel).getByTestId("load-older-versions"));
    await waitFor(() => expect(rowOf(panel, 1)).not.toBeNull());
    expect(api.listVersions).toHaveBeenLastCalledWith(
      CHART_ID,
      { before: 5, limit: 50 },
      expect.anything(),
    );
    expect(rowOf(panel, 1)).toHaveTextContent("Created");
    expect(within(panel).queryByTestId("load-older-versions")).toBeNull();
  });

  it("shows a past version read-only, and Escape or Back to now returns", async () => {
    const { user, panel } = await openHistory();
    await waitFor(() => expect(canvas()).toHaveAttribute("data-can-edit", "true"));
    const live = canvas().textContent;

    await user.click(rowOf(panel, 5));
    const banner = await screen.findByTestId("version-preview-banner");
    await waitFor(() => expect(canvas()).toHaveTextContent("CTO at 5"));
    expect(banner).toHaveTextContent(
      `Viewing version 5 · ${formatVersionTime(at(30))} by Bo — read-only`,
    );
    expect(canvas()).toHaveAttribute("data-can-edit", "false");
    expect(rowOf(panel, 5)).toHaveAttribute("aria-pressed", "true");
    expect(screen.queryByTestId("undo-button")).toBeNull();

    // Another version, in place.
    await user.click(rowOf(panel, 9 - 1));
    await waitFor(() => expect(canvas()).toHaveTextContent("CTO at 8"));

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("version-preview-banner")).toBeNull());
    expect(canvas()).toHaveTextContent(live ?? "");
    expect(canvas()).toHaveAttribute("data-can-edit", "true");

    await user.click(rowOf(panel, 5));
    await user.click(await screen.findByTestId("back-to-now"));
    expect(screen.queryByTestId("version-preview-banner")).toBeNull();
    // The newest version is now: choosing it shows the live chart.
    await user.click(rowOf(panel, 9));
    expect(screen.queryByTestId("version-preview-banner")).toBeNull();
  });

  it("restores a version after the owner confirms it", async () => {
    const restoreVersion = vi.fn(async () => ({ ...record, version: 10 }));
    const { user } = await openHistory({ restoreVersion });
    await user.click(rowOf(screen.getByTestId("history-panel"), 5));
    await user.click(await screen.findByTestId("restore-version-button"));
    const dialog = screen.getByTestId("restore-dialog");
    expect(dialog).toHaveTextContent("Restore version 5?");
    expect(dialog).toHaveTextContent("nothing is erased");
    await user.click(within(dialog).getByTestId("confirm-restore"));
    expect(restoreVersion).toHaveBeenCalledWith(CHART_ID, { version: 5 });
    await waitFor(() => expect(screen.queryByTestId("version-preview-banner")).toBeNull());
  });

  it("offers no restore below owner", async () => {
    const server = new FakeServer(chartRecord(undefined, 9, "edit"));
    const user = userEvent.setup();
    renderApp(
      `/charts/${CHART_ID}`,
      liveApi(server, {
        listVersions: vi.fn(async () => ({ versions: PAGE_1, next: null })),
        getVersion: vi.fn(async (id: string, v: number) => ({
          id,
          version: v,
          document: oldDocument("old"),
        })),
      }),
    );
    await user.click(await screen.findByTestId("side-tab-history"));
    const panel = await screen.findByTestId("history-panel");
    await waitFor(() => expect(rowOf(panel, 5)).not.toBeNull());
    await user.click(rowOf(panel, 5));
    await screen.findByText("Viewing version 5");
    expect(screen.queryByTestId("restore-version-button")).toBeNull();
  });

  it("says when the history cannot be loaded, and when a version cannot", async () => {
    const { ApiError } = await import("../api/client");
    const { user, panel } = await openHistory({
      getVersion: vi.fn(async () => {
        throw new ApiError(404, "not_found", "version 5 was compacted away");
      }),
    });
    await user.click(rowOf(panel, 5));
    expect(await screen.findByTestId("version-preview-banner")).toHaveTextContent(
      "Version 5 could not be loaded: version 5 was compacted away",
    );
  });
});
