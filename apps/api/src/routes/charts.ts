import {
  ChartIdParamsSchema,
  CreateChartBodySchema,
  ListChartsQuerySchema,
  OperationsBodySchema,
  ReplaceChartBodySchema,
} from "@rolemap/contract";
import { type Request, type Response, Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { ChartAnswer } from "../services/chart-answers";
import type { ChartService } from "../services/chart-service";

/**
 * Sends a chart's stored bytes. `private, no-cache`: a browser may keep the answer but asks
 * again every time, and an unchanged chart (same version, same access) answers 304.
 */
function sendAnswer(req: Request, res: Response, answer: ChartAnswer) {
  res.setHeader("ETag", answer.etag);
  res.setHeader("Cache-Control", "private, no-cache");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type("json");
  res.setHeader("Content-Length", answer.head.length + answer.tail.length);
  res.write(answer.head);
  res.end(answer.tail);
}

/** /api/charts: thin handlers that parse with the contract and call the service. */
export function chartsRouter(charts: ChartService): Router {
  const router = Router();
  const idOf = (params: unknown) => parseWith(ChartIdParamsSchema, params, "chart id").id;

  router.get("/", async (req, res) => {
    res.json(
      await charts.list(principalOf(res), parseWith(ListChartsQuerySchema, req.query, "query")),
    );
  });

  router.post("/", async (req, res) => {
    const body = parseWith(CreateChartBodySchema, req.body, "request body");
    const chart = await charts.create(principalOf(res), body);
    res.status(201).location(`/api/charts/${chart.id}`).json(chart);
  });

  router.get("/:id", async (req, res) => {
    sendAnswer(req, res, await charts.answer(principalOf(res), idOf(req.params)));
  });

  router.put("/:id", async (req, res) => {
    const id = idOf(req.params);
    const body = parseWith(ReplaceChartBodySchema, req.body, "request body");
    res.json(await charts.replace(principalOf(res), id, body));
  });

  router.delete("/:id", async (req, res) => {
    await charts.remove(principalOf(res), idOf(req.params));
    res.status(204).end();
  });

  router.get("/:id/findings", async (req, res) => {
    res.json({ findings: await charts.findings(principalOf(res), idOf(req.params)) });
  });

  router.post("/:id/operations", async (req, res) => {
    const id = idOf(req.params);
    const body = parseWith(OperationsBodySchema, req.body, "request body");
    res.json(await charts.applyOperations(principalOf(res), id, body));
  });

  return router;
}
