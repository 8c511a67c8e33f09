import type { ChartDocument } from "@rolemap/contract";
import { getTemplate, validateChart } from "@rolemap/domain";
import { exportFilename as exportFileName } from "@rolemap/export/naming";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { saveFile } from "../lib/save-file";
import { CHART_ID, chartRecord, FakeServer } from "../test/editor-fixtures";
import { cardTexts, stubObjectUrls } from "../test/object-urls";
import { fakeApi, liveApi, renderApp } from "../test/render";

// The regions have their own tests; stand-ins keep this one about the dialog.
vi.mock("../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));
vi.mock("../lib/save-file", () => ({ saveFile: vi.fn() }));

const record = chartRecord();
const png = () => ({
  blob: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }),
  filename: "classic-cio-cto-split.png",
});
function chartApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    getChart: vi.fn(async () => record),
    exportChart: vi.fn(async () => png()),
    ...overrides,
  });
}

async function openExport(api = chartApi()) {
  const user = userEvent.setup();
  renderApp(`/charts/${CHART_ID}`, api);
  await user.click(await screen.findByTestId("export-button"));
  const dialog = await screen.findByTestId("export-dialog");
  return { user, api, dialog: within(dialog), element: dialog };
}

let urls: ReturnType<typeof stubObjectUrls>;
beforeEach(() => {
  urls = stubObjectUrls();
  vi.mocked(saveFile).mockClear();
});

describe("ExportDialog", () => {
  it("shows only the options each format uses, and the file name it will have", async () => {
    const { user, dialog } = await openExport();
    const visible = () => ({
      scale: dialog.queryByTestId("export-scale") !== null,
      page: dialog.queryByTestId("export-page") !== null,
      fit: dialog.queryByTestId("export-fit") !== null,
      findings: dialog.queryByTestId("export-findings") !== null,
    });

    expect(dialog.getByRole("radio", { name: "PNG" })).toBeChecked();
    expect(dialog.getByRole("radio", { name: "2×" })).toBeChecked();
    expect(visible()).toEqual({ scale: true, page: false, fit: false, findings: true });
    expect(dialog.getByTestId("export-filename")).toHaveTextContent(
      exportFileName(record.document.name, "png"),
    );

    await user.click(dialog.getByRole("radio", { name: "PDF" }));
    expect(visible()).toEqual({ scale: false, page: true, fit: true, findings: true });
    expect(dialog.getByRole("radio", { name: "A4" })).toBeChecked();
    expect(dialog.getByRole("radio", { name: /Split across pages/ })).toBeChecked();
    expect(dialog.getByTestId("export-filename")).toHaveTextContent(
      exportFileName(record.document.name, "pdf"),
    );

    for (const [format, options] of [
      ["SVG", { scale: false, page: false, fit: false, findings: true }],
      ["PowerPoint", { scale: false, page: false, fit: false, findings: true }],
      ["JSON", { scale: false, page: false, fit: false, findings: false }],
      ["Matrix CSV", { scale: false, page: false, fit: false, findings: false }],
      ["Matrix Excel", { scale: false, page: false, fit: false, findings: true }],
    ] as const) {
      await user.click(dialog.getByRole("radio", { name: format }));
      expect(visible(), format).toEqual(options);
    }
    expect(dialog.getByRole("button", { name: "Download Matrix Excel" })).toBeEnabled();
  });

  it("previews the whole chart with the export renderer, and its findings when asked", async () => {
    // A template with a finding, so the badges and the appendix have something to show.
    const withFinding = chartRecord(getTemplate("product-led")?.document as ChartDocument);
    const record = withFinding;
    const findings = validateChart(record.document);
    expect(findings.length).toBeGreaterThan(0);
    const { user, dialog } = await openExport(chartApi({ getChart: vi.fn(async () => record) }));
    const image = await dialog.findByTestId("export-preview-image");
    const first = image.getAttribute("src");
    const svg = await urls.text(first);
    const cards = cardTexts(svg);
    expect([...cards.keys()]).toEqual(record.document.roles.map((role) => role.id));
    for (const role of record.document.roles)
      expect(cards.get(role.id)?.replace(/\s+/g, " ")).toContain(role.title);
    expect(svg).not.toContain('data-part="findings"');

    await user.click(dialog.getByRole("checkbox", { name: /Show findings/ }));
    await waitFor(() => expect(image.getAttribute("src")).not.toBe(first));
    expect(urls.live.has(first ?? "")).toBe(false); // the old picture's URL is revoked
    const withFindings = await urls.text(image.getAttribute("src"));
    expect(withFindings).toContain('data-part="findings"');
    expect(withFindings.match(/<g data-finding=/g)?.length).toBe(findings.length);
    expect(withFindings).toContain("data-badge=");
  });

  it("previews the first rows of the matrix for the spreadsheet formats", async () => {
    const { user, dialog } = await openExport();
    await user.click(dialog.getByRole("radio", { name: "Matrix CSV" }));
    const table = dialog.getByTestId("export-matrix-sample");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    expect(headers.slice(0, 3)).toEqual([
      "Responsibility",
      "Category",
      record.document.roles[0]?.title,
    ]);
    expect(within(table).getAllByRole("row")).toHaveLength(
      1 + Math.min(8, record.document.responsibilities.length),
    );
    expect(dialog.queryByTestId("export-preview-image")).toBeNull();
  });

  it("downloads the file from the API with the chosen options", async () => {
    const exportChart = vi.fn(async () => ({ ...png(), filename: "from-the-server.pdf" }));
    const { user, api, dialog } = await openExport(chartApi({ exportChart }));
    await user.click(dialog.getByRole("radio", { name: "PDF" }));
    await user.click(dialog.getByRole("radio", { name: "A3" }));
    await user.click(dialog.getByRole("radio", { name: /Fit on one page/ }));
    await user.click(dialog.getByRole("checkbox", { name: /Show findings/ }));
    await user.click(dialog.getByRole("button", { name: "Download PDF" }));

    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(api.exportChart).toHaveBeenCalledWith(CHART_ID, {
      format: "pdf",
      scale: 2,
      page: "a3",
      fit: "one-page",
      findings: true,
    });
    // The server's name wins over the one the dialog worked out.
    expect(vi.mocked(saveFile).mock.calls[0]?.[1]).toBe("from-the-server.pdf");
    expect(dialog.getByTestId("export-status")).toHaveTextContent(
      "✓ Downloaded from-the-server.pdf (4 bytes).",
    );
  });

  it("waits for edits still being saved before it downloads", async () => {
    const server = new FakeServer(record);
    const user = userEvent.setup();
    const api = liveApi(server, { exportChart: vi.fn(async () => png()) });
    renderApp(`/charts/${CHART_ID}`, api);
    await waitFor(() =>
      expect(screen.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live"),
    );
    server.hold();
    await user.click(await screen.findByTestId("chart-title"));
    await user.type(screen.getByRole("textbox", { name: "Chart name" }), " v2{Enter}");
    await user.click(screen.getByTestId("export-button"));
    const dialog = within(await screen.findByTestId("export-dialog"));
    expect(dialog.getByTestId("export-filename")).toHaveTextContent(/-v2\.png$/);

    await user.click(dialog.getByTestId("export-download"));
    expect(dialog.getByTestId("export-status")).toHaveTextContent(
      "Saving your latest changes first…",
    );
    expect(dialog.getByTestId("export-download")).toBeDisabled();
    expect(api.exportChart).not.toHaveBeenCalled();

    server.release();
    await waitFor(() => expect(api.exportChart).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
  });

  it("does not download while offline, and says why", async () => {
    const server = new FakeServer(record);
    const user = userEvent.setup();
    const api = liveApi(server, { exportChart: vi.fn(async () => png()) });
    renderApp(`/charts/${CHART_ID}`, api);
    await waitFor(() =>
      expect(screen.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live"),
    );
    server.down = true;
    server.dropAll();
    await user.click(await screen.findByTestId("chart-title"));
    await user.type(screen.getByRole("textbox", { name: "Chart name" }), " v2{Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("save-status")).toHaveAttribute("data-status", "offline"),
    );
    await user.click(screen.getByTestId("export-button"));
    const dialog = within(await screen.findByTestId("export-dialog"));

    expect(dialog.getByTestId("export-download")).toBeDisabled();
    expect(dialog.getByTestId("export-status")).toHaveTextContent(
      "Offline: 1 change not saved yet, so a file now would miss them.",
    );
    server.down = false;
    await user.click(dialog.getByRole("button", { name: "Retry saving" }));
    await waitFor(() => expect(server.record.document.name).toMatch(/ v2$/));
    expect(server.batches).toHaveLength(1);
    expect(api.exportChart).not.toHaveBeenCalled();
  });

  it("shows why an export failed, and can try again", async () => {
    const exportChart = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(500, "internal", "export of chart x as png failed"))
      .mockResolvedValue(png());
    const { user, dialog } = await openExport(chartApi({ exportChart }));
    await user.click(dialog.getByTestId("export-download"));
    expect(await dialog.findByText(/The export failed: export of chart x as png failed/)).toBe(
      dialog.getByTestId("export-status"),
    );
    await user.click(dialog.getByTestId("export-download"));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
  });

  it("closes with Escape (the dialog's cancel) and with Close", async () => {
    const { user, element } = await openExport();
    element.dispatchEvent(new Event("cancel", { cancelable: true }));
    await waitFor(() => expect(screen.queryByTestId("export-dialog")).toBeNull());
    await user.click(screen.getByTestId("export-button"));
    await user.click(
      within(await screen.findByTestId("export-dialog")).getByRole("button", { name: "Close" }),
    );
    expect(screen.queryByTestId("export-dialog")).toBeNull();
  });
});
