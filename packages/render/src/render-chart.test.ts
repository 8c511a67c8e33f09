import type { ChartDocument, Role } from "@rolemap/contract";
import {
  EDITOR_LAYOUT_OPTIONS,
  getTemplate,
  layoutChart,
  TEMPLATES,
  validateChart,
} from "@rolemap/domain";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { generateChart } from "../../domain/bench/generate-chart";
import { renderChartSvg } from "./render-chart";
import { sketch, withoutPositions } from "./testing/charts";
import {
  cardOf,
  linePaths,
  outsideViewBox,
  roleGroups,
  textsOf,
  textsOutsideCards,
} from "./testing/svg-checks";
import { parseSvg, pathPoints, type SvgElement } from "./testing/svg-structure";
import { ELLIPSIS } from "./text/wrap";
import { cleanText } from "./text/xml-text";
import { DEF_IDS } from "./theme";

const template = (id: string): ChartDocument => {
  const found = getTemplate(id);
  if (found === undefined) throw new Error(`no template "${id}"`);
  return found.document;
};
const groupOf = (elements: SvgElement[], id: string) => {
  const group = roleGroups(elements).find((g) => g.attributes["data-role-id"] === id);
  if (group === undefined) throw new Error(`no card for "${id}"`);
  return group;
};
const cardTexts = (elements: SvgElement[], id: string) =>
  textsOf(elements, groupOf(elements, id)).map((t) => t.text);
const parts = (elements: SvgElement[]) =>
  elements
    .filter((e) => e.attributes["data-part"] !== undefined)
    .map((e) => e.attributes["data-part"]);

describe("renderChartSvg", () => {
  it("escapes markup in names, titles, holders, departments and ids", () => {
    const nasty = `<b a="1">Tom & 'Jerry'</b>`;
    const document = sketch({
      name: `Chart ${nasty}`,
      roles: [
        { id: `ceo"<&>'`, title: `CEO ${nasty}`, holder: nasty, department: nasty },
        { id: "cio", title: "CIO", holder: "Ann" },
      ],
    });
    document.reportingLines = [{ manager: `ceo"<&>'`, report: "cio", kind: "solid" }];
    const { svg } = renderChartSvg(document);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<b ");
    const elements = parseSvg(svg);
    expect(roleGroups(elements).map((g) => g.attributes["data-role-id"])).toEqual([
      `ceo"<&>'`,
      "cio",
    ]);
    expect(linePaths(elements).map((p) => p.attributes["data-line"])).toEqual([`ceo"<&>'>cio`]);
    const [title1, title2, holder, department] = cardTexts(elements, `ceo"<&>'`);
    expect(`${title1} ${title2}`).toBe(`CEO ${nasty}`);
    expect([holder, department]).toEqual([nasty, nasty]);
    expect(svg).toContain("&lt;b a=&quot;1&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/b&gt;");
    expect(elements.find((e) => e.name === "title")?.text).toBe(`Chart ${nasty}`);
  });

  it("keeps ids with white space and control characters well-formed and readable", () => {
    const id = "a\tb\nc\u0001";
    const { svg } = renderChartSvg(sketch({ roles: [{ id, title: "Line\none\u0007" }] }));
    expect(XMLValidator.validate(svg)).toBe(true);
    const elements = parseSvg(svg);
    expect(roleGroups(elements)[0]?.attributes["data-role-id"]).toBe("a\tb\nc\ufffd");
    expect(cardTexts(elements, "a\tb\nc\ufffd")[0]).toBe("Line one\ufffd");
  });

  it("is deterministic: the same document gives the same string", () => {
    const document = template("classic-split");
    const first = renderChartSvg(document, { findings: true });
    const second = renderChartSvg(structuredClone(document), { findings: true });
    expect(second.svg).toBe(first.svg);
    expect(second.boxes).toEqual(first.boxes);
  });

  it("does not change its input", () => {
    const document = withoutPositions(template("product-led"));
    const before = structuredClone(document);
    renderChartSvg(document, { findings: true });
    expect(document).toEqual(before);
  });

  it("lays out roles without positions with the editor's layout", () => {
    const document = withoutPositions(template("cto-under-cio"));
    const { boxes } = renderChartSvg(document);
    const layout = layoutChart(document, EDITOR_LAYOUT_OPTIONS);
    const [first] = boxes;
    const origin = layout.get(first?.id ?? "");
    if (first === undefined || origin === undefined) throw new Error("nothing laid out");
    for (const box of boxes) {
      const at = layout.get(box.id);
      expect(box.x - first.x).toBeCloseTo((at?.x ?? NaN) - origin.x, 5);
      expect(box.y - first.y).toBeCloseTo((at?.y ?? NaN) - origin.y, 5);
    }
  });

  it("puts a role without a position under its placed manager, as the editor does", () => {
    const { nodeWidth, nodeHeight, horizontalGap, verticalGap } = EDITOR_LAYOUT_OPTIONS;
    const document = sketch({ roles: ["m", "a", "b"], solid: ["m>a", "m>b"] });
    const placed = { m: { x: 0, y: 0 }, a: { x: 0, y: nodeHeight + verticalGap } };
    document.roles = document.roles.map((role) =>
      role.id in placed ? { ...role, position: placed[role.id as keyof typeof placed] } : role,
    );
    const { boxes } = renderChartSvg(document);
    const [m, a, b] = boxes;
    expect(a && m && a.y - m.y).toBe(nodeHeight + verticalGap);
    expect(b && a && [b.x - a.x, b.y - a.y]).toEqual([nodeWidth + horizontalGap, 0]);
  });

  it("styles vacant roles: marked, striped, dashed and labelled", () => {
    const document = template("product-led");
    const elements = parseSvg(renderChartSvg(document).svg);
    for (const role of document.roles) {
      const group = groupOf(elements, role.id);
      const vacant = role.holder == null || role.holder.trim() === "";
      expect(group.attributes["data-vacant"]).toBe(vacant ? "true" : undefined);
      const face = elements.find(
        (e) => e.parent === group && e.attributes.fill === `url(#${DEF_IDS.vacantPattern})`,
      );
      expect(face !== undefined).toBe(vacant);
      if (vacant) expect(face?.attributes["stroke-dasharray"]).toBeDefined();
      expect(cardTexts(elements, role.id).includes("VACANT")).toBe(vacant);
    }
    expect(document.roles.some((role) => role.holder === null)).toBe(true);
    expect(
      elements.some((e) => e.name === "pattern" && e.attributes.id === DEF_IDS.vacantPattern),
    ).toBe(true);
  });

  it("treats a blank holder as vacant", () => {
    const elements = parseSvg(
      renderChartSvg(sketch({ roles: [{ id: "a", title: "A", holder: "  " }] })).svg,
    );
    expect(groupOf(elements, "a").attributes["data-vacant"]).toBe("true");
  });

  it("brings solid lines into stacked cards from the side and into every other card from the top", () => {
    const ends = (document: ChartDocument) => {
      const rendered = renderChartSvg(document);
      const boxes = new Map(rendered.boxes.map((box) => [box.id, box]));
      const elements = parseSvg(rendered.svg);
      const chart = elements.find((e) => e.attributes["data-part"] === "chart");
      return new Map(
        linePaths(elements)
          .filter((p) => p.attributes["data-kind"] === "solid")
          .map((path) => {
            const [x, y] = pathPoints(path.attributes.d ?? "").at(-1) ?? [NaN, NaN];
            const report = boxes.get((path.attributes["data-line"] ?? "").split(">")[1] ?? "");
            const at = { x: x + (chart?.offset.x ?? 0), y: y + (chart?.offset.y ?? 0) };
            const side =
              report !== undefined &&
              Math.abs(at.x - report.x) < 0.01 &&
              Math.abs(at.y - (report.y + report.height / 2)) < 0.01;
            const top =
              report !== undefined &&
              Math.abs(at.x - (report.x + report.width / 2)) < 0.01 &&
              Math.abs(at.y - report.y) < 0.01;
            return [path.attributes["data-line"], side ? "side" : top ? "top" : "elsewhere"];
          }),
      );
    };
    const classic = ends(template("classic-split"));
    expect(classic.get("cio>ciso")).toBe("side");
    expect(classic.get("cio>enterprise-architect")).toBe("side");
    expect(classic.get("ceo>cio")).toBe("top");
    // Head of Security starts just right of the CTO's centre line, but in a row, not a stack.
    const productLed = ends(template("product-led"));
    expect(productLed.get("cto>head-security")).toBe("top");
    expect(productLed.get("ceo>cio")).toBe("top");
    expect([...productLed.values()].every((end) => end === "top")).toBe(true);
  });

  it("draws solid lines under the cards and dotted lines over them", () => {
    const elements = parseSvg(renderChartSvg(template("classic-split")).svg);
    const cards = roleGroups(elements).map((g) => g.index);
    const solid = linePaths(elements).filter((p) => p.attributes["data-kind"] === "solid");
    const dotted = linePaths(elements).filter((p) => p.attributes["data-kind"] === "dotted");
    expect(solid.length).toBeGreaterThan(0);
    expect(dotted.length).toBeGreaterThan(0);
    for (const path of solid) expect(path.index).toBeLessThan(Math.min(...cards));
    for (const path of dotted) expect(path.index).toBeGreaterThan(Math.max(...cards));
    expect(parts(elements)).toEqual([
      "heading",
      "legend",
      "chart",
      "solid-lines",
      "cards",
      "dotted-lines",
    ]);
  });

  it.each(
    TEMPLATES.map((t) => [t.id, t.document] as const).concat([
      [
        "a generated 80-role chart",
        generateChart({ roles: 80, responsibilities: 30, assignments: 150, seed: 5 }),
      ],
    ]),
  )("puts on each card of %s a badge with the number of findings involving it", (_, document) => {
    const findings = validateChart(document);
    const elements = parseSvg(renderChartSvg(document, { findings: true }).svg);
    for (const role of document.roles) {
      const involved = findings.filter((f) => f.roles.includes(role.id));
      const badge = elements.find(
        (e) => e.attributes["data-badge"] !== undefined && cardOf(e) === groupOf(elements, role.id),
      );
      if (involved.length === 0) {
        expect(badge).toBeUndefined();
        continue;
      }
      expect(badge?.attributes["data-badge"]).toBe(String(involved.length));
      const worst = involved.some((f) => f.severity === "error")
        ? "error"
        : involved.some((f) => f.severity === "warning")
          ? "warning"
          : "info";
      expect(badge?.attributes["data-severity"]).toBe(worst);
      const label = elements.find((e) => e.name === "text" && e.parent === badge)?.text;
      expect(label).toBe(`${worst === "error" ? "!" : "i"} ${involved.length}`);
    }
  });

  it("lists every finding in the appendix, in order, with severity, rule and message", () => {
    const document = generateChart({ roles: 80, responsibilities: 30, assignments: 150, seed: 5 });
    const findings = validateChart(document);
    expect(findings.length).toBeGreaterThan(10);
    const elements = parseSvg(renderChartSvg(document, { findings: true }).svg);
    const rows = elements.filter((e) => e.attributes["data-finding"] !== undefined);
    expect(rows.map((row) => row.attributes["data-finding"])).toEqual(findings.map((f) => f.rule));
    rows.forEach((row, i) => {
      const finding = findings[i];
      const texts = elements
        .filter((e) => e.name === "text" && e.parent === row)
        .map((e) => e.text);
      expect(texts[0]).toBe(
        { error: "Error", warning: "Warning", info: "Info" }[finding?.severity ?? "info"],
      );
      expect(row.attributes["data-severity"]).toBe(finding?.severity);
      expect(texts.join(" ")).toContain(finding?.rule);
      expect(
        texts
          .slice(1)
          .join(" ")
          .endsWith(cleanText(finding?.message ?? "")),
      ).toBe(true);
    });
  });

  it("says so when findings are on and there are none", () => {
    const elements = parseSvg(renderChartSvg(template("classic-split"), { findings: true }).svg);
    expect(elements.filter((e) => e.attributes["data-finding"] !== undefined)).toEqual([]);
    expect(elements.some((e) => e.name === "text" && e.text.startsWith("None"))).toBe(true);
  });

  it("draws no badges and no appendix by default", () => {
    const document = generateChart({ roles: 30, responsibilities: 10, assignments: 40, seed: 3 });
    expect(validateChart(document).length).toBeGreaterThan(0);
    const elements = parseSvg(renderChartSvg(document).svg);
    expect(elements.some((e) => e.attributes["data-badge"] !== undefined)).toBe(false);
    expect(parts(elements)).not.toContain("findings");
  });

  it("leaves out the heading and the legend when asked", () => {
    const document = template("classic-split");
    const elements = parseSvg(renderChartSvg(document, { title: false, legend: false }).svg);
    expect(parts(elements)).toEqual(["chart", "solid-lines", "cards", "dotted-lines"]);
    const legend = parseSvg(renderChartSvg(document, { findings: true }).svg).filter(
      (e) => e.name === "text" && e.parent?.attributes["data-part"] === "legend",
    );
    expect(legend.map((t) => t.text)).toEqual([
      "Legend",
      "Solid line: reports to",
      "Dotted line: functional line",
      "Vacant role",
      "Findings involving the role (! when one is an error)",
    ]);
  });

  it("renders an empty chart as a heading, a legend and a note, inside its view box", () => {
    const rendered = renderChartSvg(sketch({ roles: [], name: "Nothing yet" }), { findings: true });
    expect(XMLValidator.validate(rendered.svg)).toBe(true);
    expect(rendered.boxes).toEqual([]);
    expect(rendered.width).toBeGreaterThan(0);
    expect(rendered.height).toBeGreaterThan(0);
    const elements = parseSvg(rendered.svg);
    const texts = elements.filter((e) => e.name === "text").map((e) => e.text);
    expect(texts).toContain("Nothing yet");
    expect(texts).toContain("This chart has no roles yet.");
    expect(outsideViewBox(elements, rendered.width, rendered.height)).toEqual([]);
  });

  it("wraps a long title to two lines ending in an ellipsis, inside the card and clear of the badge", () => {
    const long: Role = {
      id: "long",
      title: `Chief ${"Extraordinarily Long Responsibility ".repeat(5)}Officer`,
      holder: `Someone With ${"A Very ".repeat(10)}Long Name`,
      department: `Department of ${"Many Things ".repeat(8)}`,
    };
    const word: Role = { id: "word", title: "X".repeat(200), holder: "W".repeat(200) };
    const document = sketch({
      roles: [long, word, "ceo"],
      solid: ["ceo>long", "ceo>word", "ceo>long"],
    });
    const rendered = renderChartSvg(document, { findings: true });
    const elements = parseSvg(rendered.svg);
    const [line1, line2, holder, department] = cardTexts(elements, "long");
    expect(line1?.startsWith("Chief Extraordinarily")).toBe(true);
    expect(line2?.endsWith(ELLIPSIS)).toBe(true);
    expect(holder?.endsWith(ELLIPSIS)).toBe(true);
    expect(department?.endsWith(ELLIPSIS)).toBe(true);
    const [wordLine1, wordLine2] = cardTexts(elements, "word");
    expect(wordLine1?.startsWith("XXX")).toBe(true);
    expect(wordLine2?.endsWith(ELLIPSIS)).toBe(true);
    expect(textsOutsideCards(elements)).toEqual([]);
    expect(outsideViewBox(elements, rendered.width, rendered.height)).toEqual([]);
  });

  it("keeps lines of hand-placed cards (report above its manager, a cycle) inside the view box", () => {
    const document = sketch({
      roles: [
        { id: "a", title: "A", holder: "x", position: { x: -900, y: 400 } },
        { id: "b", title: "B", holder: "x", position: { x: -880, y: -300 } },
        { id: "c", title: "C", holder: "x", position: { x: 1200, y: -50 } },
      ],
      solid: ["a>b", "b>c", "c>a"],
      dotted: ["c>b", "a>c"],
    });
    const rendered = renderChartSvg(document, { title: false, legend: false });
    expect(outsideViewBox(parseSvg(rendered.svg), rendered.width, rendered.height)).toEqual([]);
    expect(linePaths(parseSvg(rendered.svg))).toHaveLength(5);
  });

  it("renders a 1,000-role chart completely", () => {
    const document = generateChart({
      roles: 1_000,
      responsibilities: 100,
      assignments: 500,
      seed: 11,
    });
    const rendered = renderChartSvg(withoutPositions(document), { findings: true });
    expect(rendered.boxes).toHaveLength(1_000);
    expect(XMLValidator.validate(rendered.svg)).toBe(true);
    const elements = parseSvg(rendered.svg);
    expect(roleGroups(elements)).toHaveLength(1_000);
    expect(linePaths(elements)).toHaveLength(document.reportingLines.length);
    expect(outsideViewBox(elements, rendered.width, rendered.height)).toEqual([]);
  });
});
