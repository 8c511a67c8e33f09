import {
  ChartIdParamsSchema,
  CompareParamsSchema,
  CreateScenarioBodySchema,
  PromoteBodySchema,
} from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { ScenarioService } from "../services/scenario-service";

/** /api/charts/:id/scenarios, compare and promote (history.md, "Scenarios"). */
export function scenariosRouter(scenarios: ScenarioService): Router {
  const router = Router();
  const idOf = (params: unknown) => parseWith(ChartIdParamsSchema, params, "chart id").id;

  router.post("/:id/scenarios", async (req, res) => {
    const id = idOf(req.params);
    const body = parseWith(CreateScenarioBodySchema, req.body, "request body");
    const scenario = await scenarios.create(principalOf(res), id, body);
    res.status(201).location(`/api/charts/${scenario.id}`).json(scenario);
  });

  router.get("/:id/scenarios", async (req, res) => {
    res.json(await scenarios.list(principalOf(res), idOf(req.params)));
  });

  router.get("/:a/compare/:b", async (req, res) => {
    const { a, b } = parseWith(CompareParamsSchema, req.params, "chart ids");
    res.json(await scenarios.compare(principalOf(res), a, b));
  });

  router.post("/:id/promote", async (req, res) => {
    const id = idOf(req.params);
    const body = parseWith(PromoteBodySchema, req.body ?? {}, "request body");
    res.json(await scenarios.promote(principalOf(res), id, body));
  });

  return router;
}
