import { z } from "zod";
import { ChartRecordSchema } from "./api";
import {
  AssignmentSchema,
  ChartDocumentSchema,
  LineKindSchema,
  ReportingLineSchema,
} from "./chart";
import { FindingSchema } from "./finding";

/**
 * History and scenarios (`../shared/spec/history.md`): the version list (the operation log
 * in words), a version's document, restore, what-if copies, compare and promote.
 */

const ChartIdSchema = z.uuid({ error: "chart id must be a UUID" });
const VersionNumberSchema = z.coerce
  .number({ error: "version must be an integer" })
  .int("version must be an integer")
  .min(1, "version must be at least 1");

export const VERSION_KINDS = [
  "create",
  "operations",
  "replace",
  "import",
  "restore",
  "promote",
] as const;
export const VersionKindSchema = z.enum(VERSION_KINDS);

export const VersionSummarySchema = z.strictObject({
  version: z.int().min(1),
  kind: VersionKindSchema,
  by: z.strictObject({ name: z.string() }),
  at: z.iso.datetime(),
  /** In words: "moved CIO under CEO; 3 matrix cells". */
  summary: z.string(),
  /** restore: the version it brought back; promote: the scenario it came from. */
  restoredFrom: z.int().min(1).optional(),
  promotedFrom: z.strictObject({ id: ChartIdSchema, name: z.string() }).optional(),
});

export const VERSIONS_PAGE_MAX = 200;
export const VersionsQuerySchema = z.strictObject({
  /** Versions older than this one (the next page). */
  before: VersionNumberSchema.optional(),
  limit: z.coerce
    .number({ error: "limit must be an integer" })
    .int("limit must be an integer")
    .min(1, "limit must be at least 1")
    .max(VERSIONS_PAGE_MAX, `limit must be at most ${VERSIONS_PAGE_MAX}`)
    .default(50),
});
export const VersionsResponseSchema = z.strictObject({
  /** Newest first. Versions compacted away (history.md) are not listed. */
  versions: z.array(VersionSummarySchema),
  /** The version to pass as `before` for the next page; null on the last page. */
  next: z.int().min(1).nullable(),
});
export const VersionParamsSchema = z.strictObject({ id: ChartIdSchema, v: VersionNumberSchema });

/** `GET /versions/:v`: the document as it was, with the version it is. */
export const VersionDocumentSchema = z.strictObject({
  id: ChartIdSchema,
  version: z.int().min(1),
  document: ChartDocumentSchema,
});

export const RestoreBodySchema = z.strictObject({
  version: z.int({ error: "version must be an integer" }).min(1, "version must be at least 1"),
});

// ---- scenarios ---------------------------------------------------------------------------

export const ScenarioNameSchema = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, "name must not be empty")
  .max(120, "name must be at most 120 characters");

export const CreateScenarioBodySchema = z.strictObject({ name: ScenarioNameSchema });

/** A what-if copy of a chart: a chart of its own that remembers where it came from. */
export const ScenarioSchema = z.strictObject({
  id: ChartIdSchema,
  name: z.string(),
  /** The chart it was made from. */
  scenarioOf: ChartIdSchema,
  /** That chart's version when the copy was made (what promote compares against). */
  baseVersion: z.int().min(1),
  version: z.int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: z.strictObject({ name: z.string() }),
  /** Set once promoted: the original's version it became. */
  promotedAt: z.iso.datetime().nullable(),
  promotedVersion: z.int().min(1).nullable(),
});
/** `POST /scenarios`' answer: the new chart, as a chart record that names its original. */
export const ScenarioRecordSchema = ChartRecordSchema.extend({
  scenarioOf: ChartIdSchema,
  baseVersion: z.int().min(1),
});
export const ScenariosResponseSchema = z.strictObject({ scenarios: z.array(ScenarioSchema) });

export const CompareParamsSchema = z.strictObject({ a: ChartIdSchema, b: ChartIdSchema });

// ---- the diff ----------------------------------------------------------------------------

/** A field's value before and after: `{title: ["CIO", "Chief Information Officer"]}`. */
const FieldChangesSchema = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));

const RoleRefSchema = z.strictObject({ id: z.string(), title: z.string() });
const ResponsibilityRefSchema = z.strictObject({ id: z.string(), name: z.string() });

export const ComparisonSchema = z.strictObject({
  roles: z.strictObject({
    added: z.array(RoleRefSchema),
    removed: z.array(RoleRefSchema),
    /** Fields other than position and manager: title, holder, department, notes. */
    changed: z.array(RoleRefSchema.extend({ fields: FieldChangesSchema })),
    /** A new solid-line manager (null: a top role). */
    moved: z.array(
      RoleRefSchema.extend({ from: z.string().nullable(), to: z.string().nullable() }),
    ),
  }),
  lines: z.strictObject({
    added: z.array(ReportingLineSchema),
    removed: z.array(ReportingLineSchema),
    /** Same pair, other kind (solid ↔ dotted). */
    changed: z.array(
      z.strictObject({
        manager: z.string(),
        report: z.string(),
        from: LineKindSchema,
        to: LineKindSchema,
      }),
    ),
  }),
  responsibilities: z.strictObject({
    added: z.array(ResponsibilityRefSchema),
    removed: z.array(ResponsibilityRefSchema),
    changed: z.array(ResponsibilityRefSchema.extend({ fields: FieldChangesSchema })),
  }),
  cells: z.strictObject({
    added: z.array(AssignmentSchema),
    removed: z.array(AssignmentSchema),
  }),
  findings: z.strictObject({
    /** In `a`, not in `b`: what `b` fixes. */
    fixed: z.array(FindingSchema),
    /** In `b`, not in `a`: what `b` opens. */
    new: z.array(FindingSchema),
  }),
  /** Chart name and settings, when they differ. */
  chart: z.strictObject({ fields: FieldChangesSchema }),
});

/** `GET /compare/:b`: the diff with both sides named. */
export const CompareResponseSchema = z.strictObject({
  a: z.strictObject({ id: ChartIdSchema, name: z.string(), version: z.int().min(1) }),
  b: z.strictObject({ id: ChartIdSchema, name: z.string(), version: z.int().min(1) }),
  diff: ComparisonSchema,
});

export const PromoteBodySchema = z.strictObject({
  /** The scenario's version to promote; its current one when absent. */
  version: z.int({ error: "version must be an integer" }).min(1).optional(),
});

/** One thing both the original (since `baseVersion`) and the scenario changed differently. */
export const PromoteConflictSchema = z.strictObject({
  kind: z.enum(["chart", "role", "line", "responsibility", "cell"]),
  /** Role id, responsibility id, "manager>report" for a line, "role/responsibility" for a cell. */
  subject: z.string(),
  /** The field both changed, when it is one field. */
  field: z.string().optional(),
  /** For people: titles and names. */
  message: z.string(),
});

export const PromoteResponseSchema = z.strictObject({
  id: ChartIdSchema,
  version: z.int().min(1),
  /** The operations the promote applied to the original. */
  applied: z.int().min(0),
});

export const ComparisonExportQuerySchema = z.strictObject({
  format: z.enum(["pdf", "png", "svg"], { error: 'format must be "pdf", "png" or "svg"' }),
});

export type VersionKind = z.infer<typeof VersionKindSchema>;
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type VersionsQuery = z.infer<typeof VersionsQuerySchema>;
export type VersionsResponse = z.infer<typeof VersionsResponseSchema>;
export type VersionDocument = z.infer<typeof VersionDocumentSchema>;
export type RestoreBody = z.infer<typeof RestoreBodySchema>;
export type CreateScenarioBody = z.infer<typeof CreateScenarioBodySchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioRecord = z.infer<typeof ScenarioRecordSchema>;
export type ScenariosResponse = z.infer<typeof ScenariosResponseSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type CompareResponse = z.infer<typeof CompareResponseSchema>;
export type PromoteBody = z.infer<typeof PromoteBodySchema>;
export type PromoteConflict = z.infer<typeof PromoteConflictSchema>;
export type PromoteResponse = z.infer<typeof PromoteResponseSchema>;
export type ComparisonExportQuery = z.infer<typeof ComparisonExportQuerySchema>;
