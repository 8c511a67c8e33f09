import type { ImportProblem } from "@rolemap/contract";
import Papa from "papaparse";

/** One record of the file: its raw cells and the physical line (1-based) where it starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: CsvRecord;
  /** The data records after the header; blank records (every cell empty) left out. */
  records: CsvRecord[];
}

export type ReadCsvResult =
  | { ok: true; table: CsvTable; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

/** Separators spreadsheets write: "," in English locales, ";" where "," is the decimal mark, tab. */
const DELIMITERS = [",", ";", "\t"];

const SEPARATOR_HINT = /^sep=([^\n])\n/i;

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes:
    "a quoted value starting on this line is never closed, so the rest of the file was read as part of it",
  InvalidQuotes:
    'a quoted value has text after its closing quote (a quote inside a quoted value must be doubled: "")',
};

/**
 * Splits CSV text into records with papaparse. Handles a UTF-8 byte order mark, CRLF, CR
 * or mixed line breaks, ",", ";" or tab separators (detected from the first records, or
 * named by Excel's "sep=" line) and
 * quoted values across lines: each record keeps the line of the file where it starts,
 * counted as a text editor counts lines. The first non-blank record is the header.
 */
export function readCsv(text: string): ReadCsvResult {
  let body = (text.startsWith("\ufeff") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  // Excel's "sep=;" first line names the separator; the records start on line 2.
  const hint = SEPARATOR_HINT.exec(body);
  if (hint !== null) body = body.slice(hint[0].length);
  if (body.trim() === "") return fail("the file is empty");

  const delimiter = hint?.[1] ?? guessDelimiter(body);
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let recordStart = 0;
  let scanned = 0;
  let line = hint === null ? 1 : 2;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    step: (result) => {
      // The cursor is where the next record starts; counting the line breaks since the
      // last record once keeps this linear however many lines a quoted value spans.
      for (; scanned < recordStart; scanned += 1) if (body.charCodeAt(scanned) === 10) line += 1;
      recordStart = result.meta.cursor;
      const reported = new Set<string>();
      for (const error of result.errors) {
        const message = QUOTE_PROBLEMS[error.code];
        if (message !== undefined && !reported.has(error.code)) {
          reported.add(error.code);
          problems.push({ line, column: null, message });
        }
      }
      const cells = result.data;
      if (cells.some((cell) => cell.trim() !== "")) records.push({ line, cells });
    },
  });

  const [header, ...data] = records;
  if (header === undefined) return fail("the file is empty");
  if (data.length === 0 && problems.length === 0)
    return fail("the file has a header row but no data rows");
  return { ok: true, table: { header, records: data }, problems };
}

/**
 * The separator: the only one of `DELIMITERS` in the first record outside quoted values,
 * when just one is there (every file `writeCsv` makes, which quotes values holding any of
 * them); else papaparse's guess from the first records, which prefers the separator that
 * splits rows alike into the most fields and so can be misled by a header like
 * `Name,Notes;a;b;c` that is unquoted.
 */
function guessDelimiter(body: string): string {
  const inHeader = separatorsOfFirstRecord(body);
  if (inHeader.size === 1) return [...inHeader][0] ?? ",";
  const guess = Papa.parse<string[]>(body, {
    preview: 1,
    newline: "\n",
    skipEmptyLines: "greedy",
    delimitersToGuess: DELIMITERS,
  });
  return guess.meta.delimiter;
}

function fail(message: string): ReadCsvResult {
  return { ok: false, problems: [{ line: null, column: null, message }] };
}

/**
 * The separators that stand outside quoted values in the first record with content (a line
 * of only separators and white space is skipped, as the reader skips it).
 */
function separatorsOfFirstRecord(body: string): Set<string> {
  const found = new Set<string>();
  let fieldStart = true;
  let content = false;
  for (let index = 0; index < body.length; index += 1) {
    const char = body.charAt(index);
    if (fieldStart && char === '"') {
      // A quoted value runs to the quote that is not doubled.
      const start = index + 1;
      index = body.indexOf('"', start);
      while (index !== -1 && body.charAt(index + 1) === '"') index = body.indexOf('"', index + 2);
      if (index === -1) break;
      fieldStart = false;
      content ||= body.slice(start, index).trim() !== "";
    } else if (char === "\n") {
      if (content) break;
      found.clear();
      fieldStart = true;
    } else if (DELIMITERS.includes(char)) {
      found.add(char);
      fieldStart = true;
    } else {
      fieldStart = false;
      if (char.trim() !== "") content = true;
    }
  }
  return found;
}
