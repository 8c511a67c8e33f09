import {
  ChartIdParamsSchema,
  CommentParamsSchema,
  CommentSchema,
  CommentsQuerySchema,
  CommentsResponseSchema,
  CreateCommentBodySchema,
  UpdateCommentBodySchema,
} from "@rolemap/contract";
import type { Builders } from "./openapi";

/** Comments (history.md, "Comments"; apps/api/README.md) in the OpenAPI document. */

export const COMMENT_SCHEMAS = {
  Comment: CommentSchema,
  Comments: CommentsResponseSchema,
  CreateCommentBody: CreateCommentBodySchema,
  UpdateCommentBody: UpdateCommentBodySchema,
} as const;

export function commentPaths({ operation, reply, parameters }: Builders) {
  return {
    "/api/charts/{id}/comments": {
      parameters: parameters(ChartIdParamsSchema, "path"),
      get: operation({
        summary:
          "The chart's comment threads, oldest first, each with its replies (view access); role, responsibility, both (a cell) or chart=true match a target exactly; resolved=false leaves resolved threads out",
        parameters: parameters(CommentsQuerySchema, "query"),
        responses: { 200: reply("the threads", "Comments") },
        problems: [400, 401, 404],
      }),
      post: operation({
        summary:
          "Comment on the chart, a role, a responsibility or a matrix cell, or reply to a thread with replyTo (comment access; guests with a comment link too); announced live as `comment`",
        body: "CreateCommentBody",
        responses: { 201: reply("the comment", "Comment") },
        problems: [
          [
            400,
            "invalid_input: error.issues names the body (1–5,000 characters, not blank), a target id the chart does not have, or a reply's target that is not its thread's",
          ],
          401,
          403,
          [404, "not_found: the chart, or the comment replied to (in this chart)"],
          413,
        ],
      }),
    },
    "/api/charts/{id}/comments/{cid}": {
      parameters: parameters(CommentParamsSchema, "path"),
      patch: operation({
        summary:
          "Edit a comment's body (its author only: an account, or a guest by its session) and/or resolve or reopen its thread (comment access); announced live",
        body: "UpdateCommentBody",
        responses: {
          200: reply("the comment, with its replies when it starts a thread", "Comment"),
        },
        problems: [
          400,
          401,
          [403, "forbidden: below comment access, or a body edit by someone but the author"],
          404,
          413,
        ],
      }),
      delete: operation({
        summary:
          "Delete a comment (its author or the chart's owner); a thread's first comment takes its replies with it; announced live",
        responses: { 204: { description: "deleted" } },
        problems: [
          400,
          401,
          [403, "forbidden: neither the author nor the chart's owner (or below comment access)"],
          404,
        ],
      }),
    },
  };
}
