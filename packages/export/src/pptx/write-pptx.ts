import type { ChartDocument, Finding } from "@rolemap/contract";
import { buildLayoutForest } from "@rolemap/domain";
import { cleanText, type RenderedChart } from "@rolemap/render";
import PptxGenJS from "pptxgenjs";
import { buildMatrixGrid } from "../matrix/matrix-grid";
import { planBranches } from "./branch-plan";
import { addBranchSlide } from "./branch-slides";
import { addChartSlide } from "./chart-slide";
import { addFindingsSlides } from "./findings-slides";
import { planMatrixSlides } from "./matrix-slide-plan";
import { addMatrixSlides } from "./matrix-slides";
import { addResponsibilitySlides } from "./responsibility-slides";

/** A role-by-role matrix of more slides than this is listed by responsibility instead. */
export const MAX_GRID_SLIDES = 12;

/**
 * A 16:9 deck: the whole chart on slide 1; for a chart too large to read there, one slide
 * per branch (branch-plan.ts); the responsibility matrix; with findings, the findings.
 * Tens of slides for a 1,000-role chart, not one per role. Every text from the chart goes
 * in as `cleanText` makes it (as the chart picture shows it): pptxgenjs escapes markup but
 * writes control characters, which make PowerPoint refuse the file.
 */
export async function writePptx(
  document: ChartDocument,
  chart: RenderedChart,
  findings: readonly Finding[] | null,
): Promise<Uint8Array> {
  const deck = new PptxGenJS();
  deck.layout = "LAYOUT_WIDE";
  const name = cleanText(document.name);
  deck.title = name;
  deck.author = "Rolemap";
  deck.company = "Rolemap";
  await addChartSlide(deck, name, chart, document);
  addBranchSlides(deck, document);
  const grid = buildMatrixGrid(document);
  if (planMatrixSlides(grid).length <= MAX_GRID_SLIDES) addMatrixSlides(deck, grid);
  else addResponsibilitySlides(deck, document);
  if (findings !== null) addFindingsSlides(deck, findings);
  // "STREAM" gives a Node buffer too, and is the only type for which pptxgenjs 4 honours
  // `compression` (with "nodebuffer" every part was stored: a 1,000-role deck took 190 MB).
  const output = await deck.write({ outputType: "STREAM", compression: true });
  if (!(output instanceof Uint8Array)) throw new Error("pptxgenjs did not return a Node buffer");
  return output;
}

function addBranchSlides(deck: PptxGenJS, document: ChartDocument): void {
  const plan = planBranches(buildLayoutForest(document));
  for (const branch of plan) {
    const head = document.roles[branch.head];
    const who =
      head === undefined
        ? "Top-level roles"
        : `${cleanText(head.title)}${head.holder == null || head.holder.trim() === "" ? "" : ` (${cleanText(head.holder)})`}`;
    const part = branch.parts > 1 ? `, part ${branch.part} of ${branch.parts}` : "";
    addBranchSlide(deck, document, branch, `${who}${part}: ${branch.roles.length} roles`);
  }
}
