import {
  type ChartDocument,
  type ExportFormat,
  ExportOptionsSchema,
  parseChart,
} from "@rolemap/contract";
import { escapeSpreadsheetText, exportMatrixCsv, importMatrixCsv } from "@rolemap/interchange";
import { cleanText, xmlSafeText } from "@rolemap/render";
import { describe, expect, it } from "vitest";
import { exportChart } from "./export-chart";
import { HOSTILE_TEXTS, hostileChart } from "./testing/hostile-chart";
import { readPdf } from "./testing/read-pdf";
import { readXml, type XmlElement, xmlElements, xmlText } from "./testing/read-xml";
import { readZip } from "./testing/read-zip";

const exportAs = (document: ChartDocument, format: ExportFormat) =>
  exportChart(document, ExportOptionsSchema.parse({ format, findings: "true", scale: "1" }));

/** Starts a spreadsheet would run as a formula: a break, or a trigger of any width after white space. */
const TRIGGER_FIRST = /^[\s\p{Cc}\p{Cf}]*?[\t\r\n=+\-@＝＋－＠﹦﹢﹣﹫]/u;
/** Strict UTF-8, keeping a byte order mark (the CSV's) as text. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Every XML part of a PPTX or XLSX, read strictly (bytes must be UTF-8, too). */
async function xmlParts(body: Uint8Array): Promise<Map<string, XmlElement>> {
  const zip = await readZip(body);
  const parts = new Map<string, XmlElement>();
  for (const path of zip.paths.filter((p) => /\.(xml|rels|vml)$/.test(p)))
    parts.set(path, readXml(utf8.decode(await zip.bytes(path))));
  return parts;
}

/** The element and attribute names of XML parts. */
function markupOf(roots: Iterable<XmlElement>): Set<string> {
  const names = new Set<string>();
  for (const root of roots)
    for (const element of xmlElements(root)) {
      names.add(`<${element.name}>`);
      for (const attribute of Object.keys(element.attributes)) names.add(`@${attribute}`);
    }
  return names;
}

/**
 * What the same chart with harmless text writes: markup a hostile text's export has beyond
 * that was made from the text.
 */
const harmlessMarkup = new Map<string, Promise<Set<string>>>();
const harmless = (format: "svg" | "pptx" | "xlsx") => {
  const read = async () => {
    const { body } = await exportAs(hostileChart("Plain"), format);
    return markupOf(
      format === "svg" ? [readXml(utf8.decode(body))] : (await xmlParts(body)).values(),
    );
  };
  const known = harmlessMarkup.get(format) ?? read();
  harmlessMarkup.set(format, known);
  return known;
};
const newMarkup = (names: Set<string>, allowed: Set<string>) =>
  [...names].filter((name) => !allowed.has(name));

/** A file name a Content-Disposition header and every file system take as it is. */
const SAFE_FILENAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:svg|png|pdf|pptx|json|csv|xlsx)$/;

describe.each(HOSTILE_TEXTS)("exports of a chart with %j in every text field", (text) => {
  const document = hostileChart(text);
  /** How the chart's pictures and slides show a text: on one line, nothing XML forbids. */
  const shown = cleanText(text);

  it("is a valid chart", () => {
    expect(parseChart(document).ok).toBe(true);
  });

  it("SVG: strict XML, no markup from the text, the text escaped", async () => {
    const file = await exportAs(document, "svg");
    expect(file.filename).toMatch(SAFE_FILENAME);
    const svg = utf8.decode(file.body);
    const root = readXml(svg);
    expect(newMarkup(markupOf([root]), await harmless("svg"))).toEqual([]);
    expect(svg).not.toMatch(/<script|<img|<b>/);
    const title = xmlElements(root).find((e) => e.name === "title");
    expect(title && xmlText(title)).toBe(shown);
    expect(svg).toContain(`<title>${escapeXml(shown)}</title>`);
  });

  it("PNG: rendered, safely named", async () => {
    const file = await exportAs(document, "png");
    expect(file.filename).toMatch(SAFE_FILENAME);
    expect([...file.body.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it("PDF: written and readable, safely named, titled with the name", async () => {
    const file = await exportAs(document, "pdf");
    expect(file.filename).toMatch(SAFE_FILENAME);
    const pdf = await readPdf(file.body);
    expect(pdf.info.Title).toBe(shown);
    expect(pdf.pages.length).toBeGreaterThan(1);
  });

  it("PPTX: every part strict XML, no markup from the text, the texts escaped", async () => {
    const file = await exportAs(document, "pptx");
    expect(file.filename).toMatch(SAFE_FILENAME);
    const parts = await xmlParts(file.body);
    expect(newMarkup(markupOf(parts.values()), await harmless("pptx"))).toEqual([]);
    const texts = (path: string) => {
      const root = parts.get(path);
      if (root === undefined) throw new Error(`no ${path}`);
      return xmlElements(root)
        .filter((e) => e.name === "a:t" || e.name === "dc:title")
        .map(xmlText);
    };
    expect(texts("docProps/core.xml")).toEqual([shown]);
    expect(texts("ppt/slides/slide1.xml")).toContain(shown);
    // The matrix: role titles, the holder, responsibility names and categories.
    expect(texts("ppt/slides/slide2.xml")).toEqual(
      expect.arrayContaining([shown, `${shown} 2`, `${shown} 3`]),
    );
  });

  it("XLSX: every part strict XML, no markup from the text, every cell neutralised", async () => {
    const file = await exportAs(document, "xlsx");
    expect(file.filename).toMatch(SAFE_FILENAME);
    const parts = await xmlParts(file.body);
    // exceljs marks a text with line breaks `xml:space="preserve"`: its own attribute, not the text's.
    const allowed = new Set([...(await harmless("xlsx")), "@xml:space"]);
    expect(newMarkup(markupOf(parts.values()), allowed)).toEqual([]);

    // Every text of the workbook: shared strings (every text cell), inline strings, notes.
    const texts = (path: RegExp, element: string) =>
      [...parts]
        .filter(([name]) => path.test(name))
        .flatMap(([, root]) => xmlElements(root).filter((e) => e.name === element))
        .map(xmlText);
    const strings = texts(/^xl\/sharedStrings\.xml$/, "si");
    const cells = [
      ...strings,
      ...texts(/^xl\/worksheets\//, "is"),
      ...texts(/^xl\/comments/, "comment"),
    ];
    expect(cells.filter((cell) => TRIGGER_FIRST.test(cell))).toEqual([]);
    expect(texts(/^xl\/worksheets\//, "f")).toEqual([]);
    // Every text is there as the guard leaves it (a sheet holds any text XML allows).
    const stored = (value: string) => xmlSafeText(value).replace(/\r\n?/g, "\n");
    expect(strings).toEqual(
      expect.arrayContaining([text, `${text} 2`].map((t) => escapeSpreadsheetText(stored(t)))),
    );
    // The holder's note, trimmed.
    expect(texts(/^xl\/comments/, "comment")).toContain(escapeSpreadsheetText(stored(text.trim())));
    expect(texts(/^docProps\/core\.xml$/, "dc:title")).toEqual([stored(text)]);
  });

  it("CSV: interchange's matrix file, which reads back into the chart exactly", async () => {
    const file = await exportAs(document, "csv");
    expect(file.filename).toMatch(SAFE_FILENAME);
    const csv = utf8.decode(file.body);
    expect(csv).toBe(wellFormed(exportMatrixCsv(document)));
    // Exactly, for any text UTF-8 can carry (a lone surrogate is written as U+FFFD).
    const sent = hostileChart(wellFormed(text));
    const result = importMatrixCsv(csv, { into: sent });
    expect(result.problems).toEqual([]);
    expect(result.document).toEqual(sent);
  });

  it("JSON: data, not neutralised, round-trips exactly", async () => {
    const file = await exportAs(document, "json");
    expect(file.filename).toMatch(SAFE_FILENAME);
    expect(JSON.parse(utf8.decode(file.body))).toEqual(document);
  });
});

/** The text as UTF-8 carries it: lone surrogates become U+FFFD. */
function wellFormed(value: string): string {
  return utf8.decode(new TextEncoder().encode(value));
}

/** XML escaping as the renderer writes it. */
function escapeXml(value: string): string {
  const entities: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&apos;",
  };
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}
