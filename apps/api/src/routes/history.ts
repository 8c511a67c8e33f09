import {
  ChartIdParamsSchema,
  RestoreBodySchema,
  VersionParamsSchema,
  VersionsQuerySchema,
} from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { HistoryService } from "../services/history-service";

/** /api/charts/:id/versions and /restore (history.md): parse with the contract, call the service. */
export function historyRouter(history: HistoryService): Router {
  const router = Router();
  const idOf = (params: unknown) => parseWith(ChartIdParamsSchema, params, "chart id").id;

  router.get("/:id/versions", async (req, res) => {
    const id = idOf(req.params);
    const query = parseWith(VersionsQuerySchema, req.query, "query");
    res.json(await history.versions(principalOf(res), id, query));
  });

  router.get("/:id/versions/:v", async (req, res) => {
    const { id, v } = parseWith(VersionParamsSchema, req.params, "version");
    res.json(await history.version(principalOf(res), id, v));
  });

  router.post("/:id/restore", async (req, res) => {
    const id = idOf(req.params);
    const body = parseWith(RestoreBodySchema, req.body, "request body");
    res.json(await history.restore(principalOf(res), id, body));
  });

  return router;
}
