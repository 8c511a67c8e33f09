import { listTemplates } from "@rolemap/domain";
import { EXIT, type ExitCode } from "../exit-codes";
import type { Output } from "../io";

/** What `listTemplates` gives: a template without its chart document. */
export type TemplateSummary = ReturnType<typeof listTemplates>[number];

export interface TemplatesOptions {
  json?: boolean;
}

/** The first sentence of a description, on one line: the table has one row per template. */
export function oneLine(description: string): string {
  const flat = description.replace(/\s+/g, " ").trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

/** Cuts text to `width` characters, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}

/** Descriptions are never cut shorter than this, however narrow the terminal. */
const MIN_DESCRIPTION_WIDTH = 20;

/**
 * Left-aligned columns separated by two spaces; the header row is bold when colour is on.
 * With `columns` (a terminal's width) descriptions are cut so each row stays on one line;
 * without it (a pipe or file) they are kept whole.
 */
export function formatTemplateTable(
  templates: readonly TemplateSummary[],
  bold: (text: string) => string,
  columns?: number,
): string {
  if (templates.length === 0) return "No templates\n";
  const header = ["ID", "NAME", "DESCRIPTION"] as const;
  const idWidth = Math.max(header[0].length, ...templates.map((template) => template.id.length));
  const nameWidth = Math.max(
    header[1].length,
    ...templates.map((template) => template.name.length),
  );
  const descriptionWidth =
    columns === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(MIN_DESCRIPTION_WIDTH, columns - idWidth - nameWidth - 4);
  const row = (id: string, name: string, description: string) =>
    `${id.padEnd(idWidth)}  ${name.padEnd(nameWidth)}  ${truncate(description, descriptionWidth)}`.trimEnd();
  return `${[
    bold(row(...header)),
    ...templates.map((template) => row(template.id, template.name, oneLine(template.description))),
  ].join("\n")}\n`;
}

export function runTemplates(options: TemplatesOptions, io: Output): ExitCode {
  const templates = listTemplates();
  io.stdout(
    options.json
      ? `${JSON.stringify(templates)}\n`
      : formatTemplateTable(templates, io.colors.bold, io.columns),
  );
  return EXIT.ok;
}
