import { readFile } from "node:fs/promises";
import pc from "picocolors";

/** Text, or the bytes of an exported file. */
export type Write = (chunk: string | Uint8Array) => void;
export type Colors = ReturnType<typeof pc.createColors>;

/** Where a command writes. Passed in rather than taken from `process` so tests can capture it. */
export interface Output {
  stdout: Write;
  stderr: Write;
  /** Formatters for stdout; they return their input unchanged when colour is off. */
  colors: Colors;
  /** Width of the terminal, or undefined when stdout is not one (then lines are not cut). */
  columns?: number | undefined;
  /** Whether stdout is a terminal (binary files are not written to one). */
  stdoutIsTTY?: boolean;
}

/** Where `validate` reads a chart from: a path, or `-` for standard input. */
export interface ChartSource {
  readFile: (path: string) => Promise<string>;
  readStdin: () => Promise<string>;
}

export type CommandIO = Output & ChartSource;

export interface ColourContext {
  isTTY: boolean | undefined;
  env: Record<string, string | undefined>;
}

/**
 * Colour only for a person at a terminal. picocolors' own detection also turns colour on
 * for `CI` and on Windows even when output is piped, which would put escape codes into
 * files and `--json`-less pipelines, so the decision is made here: NO_COLOR wins, then
 * FORCE_COLOR (Node's meaning: `0`/`false` turn colour off), then a non-dumb TTY.
 */
export function colourEnabled({ isTTY, env }: ColourContext): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return isTTY === true && env.TERM !== "dumb";
}

export async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** The real terminal, files and standard input. */
export function processIO(): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colors: pc.createColors(colourEnabled({ isTTY: process.stdout.isTTY, env: process.env })),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stdoutIsTTY: process.stdout.isTTY === true,
    readFile: (path) => readFile(path, "utf8"),
    readStdin: () => readAll(process.stdin),
  };
}
