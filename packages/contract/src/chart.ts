import { z } from "zod";
import {
  CHART_FORMAT,
  type DEFAULT_SETTINGS,
  LIMITS,
  LINE_KINDS,
  RACI_CODES,
  SETTING_MINIMUMS,
} from "./constants";
import { checkReferences } from "./references";

const id = (what: string) =>
  z
    .string({ error: `${what} id must be a string` })
    .min(1, `${what} id must not be empty`)
    .max(LIMITS.idLength, `${what} id must be at most ${LIMITS.idLength} characters`);

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

export const PositionSchema = z.strictObject({
  x: z.number({ error: "x must be a finite number" }),
  y: z.number({ error: "y must be a finite number" }),
});

export const RoleSchema = z.strictObject({
  id: id("role"),
  title: text("title", LIMITS.titleLength),
  holder: z.string({ error: "holder must be a string or null" }).nullable().optional(),
  department: z.string({ error: "department must be a string" }).optional(),
  notes: z.string({ error: "notes must be a string" }).optional(),
  position: PositionSchema.optional(),
});

export const LineKindSchema = z.enum(LINE_KINDS, { error: 'kind must be "solid" or "dotted"' });

export const ReportingLineSchema = z.strictObject({
  manager: id("manager role"),
  report: id("report role"),
  kind: LineKindSchema,
});

export const ResponsibilitySchema = z.strictObject({
  id: id("responsibility"),
  name: text("name", LIMITS.nameLength),
  category: z.string({ error: "category must be a string" }).optional(),
  description: z.string({ error: "description must be a string" }).optional(),
});

export const RaciCodeSchema = z.enum(RACI_CODES, {
  error: 'code must be one of "R", "A", "C", "I", "S"',
});

export const AssignmentSchema = z.strictObject({
  role: id("role"),
  responsibility: id("responsibility"),
  code: RaciCodeSchema,
});

const setting = (key: keyof typeof DEFAULT_SETTINGS) =>
  z
    .int({ error: `${key} must be an integer` })
    .min(SETTING_MINIMUMS[key], `${key} must be at least ${SETTING_MINIMUMS[key]}`)
    .optional();

export const SettingsSchema = z.strictObject({
  maxResponsible: setting("maxResponsible"),
  maxConsulted: setting("maxConsulted"),
  maxAccountablePerRole: setting("maxAccountablePerRole"),
  maxSpanOfControl: setting("maxSpanOfControl"),
});

/** A chart's name: what a rename (`updateChart`) must satisfy as well. */
export const ChartNameSchema = z
  .string({ error: "name must be a string" })
  .refine((name) => name.trim() !== "", "name must not be blank")
  .refine(
    // Counted in characters (code points), like zod counts every other limit.
    (name) => [...name.trim()].length <= LIMITS.nameLength,
    `name must be at most ${LIMITS.nameLength} characters`,
  );

const chartShape = z.strictObject({
  format: z.literal(CHART_FORMAT, { error: `format must be "${CHART_FORMAT}"` }),
  name: ChartNameSchema,
  roles: z.array(RoleSchema, { error: "roles must be an array" }),
  reportingLines: z.array(ReportingLineSchema, { error: "reportingLines must be an array" }),
  responsibilities: z.array(ResponsibilitySchema, { error: "responsibilities must be an array" }),
  assignments: z.array(AssignmentSchema, { error: "assignments must be an array" }),
  settings: SettingsSchema.optional(),
});

/** The whole `rolemap.chart/v1` document, cross-references included. */
export const ChartDocumentSchema = chartShape.superRefine((document, ctx) => {
  for (const problem of checkReferences(document)) ctx.addIssue({ code: "custom", ...problem });
});

export type Position = z.infer<typeof PositionSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type LineKind = z.infer<typeof LineKindSchema>;
export type ReportingLine = z.infer<typeof ReportingLineSchema>;
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type RaciCode = z.infer<typeof RaciCodeSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type ChartDocument = z.infer<typeof ChartDocumentSchema>;
