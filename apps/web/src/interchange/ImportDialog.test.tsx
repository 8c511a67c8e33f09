import type { ChartRecord, ImportPreview, ImportProblem } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { CHART_ID, chartRecord, FakeServer } from "../test/editor-fixtures";
import { fakeApi, liveApi, renderApp } from "../test/render";

vi.mock("../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

const ORG_CSV = "\uFEFFName;Job title;Manager\nAnn Lee;CEO;\nBo Chen;CIO;Ann Lee\n";
const MATRIX_CSV = "Responsibility,Category,CIO\nBudget,Finance,A\n";
const NEW_ID = "7d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

const counts = (roles: number, reportingLines: number, responsibilities = 0, assignments = 0) => ({
  roles,
  reportingLines,
  responsibilities,
  assignments,
});
const ok = (preview: ImportPreview["counts"]): ImportPreview => ({ counts: preview, problems: [] });
const csv = (text: string, name: string) => new File([text], name, { type: "text/csv" });

/** A promise and the function that settles it, for states in between. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function openImport(api: ReturnType<typeof fakeApi>) {
  const user = userEvent.setup();
  renderApp("/", api);
  await user.click(await screen.findByTestId("import-chart-button"));
  const element = await screen.findByTestId("import-dialog");
  return { user, element, dialog: within(element) };
}

describe("ImportDialog (a new chart)", () => {
  it("guesses an org list, previews it, imports it and opens the new chart", async () => {
    const answer = deferred<ImportPreview>();
    const api = fakeApi({
      previewImport: vi.fn(() => answer.promise),
      importChart: vi.fn(async () => ({ ...chartRecord(), id: NEW_ID })),
    });
    const { user, dialog } = await openImport(api);
    expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "empty");
    expect(dialog.getByTestId("import-submit")).toBeDisabled();

    await user.upload(dialog.getByTestId("import-file-input"), csv(ORG_CSV, "acme_people.csv"));
    expect(await dialog.findByTestId("import-file-name")).toHaveTextContent("acme_people.csv");
    expect(dialog.getByRole("radio", { name: /Org list CSV/ })).toBeChecked();
    expect(dialog.getByTestId("import-name")).toHaveValue("acme people");
    expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "loading");
    expect(dialog.getByTestId("import-submit")).toBeDisabled();
    // The BOM is gone: the text is what the file says.
    expect(api.previewImport).toHaveBeenCalledWith(
      { format: "org-csv", into: undefined },
      ORG_CSV.slice(1),
      expect.anything(),
    );

    answer.resolve(ok(counts(2, 1)));
    await waitFor(() =>
      expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok"),
    );
    expect(dialog.getByTestId("import-count-roles")).toHaveTextContent("Roles2");
    expect(dialog.getByTestId("import-count-reporting-lines")).toHaveTextContent(
      "Reporting lines1",
    );
    expect(dialog.getByText(/No problems: ready to import/)).toBeInTheDocument();

    await user.clear(dialog.getByTestId("import-name"));
    await user.type(dialog.getByTestId("import-name"), "Acme IT");
    await user.click(dialog.getByTestId("import-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${NEW_ID}`),
    );
    expect(api.importChart).toHaveBeenCalledWith(
      { format: "org-csv", into: undefined, name: "Acme IT" },
      ORG_CSV.slice(1),
    );
  });

  it("guesses a matrix and a JSON chart, and previews again when the format is changed", async () => {
    const api = fakeApi({ previewImport: vi.fn(async () => ok(counts(1, 0, 1, 1))) });
    const { user, dialog } = await openImport(api);

    await user.upload(dialog.getByTestId("import-file-input"), csv(MATRIX_CSV, "raci.csv"));
    await waitFor(() => expect(dialog.getByRole("radio", { name: /Matrix CSV/ })).toBeChecked());
    await waitFor(() => expect(api.previewImport).toHaveBeenCalledTimes(1));
    expect(api.previewImport).toHaveBeenLastCalledWith(
      { format: "matrix-csv", into: undefined },
      MATRIX_CSV,
      expect.anything(),
    );

    await user.click(dialog.getByRole("radio", { name: /Org list CSV/ }));
    await waitFor(() => expect(api.previewImport).toHaveBeenCalledTimes(2));
    expect(api.previewImport).toHaveBeenLastCalledWith(
      { format: "org-csv", into: undefined },
      MATRIX_CSV,
      expect.anything(),
    );

    const json = JSON.stringify(chartRecord().document);
    await user.upload(
      dialog.getByTestId("import-file-input"),
      new File([json], "backup.json", { type: "application/json" }),
    );
    await waitFor(() => expect(dialog.getByRole("radio", { name: /Rolemap JSON/ })).toBeChecked());
    // A JSON chart keeps its own name.
    expect(dialog.getByTestId("import-name")).toHaveValue(chartRecord().document.name);
  });

  it("lists the problems with line and column, at most 200, and keeps Import disabled", async () => {
    const problems: ImportProblem[] = Array.from({ length: 250 }, (_, at) => ({
      line: at + 2,
      column: "Manager",
      message: `manager "Nobody ${at}" matches no one`,
    }));
    problems.push({ line: null, column: null, message: "the file has no title column" });
    const api = fakeApi({
      previewImport: vi.fn(async () => ({ counts: counts(250, 0), problems })),
    });
    const { user, dialog } = await openImport(api);
    await user.upload(dialog.getByTestId("import-file-input"), csv(ORG_CSV, "people.csv"));

    await waitFor(() =>
      expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "problems"),
    );
    expect(dialog.getByText(/251 problems: fix them in the file/)).toBeInTheDocument();
    const list = dialog.getByTestId("import-problems");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(200);
    expect(items[0]).toHaveTextContent('Line 2, column Managermanager "Nobody 0" matches no one');
    expect(dialog.getByTestId("import-problems-more")).toHaveTextContent("and 51 more problems");
    expect(dialog.getByTestId("import-submit")).toBeDisabled();
    await user.click(dialog.getByTestId("import-submit"));
    expect(api.importChart).not.toHaveBeenCalled();
  });

  it("shows when the file cannot be checked, and checks it again on request", async () => {
    const previewImport = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "internal", "Service unavailable"))
      .mockResolvedValue(ok(counts(2, 1)));
    const { user, dialog } = await openImport(fakeApi({ previewImport }));
    await user.upload(dialog.getByTestId("import-file-input"), csv(ORG_CSV, "people.csv"));

    const error = await dialog.findByTestId("error-state");
    expect(error).toHaveTextContent("The file could not be checked.");
    expect(error).toHaveTextContent("Service unavailable");
    expect(dialog.getByTestId("import-submit")).toBeDisabled();
    await user.click(within(error).getByRole("button", { name: "Try again" }));
    await waitFor(() =>
      expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok"),
    );
  });

  it("says an empty file is empty without asking the server", async () => {
    const api = fakeApi();
    const { user, dialog } = await openImport(api);
    await user.upload(dialog.getByTestId("import-file-input"), csv(" \n", "empty.csv"));
    expect(await dialog.findByText("The file is empty.")).toBeInTheDocument();
    expect(api.previewImport).not.toHaveBeenCalled();
    expect(dialog.getByTestId("import-submit")).toBeDisabled();
  });

  it("lists every problem when the server refuses the import itself", async () => {
    const refused = new ApiError(
      400,
      "invalid_input",
      "the file cannot be imported: 1 problem; nothing was stored",
      [{ path: "line 3, column Manager", message: 'manager "Bo" matches no one' }],
    );
    const api = fakeApi({
      previewImport: vi.fn(async () => ok(counts(2, 1))),
      importChart: vi.fn(async () => {
        throw refused;
      }),
    });
    const { user, dialog } = await openImport(api);
    await user.upload(dialog.getByTestId("import-file-input"), csv(ORG_CSV, "people.csv"));
    await waitFor(() => expect(dialog.getByTestId("import-submit")).toBeEnabled());
    await user.click(dialog.getByTestId("import-submit"));

    const error = await dialog.findByTestId("import-error");
    expect(error).toHaveTextContent("Nothing was imported: the file cannot be imported");
    expect(within(error).getByRole("listitem")).toHaveTextContent(
      'Line 3, column Managermanager "Bo" matches no one',
    );
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/$/);
  });

  it("takes a file dropped anywhere on the dialog", async () => {
    const api = fakeApi({ previewImport: vi.fn(async () => ok(counts(2, 1))) });
    const { element, dialog } = await openImport(api);
    const file = csv(ORG_CSV, "dropped.csv");
    const dataTransfer = { files: [file], types: ["Files"], dropEffect: "none" };

    fireEvent.dragOver(element, { dataTransfer });
    expect(dialog.getByTestId("import-drop-zone")).toHaveAttribute("data-dragging", "true");
    fireEvent.drop(element, { dataTransfer });
    expect(await dialog.findByTestId("import-file-name")).toHaveTextContent("dropped.csv");
    expect(dialog.getByTestId("import-drop-zone")).toHaveAttribute("data-dragging", "false");
    await waitFor(() => expect(api.previewImport).toHaveBeenCalledTimes(1));
  });
});

describe("ImportDialog (a matrix merged into the open chart)", () => {
  const record = chartRecord();
  /** The chart after the merge: one more responsibility, with no one accountable for it. */
  const merged: ChartRecord = {
    ...record,
    version: record.version + 5,
    document: {
      ...record.document,
      responsibilities: [
        ...record.document.responsibilities,
        { id: "budget-2027", name: "Budget 2027" },
      ],
    },
  };

  /** The chart on a live FakeServer, and the import routes answering `merged`. */
  function chartApi(server = new FakeServer(record)) {
    return liveApi(server, {
      previewImport: vi.fn(async () => ok(counts(0, 0, 1, 0))),
      importChart: vi.fn(async () => merged),
    });
  }

  it("previews into this chart, merges, reloads the editor and says undo was reset", async () => {
    const user = userEvent.setup();
    const api = chartApi();
    renderApp(`/charts/${CHART_ID}`, api);
    await user.click(await screen.findByTestId("chart-title"));
    await user.type(screen.getByRole("textbox", { name: "Chart name" }), " v2{Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("save-status")).toHaveAttribute("data-status", "saved"),
    );
    expect(screen.getByTestId("undo-button")).toBeEnabled();

    await user.click(screen.getByTestId("import-matrix-button"));
    const dialog = within(await screen.findByTestId("import-dialog"));
    expect(dialog.getByRole("heading")).toHaveTextContent("Import a matrix into this chart");
    expect(dialog.queryByRole("radio")).toBeNull();
    expect(dialog.queryByTestId("import-name")).toBeNull();

    await user.upload(dialog.getByTestId("import-file-input"), csv(MATRIX_CSV, "raci.csv"));
    await waitFor(() =>
      expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok"),
    );
    expect(api.previewImport).toHaveBeenCalledWith(
      { format: "matrix-csv", into: CHART_ID },
      MATRIX_CSV,
      expect.anything(),
    );
    expect(dialog.getByTestId("import-count-responsibilities")).toHaveTextContent(
      "New responsibilities1",
    );
    expect(dialog.getByTestId("import-count-assignments")).toHaveTextContent("Assignments set0");

    await user.click(dialog.getByRole("button", { name: "Merge into chart" }));
    await waitFor(() => expect(screen.queryByTestId("import-dialog")).toBeNull());
    expect(api.importChart).toHaveBeenCalledWith(
      { format: "matrix-csv", into: CHART_ID, name: undefined },
      MATRIX_CSV,
    );
    expect(screen.getByTestId("notice")).toHaveTextContent(
      "Imported the matrix from “raci.csv” (1 new responsibility, 0 assignments set). Undo history was cleared",
    );
    expect(screen.getByTestId("undo-button")).toBeDisabled();
    // The editor now shows the merged chart: its findings are the merged chart's.
    expect(screen.getByTestId("toggle-findings")).toHaveTextContent(
      `Findings (${validateChart(merged.document).length})`,
    );
    expect(screen.getByTestId("chart-title")).toHaveTextContent(merged.document.name);
  });

  it("waits for the chart's edits to be saved before it merges", async () => {
    const server = new FakeServer(record);
    const api = chartApi(server);
    const user = userEvent.setup();
    renderApp(`/charts/${CHART_ID}`, api);
    await waitFor(() => expect(server.sockets.size).toBe(1));
    server.hold();
    await user.click(await screen.findByTestId("chart-title"));
    await user.type(screen.getByRole("textbox", { name: "Chart name" }), " v2{Enter}");
    await user.click(screen.getByTestId("import-matrix-button"));
    const dialog = within(await screen.findByTestId("import-dialog"));
    await user.upload(dialog.getByTestId("import-file-input"), csv(MATRIX_CSV, "raci.csv"));
    await waitFor(() =>
      expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok"),
    );

    expect(dialog.getByTestId("import-save-status")).toHaveTextContent(
      "Saving your latest changes…",
    );
    expect(dialog.getByTestId("import-submit")).toBeDisabled();
    server.release();
    await waitFor(() => expect(dialog.getByTestId("import-submit")).toBeEnabled());
    expect(dialog.queryByTestId("import-save-status")).toBeNull();
  });
});
