import { z } from "zod";
import {
  AssignmentSchema,
  LineKindSchema,
  PositionSchema,
  RaciCodeSchema,
  ReportingLineSchema,
  ResponsibilitySchema,
  RoleSchema,
  SettingsSchema,
} from "./chart";

const roleId = RoleSchema.shape.id;
const responsibilityId = ResponsibilitySchema.shape.id;

/** Fields of a role that an edit may change (the id never changes). */
export const RoleChangesSchema = RoleSchema.omit({ id: true })
  .extend({
    // null clears an optional field; holder null means vacant.
    department: z.string().nullable().optional(),
    notes: z.string().nullable().optional(),
    position: PositionSchema.nullable().optional(),
  })
  .partial();

export const ResponsibilityChangesSchema = ResponsibilitySchema.omit({ id: true })
  .extend({
    category: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
  })
  .partial();

/** One fine-grained edit of a chart; a batch of them is applied all or nothing. */
export const OperationSchema = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("addRole"),
    role: RoleSchema,
    /** Place among the roles (matrix column); at the end when absent. */
    index: z.int().min(0).optional(),
  }),
  z.strictObject({ op: z.literal("updateRole"), id: roleId, changes: RoleChangesSchema }),
  z.strictObject({ op: z.literal("removeRole"), id: roleId }),
  z.strictObject({
    op: z.literal("moveRole"),
    id: roleId,
    /** New place on the canvas. */
    position: PositionSchema.optional(),
    /** New solid-line manager (replaces the current ones); null makes it a top role. */
    manager: roleId.nullable().optional(),
  }),
  z.strictObject({ op: z.literal("addLine"), line: ReportingLineSchema }),
  z.strictObject({ op: z.literal("updateLine"), line: ReportingLineSchema, kind: LineKindSchema }),
  z.strictObject({ op: z.literal("removeLine"), line: ReportingLineSchema }),
  z.strictObject({
    op: z.literal("addResponsibility"),
    responsibility: ResponsibilitySchema,
    /** Row position; at the end when absent. */
    index: z.int().min(0).optional(),
  }),
  z.strictObject({
    op: z.literal("updateResponsibility"),
    id: responsibilityId,
    changes: ResponsibilityChangesSchema,
  }),
  z.strictObject({ op: z.literal("removeResponsibility"), id: responsibilityId }),
  z.strictObject({
    op: z.literal("moveResponsibility"),
    id: responsibilityId,
    index: z.int().min(0),
  }),
  z.strictObject({ op: z.literal("addAssignment"), assignment: AssignmentSchema }),
  z.strictObject({
    op: z.literal("updateAssignment"),
    assignment: AssignmentSchema,
    code: RaciCodeSchema,
  }),
  z.strictObject({ op: z.literal("removeAssignment"), assignment: AssignmentSchema }),
  z.strictObject({
    op: z.literal("updateChart"),
    name: z.string().optional(),
    settings: SettingsSchema.nullable().optional(),
  }),
]);

export const OperationBatchSchema = z
  .array(OperationSchema)
  .min(1, "at least one operation is needed")
  .max(5000);

export type RoleChanges = z.infer<typeof RoleChangesSchema>;
export type ResponsibilityChanges = z.infer<typeof ResponsibilityChangesSchema>;
export type Operation = z.infer<typeof OperationSchema>;
export type OperationKind = Operation["op"];
