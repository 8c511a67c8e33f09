import type { ChartDocument } from "@rolemap/contract";

/**
 * Text people could type to break out of markup (SVG, OOXML), into a spreadsheet formula,
 * or a parser: markup, a CDATA end, an entity that must not be decoded twice, formula
 * triggers (also behind a guard's apostrophe), Unicode and characters XML forbids.
 */
export const HOSTILE_TEXTS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "]]>",
  "&amp;",
  'O\'Brien & "Co" <b>',
  '=HYPERLINK("http://evil","x")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "'=1",
  // Readers trim white space and fold full-width forms before they look for a formula.
  "\n=1",
  " =1",
  "＝1+1",
  "\u3000＋1",
  "Zoë Ångström 東京 😀 \u202eevil",
  // XML forbids these: a sheet writer that drops them must not uncover the "=".
  "\u0001=1",
  "x\u0008\u001f\ufffe\udfff\ud800",
];

/**
 * A chart with `text` as every text a user types: the chart name, ids, each role's title,
 * holder, department and notes, each responsibility's name, category and description.
 * A solid and a dotted line, a vacant role, a repeated title (so matrix labels add the
 * holder), one assigned and one unassigned responsibility (so findings quote names).
 */
export function hostileChart(text: string): ChartDocument {
  const [first, second, third] = [text, `${text}-2`, `${text}-3`];
  return {
    format: "rolemap.chart/v1",
    name: text,
    roles: [
      { id: first, title: text, holder: text, department: text, notes: text },
      { id: second, title: `${text} 2`, holder: null, department: text, notes: text },
      { id: third, title: text, holder: `${text} 3`, notes: text },
    ],
    reportingLines: [
      { manager: first, report: second, kind: "solid" },
      { manager: first, report: third, kind: "solid" },
      { manager: third, report: second, kind: "dotted" },
    ],
    responsibilities: [
      { id: first, name: text, category: text, description: text },
      { id: second, name: `${text} 2`, category: text },
    ],
    assignments: [
      { role: first, responsibility: first, code: "A" },
      { role: first, responsibility: first, code: "R" },
      { role: third, responsibility: first, code: "C" },
    ],
  };
}
