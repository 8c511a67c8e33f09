import type { TemplatesResponse } from "@rolemap/contract";
import { type RequestHandler, Router } from "express";
import { databaseHealth } from "../db/database-health";
import { RETRY_AFTER_SECONDS } from "../db/database-outage";
import type { ChartService } from "../services/chart-service";
import type { ChartStore } from "../services/chart-store";

/** Health, stateless validation and the template catalogue. */
export function systemRouter(
  charts: ChartService,
  store: ChartStore,
  json: RequestHandler,
): Router {
  const router = Router();

  // 503 while the database does not answer, so a load balancer stops sending traffic here.
  router.get("/health", async (req, res) => {
    const { body, failure } = await databaseHealth(store);
    res.setHeader("Cache-Control", "no-store");
    if (body.status === "degraded") {
      req.log.warn({ err: failure }, "health: the database is not answering");
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      res.status(503);
    }
    res.json(body);
  });

  router.post("/validate", json, (req, res) => {
    res.json({ findings: charts.validate(req.body) });
  });

  router.get("/templates", (_req, res) => {
    const body: TemplatesResponse = { templates: charts.templates() };
    res.json(body);
  });

  return router;
}
