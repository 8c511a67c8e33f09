import type { Finding, Severity } from "@rolemap/contract";
import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle, textWidth } from "../text/measure";
import { wrapText } from "../text/wrap";
import { cleanText, escapeAttribute } from "../text/xml-text";
import { COLORS, SEVERITY_COLORS, SEVERITY_LABELS } from "../theme";
import type { Block } from "./block";

/**
 * The findings appendix under the chart: a heading with the count per severity, then one
 * row per finding in the order given (validateChart's: severity, rule, …): a severity chip,
 * the rule id and the message, wrapped to the width. Every finding is listed. A comparison
 * lists its findings delta the same way, with a first column saying fixed or new.
 */

const TITLE: TextStyle = { size: 22, weight: 700 };
const TITLE_LINE = 30;
const SUMMARY: TextStyle = { size: 15, weight: 400 };
const SUMMARY_LINE = 24;
const HEADER: TextStyle = { size: 13, weight: 700 };
const HEADER_LINE = 26;
const CHIP: TextStyle = { size: 13, weight: 700 };
export const CHIP_HEIGHT = 22;
const CHIP_PADDING = 8;
const RULE: TextStyle = { size: 14, weight: 600 };
const MESSAGE: TextStyle = { size: 15, weight: 400 };
const LINE = 21;
const ROW_PADDING = 7;
const COLUMN_GAP = 20;
const HEADER_GAP = 12;
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export const chipWidth = (label: string) => textWidth(label, CHIP) + 2 * CHIP_PADDING;
const SEVERITY_COLUMN =
  Math.max(...SEVERITY_ORDER.map((severity) => chipWidth(SEVERITY_LABELS[severity]))) + COLUMN_GAP;

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

/** A chip before the severity: what happened to the finding ("Fixed", "New"). */
export interface StatusChip {
  label: string;
  text: string;
  fill: string;
  /** Written as `data-status` on the row. */
  status: string;
}

export interface AppendixOptions {
  /** Default "Findings". */
  title?: string;
  /** Default: the count per severity. */
  summary?: string;
  /** A first column headed `header`, with each finding's chip (by its index). */
  status?: { header: string; chipOf(index: number): StatusChip };
}

interface Row {
  finding: Finding;
  status: StatusChip | undefined;
  rule: string[];
  message: string[];
  height: number;
}

export function appendixBlock(
  findings: readonly Finding[],
  width: number,
  options: AppendixOptions = {},
): Block {
  const { title = "Findings", summary = summaryOf(findings), status } = options;
  const rows: Row[] = findings.map((finding, index) => ({
    finding,
    status: status?.chipOf(index),
    rule: [],
    message: [],
    height: 0,
  }));
  let statusColumn = 0;
  for (const row of rows)
    if (row.status !== undefined)
      statusColumn = Math.max(statusColumn, chipWidth(row.status.label) + COLUMN_GAP);
  const severityLeft = statusColumn;
  const ruleLeft = severityLeft + SEVERITY_COLUMN;
  let widestRule = 0;
  for (const finding of findings) widestRule = Math.max(widestRule, textWidth(finding.rule, RULE));
  const ruleWidth = Math.min(widestRule, width * 0.3);
  const messageLeft = ruleLeft + ruleWidth + COLUMN_GAP;
  const messageWidth = width - messageLeft;

  for (const row of rows) {
    row.rule = wrapText(row.finding.rule, RULE, [ruleWidth]);
    row.message = wrapText(cleanText(row.finding.message), MESSAGE, [messageWidth]);
    const lines = Math.max(1, row.rule.length, row.message.length);
    row.height = lines * LINE + 2 * ROW_PADDING;
  }
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
        textElement(x, y + baselineOffset(TITLE.size, TITLE_LINE), title, TITLE, COLORS.text),
        textElement(
          x,
          y + TITLE_LINE + baselineOffset(SUMMARY.size, SUMMARY_LINE),
          summary,
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
      if (status !== undefined)
        out.push(textElement(x, headerBaseline, status.header, HEADER, COLORS.textMuted));
      out.push(
        textElement(x + severityLeft, headerBaseline, "SEVERITY", HEADER, COLORS.textMuted),
        textElement(x + ruleLeft, headerBaseline, "RULE", HEADER, COLORS.textMuted),
        textElement(x + messageLeft, headerBaseline, "FINDING", HEADER, COLORS.textMuted),
        rule(x, top + HEADER_LINE, width, COLORS.borderSubtle),
      );
      top += HEADER_LINE;
      for (const row of rows) {
        drawRow(row, x, top, { severityLeft, ruleLeft, messageLeft }, out);
        top += row.height;
        out.push(rule(x, top, width, COLORS.rowRule));
      }
      out.push("</g>");
    },
  };
}

/** A hairline under a row, `width` long. */
export const rule = (x: number, y: number, width: number, color: string) =>
  `<path d="M${num(x)} ${num(y - 0.5)}H${num(x + width)}" stroke="${color}" stroke-width="1"/>`;

function drawRow(
  row: Row,
  x: number,
  top: number,
  columns: { severityLeft: number; ruleLeft: number; messageLeft: number },
  out: SvgOutput,
): void {
  const { severity, rule: ruleId } = row.finding;
  const chipTop = top + ROW_PADDING + (LINE - CHIP_HEIGHT) / 2;
  const statusAttribute =
    row.status === undefined ? "" : ` data-status="${escapeAttribute(row.status.status)}"`;
  out.push(`<g data-finding="${ruleId}" data-severity="${severity}"${statusAttribute}>`);
  if (row.status !== undefined) drawChip(x, chipTop, row.status, out);
  drawChip(
    x + columns.severityLeft,
    chipTop,
    { label: SEVERITY_LABELS[severity], ...SEVERITY_COLORS[severity] },
    out,
  );
  const lineBaseline = (index: number, size: number) =>
    top + ROW_PADDING + index * LINE + baselineOffset(size, LINE);
  row.rule.forEach((line, i) => {
    out.push(
      textElement(x + columns.ruleLeft, lineBaseline(i, RULE.size), line, RULE, COLORS.textMuted),
    );
  });
  row.message.forEach((line, i) => {
    out.push(
      textElement(
        x + columns.messageLeft,
        lineBaseline(i, MESSAGE.size),
        line,
        MESSAGE,
        COLORS.text,
      ),
    );
  });
  out.push("</g>");
}

/** A rounded chip with its label centred, its top-left corner at (x, top). */
export function drawChip(
  x: number,
  top: number,
  chip: { label: string; text: string; fill: string },
  out: SvgOutput,
): void {
  const width = chipWidth(chip.label);
  out.push(
    `<rect x="${num(x + 0.5)}" y="${num(top + 0.5)}" width="${num(width - 1)}" height="${CHIP_HEIGHT - 1}" rx="${(CHIP_HEIGHT - 1) / 2}" fill="${chip.fill}" stroke="${chip.text}" stroke-width="1"/>`,
    textElement(
      x + width / 2,
      top + baselineOffset(CHIP.size, CHIP_HEIGHT),
      chip.label,
      CHIP,
      chip.text,
      "middle",
    ),
  );
}
