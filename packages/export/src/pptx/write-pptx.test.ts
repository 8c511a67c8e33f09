import { type ChartDocument, ExportOptionsSchema } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { cleanText } from "@rolemap/render";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { exportChart } from "../export-chart";
import { CODE_STYLES } from "../matrix/code-styles";
import { buildMatrixGrid } from "../matrix/matrix-grid";
import { generatedChart, trickyChart } from "../testing/charts";
import { HOSTILE_TEXTS } from "../testing/hostile-chart";
import { xmlText as elementText, readXml, xmlElements } from "../testing/read-xml";
import { readZip } from "../testing/read-zip";
import { MAX_FINDING_ROWS } from "./findings-slides";
import { planMatrixSlides } from "./matrix-slide-plan";
import { CHART_FRAME } from "./slide-layout";

const xmlText = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) => match[1] ?? "")
    .join("")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

interface Cell {
  text: string;
  /** The cell's own fill (tcPr), if any. */
  fill: string | undefined;
  /** The colour of its first run. */
  color: string | undefined;
}

/** The first table of a slide as rows of cells. */
function tableOf(slide: string): Cell[][] {
  const table = /<a:tbl>([\s\S]*?)<\/a:tbl>/.exec(slide)?.[1];
  if (table === undefined) throw new Error("the slide has no table");
  return [...table.matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((cell) => {
      const xml = cell[1] ?? "";
      const properties = /<a:tcPr[\s\S]*$/.exec(xml)?.[0] ?? "";
      return {
        text: xmlText(xml),
        fill: /^<a:tcPr[^>]*>(?:<a:ln[LRTB][\s\S]*?<\/a:ln[LRTB]>)*<a:solidFill><a:srgbClr val="(\w+)"/.exec(
          properties,
        )?.[1],
        color: /<a:rPr[^>]*><a:solidFill><a:srgbClr val="(\w+)"/.exec(xml)?.[1],
      };
    }),
  );
}

const exportPptx = async (document: ChartDocument, findings = "false") => {
  const file = await exportChart(document, ExportOptionsSchema.parse({ format: "pptx", findings }));
  return { file, zip: await readZip(file.body) };
};
const slidePaths = (paths: string[]) =>
  paths.filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path));

describe("pptx", () => {
  it("has the chart picture on slide 1 and the matrix as a table on slide 2", async () => {
    const document = trickyChart();
    const { file, zip } = await exportPptx(document);
    expect(file.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(file.filename).toBe("equipe-numerique-it-data.pptx");
    expect(slidePaths(zip.paths)).toEqual(["ppt/slides/slide1.xml", "ppt/slides/slide2.xml"]);

    const first = await zip.text("ppt/slides/slide1.xml");
    expect(first).toContain("<p:pic>");
    expect(xmlText(first)).toContain(document.name);
    const relations = await zip.text("ppt/slides/_rels/slide1.xml.rels");
    const media = /Target="\.\.\/media\/([^"]+\.png)"/.exec(relations)?.[1];
    expect(media).toBeDefined();

    const second = await zip.text("ppt/slides/slide2.xml");
    expect(second).toContain("<a:tbl>");
    const table = tableOf(second);
    expect(table).toHaveLength(1 + document.responsibilities.length);
    expect(table[0]?.map((cell) => cell.text)).toEqual([
      "Responsibility",
      "Chief Information OfficerZoë Ångström",
      '=HYPERLINK("http://example.test","click")Mallory',
      "Head of OperationsVacant",
    ]);
    const budget = table[1];
    expect(budget?.[0]?.text).toBe("IT budgetFinance");
    expect(budget?.[1]).toEqual({
      text: "A/R",
      fill: CODE_STYLES.A.fill,
      color: CODE_STYLES.A.text,
    });
    expect(budget?.[2]).toEqual({ text: "C", fill: CODE_STYLES.C.fill, color: CODE_STYLES.C.text });
    expect(budget?.[3]?.text).toBe("");
    // The legend names every code.
    for (const style of Object.values(CODE_STYLES)) expect(xmlText(second)).toContain(style.name);
  });

  it("renders the picture crisply for the slide: about 300 dpi at its shown size", async () => {
    const { zip } = await exportPptx(generatedChart(40, 3));
    const relations = await zip.text("ppt/slides/_rels/slide1.xml.rels");
    const media = /Target="\.\.\/media\/([^"]+\.png)"/.exec(relations)?.[1] ?? "";
    const png = PNG.sync.read(Buffer.from(await zip.bytes(`ppt/media/${media}`)));
    const shownWidth = Math.min(CHART_FRAME.width, (CHART_FRAME.height * png.width) / png.height);
    expect(png.width / shownWidth).toBeGreaterThan(290);
    expect(png.width / shownWidth).toBeLessThan(310);
  });

  it("splits a large matrix over slides as planned, each titled with its part", async () => {
    const document = generatedChart(25, 30);
    const plans = planMatrixSlides(buildMatrixGrid(document));
    expect(plans.length).toBeGreaterThan(2);
    const { zip } = await exportPptx(document);
    const slides = slidePaths(zip.paths);
    expect(slides).toHaveLength(1 + plans.length);
    for (const [index, plan] of plans.entries()) {
      const slide = await zip.text(`ppt/slides/slide${index + 2}.xml`);
      const table = tableOf(slide);
      expect(table).toHaveLength(1 + plan.rows.end - plan.rows.start);
      expect(table[0]).toHaveLength(1 + plan.roles.end - plan.roles.start);
      expect(xmlText(slide)).toContain(
        `roles ${plan.roles.start + 1}–${plan.roles.end} of ${document.roles.length}`,
      );
    }
  });
});

describe("pptx of a large chart", () => {
  const big = generatedChart(1_000, 100);

  it("is a deck of tens of slides: overview, branches, matrix by responsibility, findings", async () => {
    const { file, zip } = await exportPptx(big, "true");
    const slides = slidePaths(zip.paths);
    // Not one per role (the old deck had 1,009 slides), not a handful either.
    expect(slides.length).toBeGreaterThanOrEqual(20);
    expect(slides.length).toBeLessThanOrEqual(100);
    expect(file.body.byteLength).toBeLessThan(20 * 1024 * 1024);

    const kinds: string[] = [];
    for (let i = 1; i <= slides.length; i++) {
      const xml = await zip.text(`ppt/slides/slide${i}.xml`);
      const title = xmlText(/<p:sp>[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? "");
      if (xml.includes("<p:pic>")) kinds.push("overview");
      else if (title.startsWith("Who does what")) kinds.push("matrix");
      else if (title.startsWith("Findings")) kinds.push("findings");
      else if (/: \d+ roles$/.test(title)) kinds.push("branch");
      else kinds.push(`? ${title}`);
    }
    // In that order, each kind once or more.
    const order = kinds.filter((kind, i) => kind !== kinds[i - 1]);
    expect(order).toEqual(["overview", "branch", "matrix", "findings"]);
  });

  it("lists the first findings, most severe first, and says how many there are", async () => {
    const findings = validateChart(big);
    expect(findings.length).toBeGreaterThan(MAX_FINDING_ROWS);
    const { zip } = await exportPptx(big, "true");
    const rows: Cell[][] = [];
    const titles: string[] = [];
    for (const path of slidePaths(zip.paths)) {
      const xml = await zip.text(path);
      const title = xmlText(/<p:sp>[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? "");
      if (!title.startsWith("Findings")) continue;
      titles.push(title);
      rows.push(...tableOf(xml).slice(1));
    }
    expect(rows.map((row) => row[2]?.text)).toEqual(
      findings.slice(0, MAX_FINDING_ROWS).map((finding) => finding.message),
    );
    expect(titles[0]).toMatch(
      new RegExp(
        `^Findings \\(\\d+ errors?, \\d+ warnings?, \\d+ info\\): 1–\\d+ of ${findings.length}; the XLSX export lists them all$`,
      ),
    );
  });

  it("draws every role on the branch slides, as shapes with its title", async () => {
    const { zip } = await exportPptx(big);
    const slides = slidePaths(zip.paths);
    let cards = 0;
    const titles = new Set<string>();
    for (let i = 2; i <= slides.length; i++) {
      const xml = await zip.text(`ppt/slides/slide${i}.xml`);
      if (xml.includes("<a:tbl>")) break;
      for (const card of xml.matchAll(
        /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?prstGeom prst="roundRect"[\s\S]*?<\/p:sp>/g,
      )) {
        cards++;
        titles.add(xmlText(/<a:r>[\s\S]*?<\/a:r>/.exec(card[0])?.[0] ?? ""));
      }
    }
    // A head is on its map slide and on its reports' slides; every role is drawn at least once.
    expect(cards).toBeGreaterThanOrEqual(1_000);
    for (const role of big.roles) expect(titles.has(role.title)).toBe(true);
  });

  it("lists the matrix by responsibility, naming the first roles of each code", async () => {
    const { zip } = await exportPptx(big);
    const slides = slidePaths(zip.paths);
    const tables: Cell[][][] = [];
    for (let i = 2; i <= slides.length; i++) {
      const xml = await zip.text(`ppt/slides/slide${i}.xml`);
      if (xml.includes("<a:tbl>")) tables.push(tableOf(xml));
    }
    expect(tables[0]?.[0]?.map((cell) => cell.text)).toEqual([
      "Responsibility",
      "A: Accountable",
      "R: Responsible",
      "S: Support",
      "C: Consulted",
      "I: Informed",
    ]);
    const rows = tables.flatMap((table) => table.slice(1));
    expect(rows.map((row) => row[0]?.text)).toEqual(
      big.responsibilities.map((item) => `${item.name}${item.category ?? ""}`),
    );
    const first = big.responsibilities[0]?.id;
    const accountable = big.assignments.find((a) => a.responsibility === first && a.code === "A");
    const title = big.roles.find((role) => role.id === accountable?.role)?.title;
    expect(rows[0]?.[1]?.text).toContain(title);
  });
});

describe("pptx branch and responsibility slides with hostile text", () => {
  it("keeps every text as data: strict XML, the texts read back", async () => {
    const document = generatedChart(120, 30);
    const texts = HOSTILE_TEXTS.map((text, i) => `${text} #${i}`);
    const hostile: ChartDocument = {
      ...document,
      roles: document.roles.map((role, i) => ({
        ...role,
        title: texts[i % texts.length] as string,
        holder: i % 3 === 0 ? null : (texts[(i + 1) % texts.length] as string),
        department: texts[(i + 2) % texts.length] as string,
      })),
      responsibilities: document.responsibilities.map((item, i) => ({
        ...item,
        name: texts[i % texts.length] as string,
      })),
    };
    const { zip } = await exportPptx(hostile, "true");
    const read: string[] = [];
    for (const path of slidePaths(zip.paths)) {
      const root = readXml(new TextDecoder("utf-8", { fatal: true }).decode(await zip.bytes(path)));
      for (const element of xmlElements(root))
        if (element.name === "a:t") read.push(elementText(element));
    }
    // Every role's title on its card, every name in the matrix, as cleanText shows them.
    for (const role of hostile.roles) expect(read).toContain(cleanText(role.title));
    for (const item of hostile.responsibilities) expect(read).toContain(cleanText(item.name));
  });
});
