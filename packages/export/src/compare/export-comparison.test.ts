import { renderComparisonSvg } from "@rolemap/render";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { scenarioPair } from "../../../render/src/testing/comparisons";
import { PAPER } from "../pdf/page-plan";
import { readPdf } from "../testing/read-pdf";
import { exportComparison } from "./export-comparison";

const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe("exportComparison", () => {
  const { a, b, comparison } = scenarioPair();

  it("writes the comparison's drawing as SVG, named after both charts", async () => {
    const file = await exportComparison(a, b, comparison, { format: "svg" });
    expect(file.contentType).toBe("image/svg+xml; charset=utf-8");
    expect(file.filename).toBe("primary-vs-ciso-under-cio.svg");
    expect(text(file.body)).toBe(renderComparisonSvg(a, b, comparison).svg);
  });

  it.each([1, 2])("writes a PNG of the whole drawing at scale %s", async (scale) => {
    const file = await exportComparison(a, b, comparison, { format: "png", scale });
    expect(file.contentType).toBe("image/png");
    expect(file.filename).toBe("primary-vs-ciso-under-cio.png");
    expect([...file.body.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const png = PNG.sync.read(Buffer.from(file.body));
    const drawing = renderComparisonSvg(a, b, comparison);
    expect(png.width).toBe(Math.round(drawing.width * scale));
    expect(png.height).toBe(Math.round(drawing.height * scale));
    // Some ink, mostly white paper.
    let inked = 0;
    for (let at = 0; at < png.data.length; at += 4) if ((png.data[at] ?? 255) < 200) inked++;
    const share = inked / (png.width * png.height);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.5);
  });

  it("writes a PDF: the marked chart, then the changes and the findings fixed and new as text", async () => {
    const file = await exportComparison(a, b, comparison, { format: "pdf" });
    expect(file.contentType).toBe("application/pdf");
    expect(file.filename).toBe("primary-vs-ciso-under-cio.pdf");
    expect(text(file.body.subarray(0, 5))).toBe("%PDF-");
    const pdf = await readPdf(file.body);
    expect(pdf.info.Title).toBe("Primary → CISO under CIO");
    expect(pdf.pages).toHaveLength(3);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([841.89, 595.28]);

    const [chart, changes, findings] = pdf.pages.map((page) => page.text);
    expect(chart).toContain("Primary → CISO under CIO");
    expect(chart).toContain("Chief Technology Officer");
    for (const tag of ["ADDED", "MOVED", "CHANGED", "REMOVED"]) expect(chart).toContain(tag);
    // The lists are on their own pages, not under the chart.
    expect(chart).not.toContain("was under CIO");
    expect(changes).toContain("Changes");
    expect(changes).toContain("CISO: Chief Technology Officer → CIO");
    expect(changes).toContain("EA (Holder of ea) removed; was under CIO");
    expect(changes).toContain("Cybersecurity: Chief Technology Officer A → none; CISO R → A/R");
    expect(findings).toContain("Findings: fixed and new");
    expect(findings).toContain("Fixed");
    expect(findings).toContain("EA is neither responsible nor accountable.");
    expect(findings).toContain("Data governance has no accountable role.");
  });

  it("sets the PDF on the paper asked for", async () => {
    const file = await exportComparison(a, b, comparison, { format: "pdf", page: "letter" });
    const pdf = await readPdf(file.body);
    expect([pdf.pages[0]?.width, pdf.pages[0]?.height]).toEqual([
      PAPER.letter.width,
      PAPER.letter.height,
    ]);
  });

  it("continues a long list of changes over pages, every change on one", async () => {
    const many = structuredClone(comparison);
    many.cells.added = Array.from({ length: 120 }, (_, i) => ({
      role: "ciso",
      responsibility: `row-${i}`,
      code: "R" as const,
    }));
    many.cells.removed = [];
    const more = { ...b, assignments: [...b.assignments, ...many.cells.added] };
    const file = await exportComparison(a, more, many, { format: "pdf" });
    const pages = (await readPdf(file.body)).pages.map((page) => page.text);
    const changePages = pages.filter((page) => /— changes/.test(page));
    expect(changePages.length).toBeGreaterThan(2);
    expect(changePages.slice(1).every((page) => page.includes("(continued)"))).toBe(true);
    const all = changePages.join(" ");
    for (let i = 0; i < 120; i++) expect(all).toContain(`row-${i}: CISO none → R`);
  });

  it("names files with safe slugs and keeps hostile names as text", async () => {
    const hostile = scenarioPair('"><script>alert(1)</script>');
    hostile.a.name = "Ops & <IT>\r\n";
    const svg = await exportComparison(hostile.a, hostile.b, hostile.comparison, { format: "svg" });
    expect(svg.filename).toBe("ops-it-vs-script-alert-1-script.svg");
    expect(text(svg.body)).not.toContain("<script>");
    const pdf = await exportComparison(hostile.a, hostile.b, hostile.comparison, { format: "pdf" });
    expect((await readPdf(pdf.body)).info.Title).toBe('Ops & <IT> → "><script>alert(1)</script>');
  });

  it("does not change its input", async () => {
    const before = structuredClone({ a, b, comparison });
    await exportComparison(a, b, comparison, { format: "pdf" });
    expect({ a, b, comparison }).toEqual(before);
  });
});
