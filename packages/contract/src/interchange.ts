import { z } from "zod";
import { ChartIdSchema } from "./api";

/**
 * Export and import: the formats, their options (as the API's query string and the CLI's
 * flags give them, so strings are coerced) and what an import reports. The packages that
 * write and read files (@rolemap/render, @rolemap/interchange, @rolemap/export) take these
 * inferred types; none are written again there.
 */

export const EXPORT_FORMATS = ["svg", "png", "pdf", "pptx", "json", "csv", "xlsx"] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: `format must be one of ${EXPORT_FORMATS.join(", ")}`,
});

export const PAGE_SIZES = ["a4", "letter", "a3"] as const;
export const PageSizeSchema = z.enum(PAGE_SIZES, {
  error: `page must be one of ${PAGE_SIZES.join(", ")}`,
});

/** "pages": a large chart is split across pages after an overview; "one-page": shrunk to fit. */
export const PDF_FITS = ["pages", "one-page"] as const;
export const PdfFitSchema = z.enum(PDF_FITS, {
  error: `fit must be one of ${PDF_FITS.join(", ")}`,
});

/** "true"/"false" (also 1/0, yes/no, on/off) in a query string or a CLI flag. */
const FlagSchema = z.stringbool({ error: "must be true or false" });

export const ExportOptionsSchema = z.strictObject({
  format: ExportFormatSchema,
  /** PNG pixels per chart unit. */
  scale: z.coerce
    .number({ error: "scale must be a number from 1 to 4" })
    .min(1, { error: "scale must be a number from 1 to 4" })
    .max(4, { error: "scale must be a number from 1 to 4" })
    .default(2),
  /** PDF paper, always landscape. */
  page: PageSizeSchema.default("a4"),
  fit: PdfFitSchema.default("pages"),
  /** Finding badges on the cards and a findings appendix. */
  findings: FlagSchema.default(false),
});

export const IMPORT_FORMATS = ["org-csv", "matrix-csv", "json"] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS, {
  error: `format must be one of ${IMPORT_FORMATS.join(", ")}`,
});

export const ImportOptionsSchema = z.strictObject({
  format: ImportFormatSchema,
  /** matrix-csv only: merge the matrix into this existing chart instead of creating one. */
  into: ChartIdSchema.optional(),
  /** Name of the new chart (default: from the file, or "Imported chart"). */
  name: z.string().trim().min(1).max(200).optional(),
  /** Check and count only: nothing is stored (the editor's preview). */
  preview: FlagSchema.default(false),
});

/** One problem of an imported file; `line` is the file's line (1-based) where it starts. */
export const ImportProblemSchema = z.strictObject({
  line: z.int().min(1).nullable(),
  /** The column's header as the file spells it, when the problem is in one cell. */
  column: z.string().nullable(),
  message: z.string(),
});

export const ImportCountsSchema = z.strictObject({
  roles: z.int().min(0),
  reportingLines: z.int().min(0),
  responsibilities: z.int().min(0),
  assignments: z.int().min(0),
});

/** What an import would create (or did create), and every problem that stops it. */
export const ImportPreviewSchema = z.strictObject({
  counts: ImportCountsSchema,
  problems: z.array(ImportProblemSchema),
});

export type ExportFormat = z.infer<typeof ExportFormatSchema>;
export type PageSize = z.infer<typeof PageSizeSchema>;
export type PdfFit = z.infer<typeof PdfFitSchema>;
/** Options after parsing, defaults filled in. */
export type ExportOptions = z.output<typeof ExportOptionsSchema>;
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
export type ImportOptions = z.output<typeof ImportOptionsSchema>;
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
export type ImportCounts = z.infer<typeof ImportCountsSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
