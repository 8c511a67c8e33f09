import { readFile } from "node:fs/promises";
import type { Download, Locator, Page } from "@playwright/test";
import { CHART_URL, expect, test } from "./fixtures";

declare global {
  interface Window {
    /** Every Blob the page made an object URL of (keepBlobs). */
    __blobs?: Map<string, Blob>;
  }
}

/**
 * Keeps the Blobs behind the page's object URLs, so a test can read the preview's SVG: the
 * app's CSP (`connect-src 'self'`) rightly refuses to let the page fetch a blob: URL.
 */
async function keepBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const blobs = new Map<string, Blob>();
    window.__blobs = blobs;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = create(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
  });
}

/** The text of every card of the SVG an <img> shows, by role id (lines joined by spaces). */
async function previewCards(image: Locator): Promise<Record<string, string>> {
  return image.evaluate(async (img: HTMLImageElement) => {
    const blob = window.__blobs?.get(img.src);
    if (blob === undefined) throw new Error("the preview's Blob was not kept (keepBlobs)");
    const svg = await blob.text();
    const document = new DOMParser().parseFromString(svg, "image/svg+xml");
    const cards: Record<string, string> = {};
    for (const card of Array.from(document.querySelectorAll("g[data-role-id]")))
      cards[card.getAttribute("data-role-id") ?? ""] = Array.from(card.querySelectorAll("text"))
        .map((text) => text.textContent ?? "")
        .join(" ");
    return cards;
  });
}

/** Clicks Download and returns the file the browser saved, with its bytes. */
async function download(page: Page, dialog: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const saved = page.waitForEvent("download");
  await dialog.getByTestId("export-download").click();
  const file = await saved;
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

/** A file for an <input type=file>, from text (UTF-8). */
const textFile = (name: string, text: string) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(text, "utf8"),
});

/** An HR export as Excel writes it in much of Europe: a BOM, ";" and CRLF. */
const ORG_CSV = [
  "\uFEFFFull name;Job title;Reports to;Department",
  "Ada Lovelace;Chief Executive Officer;;Board",
  "Grace Hopper;Chief Information Officer;Ada Lovelace;Technology",
  '"Turing, Alan";Chief Technology Officer;Ada Lovelace;Technology',
  ";Head of Data;Grace Hopper;Technology",
  "",
].join("\r\n");

test.describe("export", () => {
  test("previews the whole chart and downloads PNG and PDF files", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Board deck: CIO & CTO");
    await keepBlobs(page);
    await chartPage.goto(chart.id);
    await chartPage.exportButton.click();
    const dialog = chartPage.exportDialog;
    await expect(dialog).toBeVisible();

    // The preview is the renderer's SVG of the whole chart: every role, with its title.
    const image = dialog.getByTestId("export-preview-image");
    await expect(image).toBeVisible();
    const cards = await previewCards(image);
    expect(Object.keys(cards).sort()).toEqual(chart.document.roles.map((r) => r.id).sort());
    for (const role of chart.document.roles) expect(cards[role.id]).toContain(role.title);

    // PNG at the default 2×: the name the dialog shows, real PNG bytes, twice the SVG's size.
    const filename = dialog.getByTestId("export-filename");
    await expect(filename).toHaveText("board-deck-cio-cto.png");
    const png = await download(page, dialog);
    expect(png.file.suggestedFilename()).toBe("board-deck-cio-cto.png");
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svgWidth = await image.evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(png.bytes.readUInt32BE(16)).toBe(svgWidth * 2);
    await expect(dialog.getByTestId("export-status")).toContainText(
      "Downloaded board-deck-cio-cto.png",
    );

    // PDF on A3, fitted to one page.
    await dialog.getByTestId("export-format-pdf").click();
    await expect(dialog.getByTestId("export-scale")).toBeHidden();
    await dialog.getByRole("radio", { name: "A3" }).check();
    await dialog.getByRole("radio", { name: /Fit on one page/ }).check();
    await expect(filename).toHaveText("board-deck-cio-cto.pdf");
    const pdf = await download(page, dialog);
    expect(pdf.file.suggestedFilename()).toBe("board-deck-cio-cto.pdf");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // One page: the fit asked for.
    expect(pdf.bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(chartPage.exportButton).toBeFocused();
  });

  test("saves an edit before it downloads, so the file has it", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Before");
    // Hold the edit back on its way to the server so the download has to wait for it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.routeWebSocket("**/live", (socket) => {
      const server = socket.connectToServer();
      socket.onMessage(async (message) => {
        if (typeof message === "string" && message.includes('"type":"ops"')) await held;
        server.send(message);
      });
    });
    await chartPage.goto(chart.id);
    await expect(page.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live");
    await chartPage.rename("After");
    await chartPage.exportButton.click();
    const dialog = chartPage.exportDialog;
    await dialog.getByTestId("export-format-json").click();
    const saved = page.waitForEvent("download");
    await dialog.getByTestId("export-download").click();
    await expect(dialog.getByTestId("export-status")).toHaveText(
      "Saving your latest changes first…",
    );
    release();
    const file = await saved;
    expect(file.suggestedFilename()).toBe("after.json");
    const document = JSON.parse(await readFile(await file.path(), "utf8")) as { name: string };
    expect(document.name).toBe("After");
  });
});

test.describe("import", () => {
  test("imports a messy org CSV after a preview and opens the new chart", async ({
    api,
    home,
    page,
  }) => {
    await home.goto();
    await home.importButton.click();
    const dialog = home.importDialog;
    await dialog.getByTestId("import-file-input").setInputFiles(textFile("acme_it.csv", ORG_CSV));

    await expect(dialog.getByTestId("import-file-name")).toContainText("acme_it.csv");
    await expect(dialog.getByRole("radio", { name: /Org list CSV/ })).toBeChecked();
    await expect(dialog.getByTestId("import-name")).toHaveValue("acme it");
    await expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok");
    await expect(dialog.getByTestId("import-count-roles")).toContainText("4");
    await expect(dialog.getByTestId("import-count-reporting-lines")).toContainText("3");
    await expect(dialog.getByTestId("import-count-responsibilities")).toContainText("0");

    await dialog.getByTestId("import-name").fill("Acme IT");
    await dialog.getByTestId("import-submit").click();
    await expect(page).toHaveURL(CHART_URL);
    await expect(page.getByTestId("chart-title")).toHaveText("Acme IT");
    const cards = page.getByTestId("role-card");
    await expect(cards).toHaveCount(4);
    for (const title of [
      "Chief Executive Officer",
      "Chief Information Officer",
      "Chief Technology Officer",
      "Head of Data",
    ])
      await expect(cards.filter({ hasText: title })).toHaveCount(1);
    await expect(cards.filter({ hasText: "Turing, Alan" })).toHaveCount(1);

    const { charts } = await api.listCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ name: "Acme IT", counts: { roles: 4 } });
  });

  test("names an unknown manager by line and column, and imports nothing", async ({
    api,
    home,
  }) => {
    await home.goto();
    await home.importButton.click();
    const dialog = home.importDialog;
    const csv = "Name,Title,Manager\nAda,CEO,\nGrace,CIO,J. Doe\nAlan,CTO,Ada\n";
    await dialog.getByTestId("import-file-input").setInputFiles(textFile("people.csv", csv));

    await expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "problems");
    const problems = dialog.getByTestId("import-problems").getByRole("listitem");
    await expect(problems).toHaveCount(1);
    await expect(problems.first()).toContainText("Line 3, column Manager");
    await expect(problems.first()).toContainText('"J. Doe"');
    await expect(dialog.getByTestId("import-submit")).toBeDisabled();

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await api.listCharts()).total).toBe(0);
  });

  test("merges a matrix CSV into the open chart and the matrix shows it", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Merge target");
    await chartPage.goto(chart.id);
    await chartPage.rename("Merge target, renamed");
    await chartPage.expectSaved();
    await expect(chartPage.undoButton).toBeEnabled();

    await chartPage.importMatrixButton.click();
    const dialog = chartPage.importDialog;
    const csv =
      "Responsibility,Chief Information Officer,Chief Technology Officer\r\nQuantum readiness,A,R/C\r\n";
    await dialog.getByTestId("import-file-input").setInputFiles(textFile("raci.csv", csv));
    await expect(dialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok");
    await expect(dialog.getByTestId("import-count-responsibilities")).toContainText("1");
    await expect(dialog.getByTestId("import-count-assignments")).toContainText("3");
    await dialog.getByTestId("import-submit").click();
    await expect(dialog).toBeHidden();

    await expect(chartPage.notice).toContainText("Imported the matrix from “raci.csv”");
    await expect(chartPage.notice).toContainText("Undo history was cleared");
    await expect(chartPage.undoButton).toBeDisabled();
    await expect(chartPage.title).toHaveText("Merge target, renamed");

    const stored = await api.getChart(chart.id);
    const row = stored.document.responsibilities.find((r) => r.name === "Quantum readiness");
    expect(row).toBeDefined();
    const matrix = page.getByTestId("matrix");
    await matrix
      .getByTestId("matrix-scroller")
      .evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(matrix.getByTestId(`rowheader-${row?.id}`)).toContainText("Quantum readiness");
    await expect(matrix.getByTestId(`cell-cio-${row?.id}`)).toHaveAccessibleName(/: A$/);
    await expect(matrix.getByTestId(`cell-cto-${row?.id}`)).toHaveAccessibleName(/: R\/C$/);
  });
});
