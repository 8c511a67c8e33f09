import { z } from "zod";
import { RaciCodeSchema, ResponsibilitySchema, RoleSchema } from "./chart";
import { RACI_CODES } from "./constants";

/**
 * A silent RACI round: the facilitator opens a round on chosen matrix rows; each
 * participant fills in their own codes, which no one else sees until the reveal; the
 * reveal shows per cell how many chose each code and marks disagreement. Adopting a result
 * is an ordinary batch of operations (it goes through the operation path like any edit).
 * Not part of history.md: Rolemap's own contract, documented in apps/api/README.md.
 */

const ChartIdSchema = z.uuid({ error: "chart id must be a UUID" });
const RoundIdSchema = z.uuid({ error: "round id must be a UUID" });
const roleId = RoleSchema.shape.id;
const responsibilityId = ResponsibilitySchema.shape.id;

export const ROUND_ROWS_MAX = 200;
export const ROUND_STATUSES = ["open", "revealed"] as const;
export const RoundStatusSchema = z.enum(ROUND_STATUSES);

export const StartRoundBodySchema = z.strictObject({
  /** The matrix rows people fill in. */
  responsibilities: z
    .array(responsibilityId)
    .min(1, "choose at least one row")
    .max(ROUND_ROWS_MAX, `a round has at most ${ROUND_ROWS_MAX} rows`)
    .refine((ids) => new Set(ids).size === ids.length, "rows must not repeat"),
  /** The roles (columns) offered; every role of the chart when absent. */
  roles: z
    .array(roleId)
    .min(1, "choose at least one role")
    .refine((ids) => new Set(ids).size === ids.length, "roles must not repeat")
    .optional(),
});

/** One participant's codes for one cell: none, one, or several ("A" and "R"). */
export const RoundVoteSchema = z.strictObject({
  role: roleId,
  responsibility: responsibilityId,
  codes: z
    .array(RaciCodeSchema)
    .max(RACI_CODES.length)
    .refine((codes) => new Set(codes).size === codes.length, "codes must not repeat"),
});
export const RoundVotesBodySchema = z.strictObject({
  /** My codes for the round: every cell I fill in (cells left out are empty). */
  votes: z.array(RoundVoteSchema).max(20_000),
});

const CodeCountsSchema = z.strictObject({
  R: z.int().min(0),
  A: z.int().min(0),
  C: z.int().min(0),
  I: z.int().min(0),
  S: z.int().min(0),
});

/** A cell after the reveal: how many chose each code. */
export const RoundCellResultSchema = z.strictObject({
  role: z.string(),
  responsibility: z.string(),
  counts: CodeCountsSchema,
  /** People did not all give this cell the same codes. */
  disagree: z.boolean(),
});

/** A row after the reveal: who people saw as accountable. */
export const RoundRowResultSchema = z.strictObject({
  responsibility: z.string(),
  /** How many people filled in anything on this row. */
  voters: z.int().min(0),
  /** Each role someone marked A on this row, with how many did. */
  accountables: z.array(z.strictObject({ role: z.string(), votes: z.int().min(1) })),
  /** Two people saw different accountables: the conversation to have. */
  disagree: z.boolean(),
  /** Cells with a disagreement on this row. */
  disagreements: z.int().min(0),
});

export const RoundSchema = z.strictObject({
  id: RoundIdSchema,
  chartId: ChartIdSchema,
  status: RoundStatusSchema,
  responsibilities: z.array(z.string()),
  roles: z.array(z.string()),
  startedAt: z.iso.datetime(),
  startedBy: z.strictObject({ name: z.string() }),
  revealedAt: z.iso.datetime().nullable(),
  /** How many people have filled in at least one cell (names stay hidden until the reveal). */
  participants: z.int().min(0),
  /** The asker's own codes (what they filled in). */
  mine: z.array(RoundVoteSchema),
  /** After the reveal: every cell anyone filled in, and each row. Null while open. */
  results: z
    .strictObject({
      cells: z.array(RoundCellResultSchema),
      rows: z.array(RoundRowResultSchema),
    })
    .nullable(),
});
export const RoundsResponseSchema = z.strictObject({ rounds: z.array(RoundSchema) });
export const RoundParamsSchema = z.strictObject({ id: ChartIdSchema, rid: RoundIdSchema });

export type RoundStatus = z.infer<typeof RoundStatusSchema>;
export type StartRoundBody = z.infer<typeof StartRoundBodySchema>;
export type RoundVote = z.infer<typeof RoundVoteSchema>;
export type RoundVotesBody = z.infer<typeof RoundVotesBodySchema>;
export type RoundCellResult = z.infer<typeof RoundCellResultSchema>;
export type RoundRowResult = z.infer<typeof RoundRowResultSchema>;
export type Round = z.infer<typeof RoundSchema>;
export type RoundsResponse = z.infer<typeof RoundsResponseSchema>;
