import { type ChartDocument, describeIssue, parseChart } from "@rolemap/contract";
import type { ChartSource } from "./io";

/** The argument that means "read standard input". */
export const STDIN = "-";

export type ChartFileResult =
  | { ok: true; label: string; document: ChartDocument }
  /** `message` is ready for stderr: one or more lines, each newline-terminated. */
  | { ok: false; label: string; message: string };

/** How the source is named in messages: the path as the user typed it, or `<stdin>`. */
export function sourceLabel(file: string): string {
  return file === STDIN ? "<stdin>" : file;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

/**
 * The parser's own message, kept on one line, with line and column added when it names a
 * character position (V8 says "at position 13"; a person wants "line 3, column 3").
 */
export function describeJsonError(text: string, error: unknown): string {
  if (text.trim() === "") return "the input is empty";
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /\s*\n\s*/g,
    " ",
  );
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const { line, column } = lineAndColumn(text, Number(position));
  return `${message} (line ${line}, column ${column})`;
}

export type TextFileResult =
  | { ok: true; label: string; text: string }
  | { ok: false; label: string; message: string };

/** Reads a file (or stdin for "-") as UTF-8; a failure is a message naming the source. */
export async function readTextFile(file: string, source: ChartSource): Promise<TextFileResult> {
  const label = sourceLabel(file);
  try {
    const text = file === STDIN ? await source.readStdin() : await source.readFile(file);
    return { ok: true, label, text };
  } catch (error) {
    return { ok: false, label, message: `${label}: cannot read file: ${readFailure(error)}\n` };
  }
}

/**
 * Reads, JSON-parses and checks a chart document. Every failure becomes a message naming
 * the source, so the caller only prints it and exits 2.
 */
export async function readChartFile(file: string, source: ChartSource): Promise<ChartFileResult> {
  const read = await readTextFile(file, source);
  if (!read.ok) return read;
  const { label } = read;
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const text = read.text.startsWith("\uFEFF") ? read.text.slice(1) : read.text;

  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      label,
      message: `${label}: not valid JSON: ${describeJsonError(text, error)}\n`,
    };
  }

  const parsed = parseChart(input);
  if (parsed.ok) return { ok: true, label, document: parsed.value };
  const lines = [
    `${label}: invalid chart document (${plural(parsed.issues.length, "problem")})`,
    ...parsed.issues.map((issue) => `  ${describeIssue(issue)}`),
  ];
  return { ok: false, label, message: `${lines.join("\n")}\n` };
}
