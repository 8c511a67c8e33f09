import {
  ChartIdParamsSchema,
  RoundParamsSchema,
  RoundVotesBodySchema,
  StartRoundBodySchema,
} from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { RoundService } from "../services/round-service";

/** /api/charts/:id/rounds: silent RACI rounds (apps/api/README.md, "Silent RACI rounds"). */
export function roundsRouter(rounds: RoundService): Router {
  const router = Router();
  const chartIdOf = (params: unknown) => parseWith(ChartIdParamsSchema, params, "chart id").id;
  const idsOf = (params: unknown) => parseWith(RoundParamsSchema, params, "path");

  router.post("/:id/rounds", async (req, res) => {
    const id = chartIdOf(req.params);
    const body = parseWith(StartRoundBodySchema, req.body, "request body");
    const round = await rounds.start(principalOf(res), id, body);
    res.status(201).location(`/api/charts/${id}/rounds/${round.id}`).json(round);
  });

  router.get("/:id/rounds", async (req, res) => {
    res.json({ rounds: await rounds.list(principalOf(res), chartIdOf(req.params)) });
  });

  router.get("/:id/rounds/:rid", async (req, res) => {
    const { id, rid } = idsOf(req.params);
    res.json(await rounds.get(principalOf(res), id, rid));
  });

  router.put("/:id/rounds/:rid/votes", async (req, res) => {
    const { id, rid } = idsOf(req.params);
    const { votes } = parseWith(RoundVotesBodySchema, req.body, "request body");
    res.json(await rounds.saveVotes(principalOf(res), id, rid, votes));
  });

  router.post("/:id/rounds/:rid/reveal", async (req, res) => {
    const { id, rid } = idsOf(req.params);
    res.json(await rounds.reveal(principalOf(res), id, rid));
  });

  router.delete("/:id/rounds/:rid", async (req, res) => {
    const { id, rid } = idsOf(req.params);
    await rounds.remove(principalOf(res), id, rid);
    res.status(204).end();
  });

  router.get("/:id/rounds/:rid/votes.csv", async (req, res) => {
    const { id, rid } = idsOf(req.params);
    const file = await rounds.votesCsv(principalOf(res), id, rid);
    res.attachment(file.filename);
    res.type("text/csv; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.send(file.body);
  });

  return router;
}
