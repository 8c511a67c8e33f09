import type { ChartDocument } from "@rolemap/contract";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderChartSvg } from "../render-chart";
import { noChanges, scenarioPair } from "../testing/comparisons";
import { outsideViewBox, roleGroups, textsOutsideCards } from "../testing/svg-checks";
import { closest, parseSvg, type SvgElement } from "../testing/svg-structure";
import { CARD } from "../theme";
import { MARK_STYLES } from "./marks";
import { renderComparisonSvg } from "./render-comparison";

const texts = (elements: SvgElement[]) =>
  elements.filter((e) => e.name === "text").map((e) => e.text);
const inPart = (elements: SvgElement[], part: string) =>
  elements.filter((e) => closest(e, (g) => g.attributes["data-part"] === part) !== null);
const changeGroup = (elements: SvgElement[], id: string) => {
  const card = roleGroups(elements).find((g) => g.attributes["data-role-id"] === id);
  return card === undefined
    ? null
    : closest(card, (g) => g.attributes["data-change"] !== undefined);
};
/** The labels on a marked card: what stays when colour is gone. */
const tagsOf = (group: SvgElement | null, elements: SvgElement[]) =>
  elements
    .filter(
      (e) =>
        e.name === "text" &&
        e.parent?.attributes["data-tag"] !== undefined &&
        closest(e, (g) => g === group) !== null,
    )
    .map((e) => e.text);

describe("renderComparisonSvg", () => {
  const { a, b, comparison } = scenarioPair();
  const rendered = renderComparisonSvg(a, b, comparison);
  const elements = parseSvg(rendered.svg);

  it("is a well-formed SVG headed with both names", () => {
    expect(XMLValidator.validate(rendered.svg)).toBe(true);
    expect(elements.find((e) => e.name === "title")?.text).toBe("Primary → CISO under CIO");
    expect(texts(inPart(elements, "heading"))).toEqual(["Primary → CISO under CIO"]);
    expect(texts(inPart(elements, "summary")).join(" ")).toContain("Findings: 1 fixed, 1 new.");
    expect(rendered.svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  it("draws the scenario's roles and a ghost of each removed one, without overlap", () => {
    const ids = roleGroups(elements).map((g) => g.attributes["data-role-id"]);
    expect(ids).toEqual([...b.roles.map((role) => role.id), "ea"]);
    const boxes = rendered.boxes;
    for (const [i, one] of boxes.entries())
      for (const other of boxes.slice(i + 1))
        expect(
          Math.abs(one.x - other.x) >= CARD.width || Math.abs(one.y - other.y) >= CARD.height,
          `${one.id} and ${other.id} overlap`,
        ).toBe(true);
  });

  it.each([
    ["cdo", "added", ["+ ADDED"]],
    ["ciso", "moved", ["↳ MOVED"]],
    ["cto", "changed", ["Δ CHANGED"]],
    ["ea", "removed", ["− REMOVED"]],
  ])("marks %s as %s with a label, not by colour alone", (id, mark, labels) => {
    const group = changeGroup(elements, id);
    expect(group?.attributes["data-change"]).toBe(mark);
    expect(tagsOf(group, elements)).toEqual(labels);
  });

  it("leaves unchanged roles as the chart draws them", () => {
    expect(changeGroup(elements, "ceo")).toBeNull();
    const plain = parseSvg(renderChartSvg(b).svg);
    const card = (list: SvgElement[]) =>
      texts(list.filter((e) => closest(e, (g) => g.attributes["data-role-id"] === "ceo") !== null));
    expect(card(elements)).toEqual(card(plain));
  });

  it("gives each mark its own outline pattern, so a grey print tells them apart", () => {
    const dashes = new Set(Object.values(MARK_STYLES).map((style) => style.dash));
    expect(dashes.size).toBe(4);
    const outlines = ["cdo", "ciso", "cto"].map((id) => {
      const group = changeGroup(elements, id);
      return elements.find((e) => e.name === "rect" && e.parent === group)?.attributes[
        "stroke-dasharray"
      ];
    });
    expect(outlines).toEqual([undefined, MARK_STYLES.moved.dash, MARK_STYLES.changed.dash]);
  });

  it("draws removed lines dashed and new lines thicker, and marks them", () => {
    const lines = elements.filter((e) => e.name === "path" && e.attributes["data-line"]);
    const change = (key: string) => lines.find((e) => e.attributes["data-line"] === key);
    expect(change("cto>ciso")?.attributes).toMatchObject({
      "data-change": "removed",
      "stroke-dasharray": "8 6",
    });
    expect(change("cio>ea")?.attributes["data-change"]).toBe("removed");
    expect(change("cio>ciso")?.attributes).toMatchObject({ "data-change": "added" });
    expect(Number(change("cio>ciso")?.attributes["stroke-width"])).toBeGreaterThan(2.5);
    expect(change("cto>ops")?.attributes["data-change"]).toBe("changed");
    expect(change("ceo>cto")?.attributes["data-change"]).toBeUndefined();
  });

  it("explains every mark in the legend, beside the chart's own marks", () => {
    const legend = texts(inPart(elements, "legend"));
    for (const style of Object.values(MARK_STYLES)) expect(legend).toContain(style.tag);
    expect(legend.join(" ")).toContain("Removed line");
    expect(legend.join(" ")).toContain("Solid line: reports to");
    expect(legend.join(" ")).toContain("Vacant role");
  });

  it("lists the changes in words and the findings fixed and new with their messages", () => {
    const changes = texts(inPart(elements, "changes")).join("\n");
    expect(changes).toContain("CISO: Chief Technology Officer → CIO");
    expect(changes).toContain("EA (Holder of ea) removed; was under CIO");
    expect(changes).toContain("Cybersecurity: Chief Technology Officer A → none; CISO R → A/R");
    const rows = elements.filter((e) => e.attributes["data-status"] !== undefined);
    expect(
      rows.map((row) => [row.attributes["data-status"], row.attributes["data-finding"]]),
    ).toEqual([
      ["fixed", "role/no-ownership"],
      ["new", "raci/no-accountable"],
    ]);
    const delta = texts(inPart(elements, "findings")).join("\n");
    expect(delta).toContain("✓ Fixed");
    expect(delta).toContain("✗ New");
    expect(delta).toContain("EA is neither responsible nor accountable.");
    expect(delta).toContain("Data governance has no accountable role.");
  });

  it("keeps every element inside the view box and card text on its card", () => {
    expect(outsideViewBox(elements, rendered.width, rendered.height)).toEqual([]);
    expect(textsOutsideCards(elements)).toEqual([]);
  });

  it("leaves the lists out when asked (the PDF sets them as text)", () => {
    const chartOnly = parseSvg(renderComparisonSvg(a, b, comparison, { lists: false }).svg);
    expect(inPart(chartOnly, "changes")).toEqual([]);
    expect(inPart(chartOnly, "findings")).toEqual([]);
    expect(roleGroups(chartOnly)).toHaveLength(b.roles.length + 1);
  });

  it("says so when the charts are the same", () => {
    const same = parseSvg(renderComparisonSvg(a, a, noChanges()).svg);
    expect(elements.some((e) => e.attributes["data-change"] !== undefined)).toBe(true);
    expect(same.some((e) => e.attributes["data-change"] !== undefined)).toBe(false);
    expect(texts(inPart(same, "changes"))).toContain("None: the two charts are the same.");
    expect(texts(inPart(same, "findings")).join(" ")).toContain("None fixed, none new");
  });

  it("keeps a removed role's old place when it is free and every card has one", () => {
    const placed = (document: ChartDocument, at: Record<string, [number, number]>) => ({
      ...document,
      roles: document.roles.map((role) => {
        const [x, y] = at[role.id] ?? [0, 0];
        return { ...role, position: { x, y } };
      }),
    });
    const spots: Record<string, [number, number]> = {
      ceo: [0, 0],
      cto: [-300, 200],
      cio: [300, 200],
      ciso: [-300, 400],
      ea: [300, 400],
      ops: [600, 400],
      cdo: [900, 400],
    };
    const { boxes } = renderComparisonSvg(placed(a, spots), placed(b, spots), comparison);
    const at = (id: string) => boxes.find((box) => box.id === id);
    expect((at("ea")?.x ?? 0) - (at("ceo")?.x ?? 0)).toBe(300);
    // Taken by the scenario's own card: the ghost moves aside.
    const taken = { ...spots, cdo: [300, 400] as [number, number] };
    const moved = renderComparisonSvg(placed(a, taken), placed(b, taken), comparison).boxes;
    const ghost = moved.find((box) => box.id === "ea");
    const cdo = moved.find((box) => box.id === "cdo");
    expect(Math.abs((ghost?.x ?? 0) - (cdo?.x ?? 0))).toBeGreaterThanOrEqual(CARD.width);
  });

  it("is deterministic and does not change its input", () => {
    const before = structuredClone({ a, b, comparison });
    expect(renderComparisonSvg(a, b, comparison).svg).toBe(rendered.svg);
    expect({ a, b, comparison }).toEqual(before);
  });
});

describe("renderComparisonSvg with hostile names", () => {
  const HOSTILE = [
    "<script>alert(1)</script>",
    "Tom & Jerry &amp; Co",
    '"><img onerror=x>',
    "a\u0001b",
  ];

  it.each(HOSTILE)("keeps %j as text, escaped once", (text) => {
    const { a, b, comparison } = scenarioPair(`Scenario ${text}`);
    a.name = `Primary ${text}`;
    const ciso = b.roles.find((role) => role.id === "ciso");
    if (ciso !== undefined) ciso.title = `CISO ${text}`;
    comparison.roles.moved = [{ id: "ciso", title: `CISO ${text}`, from: "cto", to: "cio" }];
    comparison.findings.new[0] = {
      rule: "raci/no-accountable",
      category: "gap",
      severity: "error",
      roles: [],
      responsibilities: [],
      message: `${text} has no accountable role.`,
    };
    const { svg } = renderComparisonSvg(a, b, comparison);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|<img/i);
    const harmless = scenarioPair();
    const plain = parseSvg(renderComparisonSvg(harmless.a, harmless.b, harmless.comparison).svg);
    const elements = parseSvg(svg);
    const names = (list: SvgElement[]) => new Set(list.map((e) => e.name));
    const attributes = (list: SvgElement[]) =>
      new Set(list.flatMap((e) => Object.keys(e.attributes)));
    expect([...names(elements)].filter((name) => !names(plain).has(name))).toEqual([]);
    expect([...attributes(elements)].filter((name) => !attributes(plain).has(name))).toEqual([]);
    const clean = text.replace("\u0001", "\ufffd");
    const drawn = texts(elements).join("\n");
    expect(elements.find((e) => e.name === "title")?.text).toBe(
      `Primary ${clean} → Scenario ${clean}`,
    );
    expect(drawn).toContain(`CISO ${clean}: Chief Technology Officer → CIO`);
    expect(drawn).toContain(`${clean} has no accountable role.`);
  });
});
