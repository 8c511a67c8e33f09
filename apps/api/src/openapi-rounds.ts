import {
  ChartIdParamsSchema,
  RoundParamsSchema,
  RoundSchema,
  RoundsResponseSchema,
  RoundVotesBodySchema,
  StartRoundBodySchema,
} from "@rolemap/contract";
import type { Builders, Problem } from "./openapi";

/** Silent RACI rounds (apps/api/README.md, "Silent RACI rounds") in the OpenAPI document. */

export const ROUND_SCHEMAS = {
  StartRoundBody: StartRoundBodySchema,
  RoundVotesBody: RoundVotesBodySchema,
  Round: RoundSchema,
  Rounds: RoundsResponseSchema,
} as const;

const OPEN_ALREADY: Problem = [
  409,
  "conflict: the chart has an open round already (the message names it); reveal or remove it first",
];
const REVEALED: Problem = [409, "conflict: the round was revealed; its votes are closed"];
const NOT_REVEALED: Problem = [409, "conflict: the round is still open; its votes stay private"];

export function roundPaths({ operation, reply, parameters }: Builders) {
  const chartId = parameters(ChartIdParamsSchema, "path");
  const roundIds = parameters(RoundParamsSchema, "path");
  return {
    "/api/charts/{id}/rounds": {
      parameters: chartId,
      get: operation({
        summary:
          "The chart's silent rounds, newest first (view access): while a round is open only the asker's own codes, never anyone else's",
        responses: { 200: reply("the rounds", "Rounds") },
        problems: [400, 401, 404],
      }),
      post: operation({
        summary:
          "Start a silent round on matrix rows (owner); roles default to every role of the chart; announced live as `round`",
        body: "StartRoundBody",
        responses: { 201: reply("the open round", "Round") },
        problems: [
          [400, "invalid_input: error.issues names each row or role the chart lacks"],
          401,
          403,
          404,
          OPEN_ALREADY,
          413,
        ],
      }),
    },
    "/api/charts/{id}/rounds/{rid}": {
      parameters: roundIds,
      get: operation({
        summary:
          "One round (view access): `mine` is the asker's codes; `results` (the tally) only after the reveal",
        responses: { 200: reply("the round", "Round") },
        problems: [400, 401, 404],
      }),
      delete: operation({
        summary: "Remove a round and its votes (owner); announced live",
        responses: { 204: { description: "removed" } },
        problems: [400, 401, 403, 404],
      }),
    },
    "/api/charts/{id}/rounds/{rid}/votes": {
      parameters: roundIds,
      put: operation({
        summary:
          "Replace the asker's codes in an open round (comment access; an account, or a guest by its session)",
        body: "RoundVotesBody",
        responses: { 200: reply("the round as the asker sees it", "Round") },
        problems: [
          [400, "invalid_input: error.issues names each cell outside the round or given twice"],
          401,
          403,
          404,
          REVEALED,
          413,
        ],
      }),
    },
    "/api/charts/{id}/rounds/{rid}/reveal": {
      parameters: roundIds,
      post: operation({
        summary: "Reveal a round (owner): closes the votes and gives everyone the tally",
        responses: { 200: reply("the round with its results", "Round") },
        problems: [400, 401, 403, 404],
      }),
    },
    "/api/charts/{id}/rounds/{rid}/votes.csv": {
      parameters: roundIds,
      get: operation({
        summary:
          "Every vote of a revealed round as CSV, one line per person and cell (owner; cells guarded against spreadsheet formulas)",
        responses: {
          200: {
            description: "the CSV file (Content-Disposition: attachment)",
            content: { "text/csv": { schema: { type: "string" } } },
          },
        },
        problems: [400, 401, 403, 404, NOT_REVEALED],
      }),
    },
  };
}
