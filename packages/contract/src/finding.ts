import { z } from "zod";
import { CATEGORIES, RULE_IDS, SEVERITIES } from "./constants";

export const RuleIdSchema = z.enum(RULE_IDS);
export const CategorySchema = z.enum(CATEGORIES);
export const SeveritySchema = z.enum(SEVERITIES);

export const FindingSchema = z.strictObject({
  rule: RuleIdSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  /** Role ids, sorted ascending. */
  roles: z.array(z.string()),
  /** Responsibility ids, sorted ascending. */
  responsibilities: z.array(z.string()),
  /** For people: titles and names, never ids. */
  message: z.string(),
});

export const FindingsResponseSchema = z.strictObject({ findings: z.array(FindingSchema) });

export type RuleId = z.infer<typeof RuleIdSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type FindingsResponse = z.infer<typeof FindingsResponseSchema>;
