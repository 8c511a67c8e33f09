import type { Finding, Severity } from "@rolemap/contract";
import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle, textWidth } from "../text/measure";
import { wrapText } from "../text/wrap";
import { cleanText } from "../text/xml-text";
import { COLORS, SEVERITY_COLORS, SEVERITY_LABELS } from "../theme";
import type { Block } from "./block";

/**
 * The findings appendix under the chart: a heading with the count per severity, then one
 * row per finding in the order given (validateChart's: severity, rule, …): a severity chip,
 * the rule id and the message, wrapped to the width. Every finding is listed.
 */

const TITLE: TextStyle = { size: 22, weight: 700 };
const TITLE_LINE = 30;
const SUMMARY: TextStyle = { size: 15, weight: 400 };
const SUMMARY_LINE = 24;
const HEADER: TextStyle = { size: 13, weight: 700 };
const HEADER_LINE = 26;
const CHIP: TextStyle = { size: 13, weight: 700 };
const CHIP_HEIGHT = 22;
const CHIP_PADDING = 8;
const RULE: TextStyle = { size: 14, weight: 600 };
const MESSAGE: TextStyle = { size: 15, weight: 400 };
const LINE = 21;
const ROW_PADDING = 7;
const COLUMN_GAP = 20;
const HEADER_GAP = 12;
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

const chipWidth = (severity: Severity) =>
  textWidth(SEVERITY_LABELS[severity], CHIP) + 2 * CHIP_PADDING;
const SEVERITY_COLUMN = Math.max(...SEVERITY_ORDER.map(chipWidth)) + COLUMN_GAP;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function summaryOf(findings: readonly Finding[]): string {
  if (findings.length === 0) return "None: the chart passes every rule.";
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const parts = [];
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return parts.join(", ");
}

interface Row {
  finding: Finding;
  rule: string[];
  message: string[];
  height: number;
}

export function appendixBlock(findings: readonly Finding[], width: number): Block {
  let widestRule = 0;
  for (const finding of findings) widestRule = Math.max(widestRule, textWidth(finding.rule, RULE));
  const ruleWidth = Math.min(widestRule, width * 0.3);
  const messageLeft = SEVERITY_COLUMN + ruleWidth + COLUMN_GAP;
  const messageWidth = width - messageLeft;

  const rows: Row[] = findings.map((finding) => {
    const rule = wrapText(finding.rule, RULE, [ruleWidth]);
    const message = wrapText(cleanText(finding.message), MESSAGE, [messageWidth]);
    const lines = Math.max(1, rule.length, message.length);
    return { finding, rule, message, height: lines * LINE + 2 * ROW_PADDING };
  });
  const tableTop = TITLE_LINE + SUMMARY_LINE + HEADER_GAP;
  let height = tableTop;
  if (rows.length > 0) height += HEADER_LINE;
  for (const row of rows) height += row.height;

  return {
    width,
    height,
    draw(x, y, out) {
      out.push('<g data-part="findings">');
      out.push(
        textElement(x, y + baselineOffset(TITLE.size, TITLE_LINE), "Findings", TITLE, COLORS.text),
        textElement(
          x,
          y + TITLE_LINE + baselineOffset(SUMMARY.size, SUMMARY_LINE),
          summaryOf(findings),
          SUMMARY,
          COLORS.textMuted,
        ),
      );
      if (rows.length === 0) {
        out.push("</g>");
        return;
      }
      let top = y + tableTop;
      const headerBaseline = top + baselineOffset(HEADER.size, HEADER_LINE);
      out.push(
        textElement(x, headerBaseline, "SEVERITY", HEADER, COLORS.textMuted),
        textElement(x + SEVERITY_COLUMN, headerBaseline, "RULE", HEADER, COLORS.textMuted),
        textElement(x + messageLeft, headerBaseline, "FINDING", HEADER, COLORS.textMuted),
        rule(x, top + HEADER_LINE, width, COLORS.borderSubtle),
      );
      top += HEADER_LINE;
      for (const row of rows) {
        drawRow(row, x, top, messageLeft, out);
        top += row.height;
        out.push(rule(x, top, width, COLORS.rowRule));
      }
      out.push("</g>");
    },
  };
}

const rule = (x: number, y: number, width: number, color: string) =>
  `<path d="M${num(x)} ${num(y - 0.5)}H${num(x + width)}" stroke="${color}" stroke-width="1"/>`;

function drawRow(row: Row, x: number, top: number, messageLeft: number, out: SvgOutput): void {
  const { severity, rule: ruleId } = row.finding;
  const colors = SEVERITY_COLORS[severity];
  const chipTop = top + ROW_PADDING + (LINE - CHIP_HEIGHT) / 2;
  const width = chipWidth(severity);
  out.push(
    `<g data-finding="${ruleId}" data-severity="${severity}">`,
    `<rect x="${num(x + 0.5)}" y="${num(chipTop + 0.5)}" width="${num(width - 1)}" height="${CHIP_HEIGHT - 1}" rx="${(CHIP_HEIGHT - 1) / 2}" fill="${colors.fill}" stroke="${colors.text}" stroke-width="1"/>`,
    textElement(
      x + width / 2,
      chipTop + baselineOffset(CHIP.size, CHIP_HEIGHT),
      SEVERITY_LABELS[severity],
      CHIP,
      colors.text,
      "middle",
    ),
  );
  const lineBaseline = (index: number, size: number) =>
    top + ROW_PADDING + index * LINE + baselineOffset(size, LINE);
  row.rule.forEach((line, i) => {
    out.push(
      textElement(x + SEVERITY_COLUMN, lineBaseline(i, RULE.size), line, RULE, COLORS.textMuted),
    );
  });
  row.message.forEach((line, i) => {
    out.push(
      textElement(x + messageLeft, lineBaseline(i, MESSAGE.size), line, MESSAGE, COLORS.text),
    );
  });
  out.push("</g>");
}
