import type { HealthResponse, TemplatesResponse } from "@rolemap/contract";
import { type RequestHandler, Router } from "express";
import type { ChartService } from "../services/chart-service";
import type { ChartStore } from "../services/chart-store";

/** Health, stateless validation and the template catalogue. */
export function systemRouter(
  charts: ChartService,
  store: ChartStore,
  json: RequestHandler,
): Router {
  const router = Router();

  router.get("/health", (_req, res) => {
    const body: HealthResponse = { status: "ok", database: store.kind };
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
