import type { ChartDocument } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./render-chart";
import { roleGroups, textsOf } from "./testing/svg-checks";
import { closest, parseSvg, type SvgElement } from "./testing/svg-structure";
import { ELLIPSIS } from "./text/wrap";
import { cleanText, xmlSafeText } from "./text/xml-text";

/** Text people could type to break out of the SVG, or into a spreadsheet or a parser. */
const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "]]>",
  "&amp;",
  "O'Brien & <Co>",
  '=HYPERLINK("http://evil","x")',
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "Zoë 東京 😀 \u202eRTL",
  "a\u0001b\u0008c\u001f\ufffe\ud800",
];

/** Every text field of a chart holds `text`: name, ids, titles, holders, departments, notes. */
function chartOf(text: string): ChartDocument {
  const boss = `boss ${text}`;
  const report = `report ${text}`;
  return {
    format: "rolemap.chart/v1",
    name: `Chart ${text}`,
    roles: [
      { id: boss, title: `CEO ${text}`, holder: `Ann ${text}`, department: `HQ ${text}` },
      { id: report, title: `${text} CTO`, holder: null, notes: text },
    ],
    reportingLines: [
      { manager: boss, report, kind: "solid" },
      { manager: report, report: boss, kind: "dotted" },
    ],
    // Unassigned, so findings quote its name.
    responsibilities: [{ id: `r ${text}`, name: `Budget ${text}`, category: text }],
    assignments: [],
  };
}

/** The element and attribute names in an SVG. */
const markupOf = (elements: SvgElement[]) => ({
  elements: new Set(elements.map((e) => e.name)),
  attributes: new Set(elements.flatMap((e) => Object.keys(e.attributes))),
});
/** What the renderer writes for the same chart with harmless text: all a text may give. */
const harmless = markupOf(parseSvg(renderChartSvg(chartOf("plain"), { findings: true }).svg));
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
const squeezed = (text: string) => text.replace(/ /g, "");
const isBadge = (text: SvgElement) =>
  closest(text, (e) => e.attributes["data-badge"] !== undefined) !== null;

describe("renderChartSvg with hostile text in every field", () => {
  it.each(HOSTILE)("%j stays text, escaped, in well-formed XML", (text) => {
    const document = chartOf(text);
    const { svg } = renderChartSvg(document, { findings: true });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(FORBIDDEN.test(svg)).toBe(false);
    expect(svg).not.toMatch(/<script|<img|<!\[CDATA|]]>/i);

    const elements = parseSvg(svg);
    const markup = markupOf(elements);
    expect([...markup.elements].filter((name) => !harmless.elements.has(name))).toEqual([]);
    expect([...markup.attributes].filter((name) => !harmless.attributes.has(name))).toEqual([]);
    expect(elements.find((e) => e.name === "title")?.text).toBe(cleanText(document.name));
    // Ids read back as given, characters XML forbids aside.
    expect(roleGroups(elements).map((g) => g.attributes["data-role-id"])).toEqual(
      document.roles.map((role) => xmlSafeText(role.id)),
    );

    // Every text drawn on a card comes from the role's fields (cards wrap titles and cut
    // long texts with an ellipsis); the heading and the findings appendix, which only wrap,
    // show the chart name and every message (which quote names and titles) in full.
    for (const group of roleGroups(elements)) {
      const role = document.roles.find(
        (r) => xmlSafeText(r.id) === group.attributes["data-role-id"],
      );
      const typed = squeezed(
        [role?.title, role?.holder, role?.department, "VACANT"]
          .map((t) => cleanText(t ?? ""))
          .join(""),
      );
      for (const { text: line } of textsOf(elements, group).filter((t) => !isBadge(t))) {
        expect(typed).toContain(squeezed(line.endsWith(ELLIPSIS) ? line.slice(0, -1) : line));
      }
    }
    const drawn = squeezed(elements.map((e) => (e.name === "text" ? e.text : "")).join(""));
    expect(drawn).toContain(squeezed(cleanText(document.name)));
    const findings = validateChart(document);
    expect(findings.some((finding) => finding.message.includes(text))).toBe(true);
    for (const finding of findings) expect(drawn).toContain(squeezed(cleanText(finding.message)));
  });
});
