import { z } from "zod";
import { ResponsibilitySchema, RoleSchema } from "./chart";

/**
 * Comments (`../shared/spec/history.md`): anchored to the chart, a role, a responsibility
 * (a matrix row) or a matrix cell, with one level of replies. The body is plain text: it is
 * shown as text, never as HTML.
 */

export const COMMENT_BODY_MAX = 5000;

const roleId = RoleSchema.shape.id;
const responsibilityId = ResponsibilitySchema.shape.id;

/** What a comment is about. A cell is a role's code in a responsibility's row. */
export const CommentTargetSchema = z.union(
  [
    z.strictObject({ chart: z.literal(true) }),
    z.strictObject({ role: roleId, responsibility: responsibilityId }),
    z.strictObject({ role: roleId }),
    z.strictObject({ responsibility: responsibilityId }),
  ],
  {
    error:
      'target must be {"chart": true}, {"role": id}, {"responsibility": id} or {"role": id, "responsibility": id}',
  },
);

export const CommentBodyTextSchema = z
  .string({ error: "body must be a string" })
  .refine((body) => body.trim() !== "", "body must not be blank")
  .refine(
    (body) => [...body].length <= COMMENT_BODY_MAX,
    `body must be at most ${COMMENT_BODY_MAX} characters`,
  );

const CommentIdSchema = z.uuid({ error: "comment id must be a UUID" });

/** One comment as the API answers it; a thread's replies are nested in its first comment. */
export const CommentReplySchema = z.strictObject({
  id: CommentIdSchema,
  target: CommentTargetSchema,
  /** The thread's first comment; null for a thread's first comment itself. */
  replyTo: CommentIdSchema.nullable(),
  author: z.strictObject({ name: z.string() }),
  body: z.string(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: z.strictObject({ name: z.string() }).nullable(),
  /** True when the role or row it is on has been removed from the chart since. */
  targetRemoved: z.boolean(),
  /** Whether the asker wrote it (and so may edit it). */
  mine: z.boolean(),
});
export const CommentSchema = CommentReplySchema.extend({
  replies: z.array(CommentReplySchema),
});

export const CommentsQuerySchema = z.strictObject({
  role: roleId.optional(),
  responsibility: responsibilityId.optional(),
  chart: z.enum(["true", "false"], { error: 'chart must be "true" or "false"' }).optional(),
  resolved: z.enum(["true", "false"], { error: 'resolved must be "true" or "false"' }).optional(),
});

export const CommentsResponseSchema = z.strictObject({ comments: z.array(CommentSchema) });

export const CreateCommentBodySchema = z.strictObject({
  target: CommentTargetSchema,
  body: CommentBodyTextSchema,
  /** The comment this answers; replies join its thread (a reply to a reply joins the same thread). */
  replyTo: CommentIdSchema.optional(),
});

export const UpdateCommentBodySchema = z
  .strictObject({
    body: CommentBodyTextSchema.optional(),
    resolved: z.boolean({ error: "resolved must be a boolean" }).optional(),
  })
  .refine((body) => body.body !== undefined || body.resolved !== undefined, {
    error: 'give "body", "resolved" or both',
  });

export const CommentParamsSchema = z.strictObject({
  id: z.uuid({ error: "chart id must be a UUID" }),
  cid: CommentIdSchema,
});

export type CommentTarget = z.infer<typeof CommentTargetSchema>;
export type CommentReply = z.infer<typeof CommentReplySchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type CommentsQuery = z.infer<typeof CommentsQuerySchema>;
export type CommentsResponse = z.infer<typeof CommentsResponseSchema>;
export type CreateCommentBody = z.infer<typeof CreateCommentBodySchema>;
export type UpdateCommentBody = z.infer<typeof UpdateCommentBodySchema>;
