import {
  ChartIdParamsSchema,
  CompareParamsSchema,
  CompareResponseSchema,
  CreateScenarioBodySchema,
  PromoteBodySchema,
  PromoteResponseSchema,
  ScenarioRecordSchema,
  ScenariosResponseSchema,
} from "@rolemap/contract";
import type { Builders, Problem } from "./openapi";

/** What-if scenarios (apps/api/README.md, "Scenarios") in the OpenAPI document. */

export const SCENARIO_SCHEMAS = {
  CreateScenarioBody: CreateScenarioBodySchema,
  ScenarioRecord: ScenarioRecordSchema,
  Scenarios: ScenariosResponseSchema,
  Compare: CompareResponseSchema,
  PromoteBody: PromoteBodySchema,
  Promote: PromoteResponseSchema,
} as const;

const ACCESS_NOTE =
  "A scenario is seen by whoever sees its original, at the higher of their level on it and on the original.";

export function scenarioPaths({ operation, reply, parameters }: Builders) {
  const chartId = parameters(ChartIdParamsSchema, "path");
  const promoteProblems: Problem[] = [
    [
      400,
      "invalid_input: the chart is not a scenario (or its original was deleted; issue path `id`), or `version` is not one of the scenario's that can be rebuilt",
    ],
    401,
    [403, "forbidden: promoting needs owner access to the original chart"],
    404,
    [
      409,
      "promote_conflict: the original changed the same things as the scenario since its base version; error.issues lists each clash (path like `roles.ciso.title`, `cells.cio/infra`, `lines.ceo>cio`) and nothing was changed. conflict: the base version can no longer be rebuilt",
    ],
    413,
  ];
  return {
    "/api/charts/{id}/scenarios": {
      parameters: chartId,
      get: operation({
        summary: "The scenarios made from the chart, newest first (view access)",
        description: ACCESS_NOTE,
        responses: { 200: reply("its scenarios", "Scenarios") },
        problems: [400, 401, 404],
      }),
      post: operation({
        summary:
          "Make a scenario (edit access): a new chart, a copy of the current document named `name`, remembering the chart and its version (`scenarioOf`, `baseVersion`)",
        description: `${ACCESS_NOTE} Its owner is the account that made it; a guest's scenario belongs to the original's owner. A scenario made from a scenario is its sibling: the same original and base.`,
        body: "CreateScenarioBody",
        responses: { 201: reply("the scenario", "ScenarioRecord") },
        problems: [400, 401, 403, 404, 413],
      }),
    },
    "/api/charts/{a}/compare/{b}": {
      parameters: parameters(CompareParamsSchema, "path"),
      get: operation({
        summary:
          "What chart b changes relative to chart a (view access to both; any two charts): roles, lines, responsibilities, cells, the chart's fields, findings fixed and new",
        responses: { 200: reply("both charts named and the diff", "Compare") },
        problems: [400, 401, [404, "not_found: either chart, or one the principal cannot see"]],
      }),
    },
    "/api/charts/{id}/promote": {
      parameters: chartId,
      post: operation({
        summary:
          "Promote a scenario (owner of its original): its changes since its base version become one new version of the original (kind `promote`), merged with what the original changed meanwhile; announced live as `applied`",
        description:
          "`version` promotes the scenario as it was then (default: as it is). The original keeps its name. Afterwards the scenario records `promotedAt`/`promotedVersion` and its base moves to the new version (what the original had changed meanwhile is brought into the scenario too), so a second promote applies only later changes.",
        body: "PromoteBody",
        responses: { 200: reply("the original's new version", "Promote") },
        problems: promoteProblems,
      }),
    },
  };
}
