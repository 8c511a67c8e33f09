import { z } from "zod";
import { CATEGORIES, SEVERITIES } from "./constants";

const count = z.int().min(0);
const countsOf = <const T extends readonly string[]>(keys: T) =>
  z.strictObject(
    Object.fromEntries(keys.map((key) => [key, count])) as Record<T[number], typeof count>,
  );

/** Counts and loads of one chart, as `summariseChart` computes them. */
export const ChartSummarySchema = z.strictObject({
  roles: count,
  vacantRoles: count,
  solidLines: count,
  dottedLines: count,
  responsibilities: count,
  assignments: count,
  findings: z.strictObject({
    total: count,
    bySeverity: countsOf(SEVERITIES),
    byCategory: countsOf(CATEGORIES),
  }),
  /** Managers with at least one solid report, widest span first. */
  spanOfControl: z.array(z.strictObject({ role: z.string(), reports: count })),
  /** Every role in document order with how many responsibilities it is A and R on. */
  accountability: z.array(
    z.strictObject({ role: z.string(), accountable: count, responsible: count }),
  ),
});

export type ChartSummary = z.infer<typeof ChartSummarySchema>;
