import type { ImportFormat } from "@rolemap/contract";

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, { label: string; hint: string }> = {
  "org-csv": {
    label: "Org list CSV",
    hint: "One row per person or position: name, title, manager, department.",
  },
  "matrix-csv": {
    label: "Matrix CSV",
    hint: "Responsibilities down the first column, one column per role, cells R, A, C, I, S.",
  },
  json: { label: "Rolemap JSON", hint: "A chart exported from Rolemap as JSON." },
};

/** A picked file, read as text. */
export interface ImportFile {
  /** New for every file picked (also the same file picked again after fixing it). */
  id: number;
  name: string;
  size: number;
  text: string;
  /** Spreadsheets on Windows often save CSV in Windows-1252; such files are read as that. */
  encoding: "utf-8" | "windows-1252";
}

let lastFileId = 0;

/** The file's text: UTF-8 (a BOM is dropped), or Windows-1252 when it is not valid UTF-8. */
export async function readImportFile(file: File): Promise<ImportFile> {
  const bytes = await file.arrayBuffer();
  lastFileId += 1;
  const base = { id: lastFileId, name: file.name, size: file.size };
  try {
    return {
      ...base,
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
    };
  } catch {
    return {
      ...base,
      text: new TextDecoder("windows-1252").decode(bytes),
      encoding: "windows-1252",
    };
  }
}

/** The first cell of the first row that is not blank or Excel's "sep=;" line, lower case. */
function firstHeaderCell(text: string): string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const header = lines.find((line) => line.trim() !== "" && !/^\s*"?sep=.?"?\s*$/i.test(line));
  if (header === undefined) return "";
  const trimmed = header.trimStart();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return (end < 0 ? trimmed.slice(1) : trimmed.slice(1, end)).trim().toLowerCase();
  }
  return (trimmed.split(/[,;\t]/)[0] ?? "").trim().toLowerCase();
}

/**
 * The likely format of a file: `.json` (or text that starts like a JSON object) is a chart
 * document; a CSV whose first header cell is "Responsibility" is a matrix (as the matrix
 * export writes it); any other CSV is an org list.
 */
export function guessImportFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return "json";
  const first = firstHeaderCell(text);
  if (first === "responsibility" || first === "responsibilities") return "matrix-csv";
  if (
    !/\.(csv|tsv|txt)$/i.test(fileName) &&
    text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("{")
  )
    return "json";
  return "org-csv";
}

/** "acme_org-export 2026.csv" → "acme org-export 2026": a chart name from a file name. */
export function chartNameFromFileName(fileName: string): string {
  const name = fileName
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/_+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200)
    .trim();
  return name === "" ? "Imported chart" : name;
}
