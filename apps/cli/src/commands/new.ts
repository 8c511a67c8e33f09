import { LIMITS } from "@rolemap/contract/constants";
import { getTemplate, listTemplates } from "@rolemap/domain";
import { EXIT, type ExitCode } from "../exit-codes";
import type { Output } from "../io";

export interface NewOptions {
  template: string;
  name?: string;
}

/** Why a `--name` value cannot be a chart name, or undefined when it can (chart-format.md). */
export function checkChartName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return "--name must not be blank";
  if (trimmed.length > LIMITS.nameLength)
    return `--name must be at most ${LIMITS.nameLength} characters (got ${trimmed.length})`;
  return undefined;
}

/**
 * `rolemap new --template ID`: the template's chart document as pretty JSON on stdout, so
 * it can be redirected straight into a file and edited.
 */
export function runNew(options: NewOptions, io: Output): ExitCode {
  const template = getTemplate(options.template);
  if (template === undefined) {
    const ids = listTemplates().map((summary) => summary.id);
    io.stderr(`unknown template "${options.template}"; valid ids: ${ids.join(", ")}\n`);
    return EXIT.usage;
  }
  let document = template.document;
  if (options.name !== undefined) {
    const problem = checkChartName(options.name);
    if (problem !== undefined) {
      io.stderr(`${problem}\n`);
      return EXIT.usage;
    }
    document = { ...document, name: options.name.trim() };
  }
  io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  return EXIT.ok;
}
