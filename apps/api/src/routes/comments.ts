import {
  ChartIdParamsSchema,
  CommentParamsSchema,
  CommentsQuerySchema,
  CreateCommentBodySchema,
  UpdateCommentBodySchema,
} from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { CommentService } from "../services/comment-service";

/** /api/charts/:id/comments (history.md, "Comments"): parse with the contract, call the service. */
export function commentsRouter(comments: CommentService): Router {
  const router = Router();
  const chartIdOf = (params: unknown) => parseWith(ChartIdParamsSchema, params, "chart id").id;

  router.get("/:id/comments", async (req, res) => {
    const id = chartIdOf(req.params);
    const query = parseWith(CommentsQuerySchema, req.query, "query");
    res.json(await comments.list(principalOf(res), id, query));
  });

  router.post("/:id/comments", async (req, res) => {
    const id = chartIdOf(req.params);
    const body = parseWith(CreateCommentBodySchema, req.body, "request body");
    res.status(201).json(await comments.create(principalOf(res), id, body));
  });

  router.patch("/:id/comments/:cid", async (req, res) => {
    const { id, cid } = parseWith(CommentParamsSchema, req.params, "path");
    const body = parseWith(UpdateCommentBodySchema, req.body, "request body");
    res.json(await comments.update(principalOf(res), id, cid, body));
  });

  router.delete("/:id/comments/:cid", async (req, res) => {
    const { id, cid } = parseWith(CommentParamsSchema, req.params, "path");
    await comments.remove(principalOf(res), id, cid);
    res.status(204).end();
  });

  return router;
}
