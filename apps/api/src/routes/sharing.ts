import {
  AddMemberBodySchema,
  ChartIdParamsSchema,
  CreateLinkBodySchema,
  LinkParamsSchema,
  MemberParamsSchema,
  SetMemberBodySchema,
} from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { SharingService } from "../services/sharing-service";

/** /api/charts/:id/members and /links: who else may open a chart (the owner's). */
export function sharingRouter(sharing: SharingService): Router {
  const router = Router();
  const chartIdOf = (params: unknown) => parseWith(ChartIdParamsSchema, params, "chart id").id;

  router.get("/:id/members", async (req, res) => {
    res.json(await sharing.members(principalOf(res), chartIdOf(req.params)));
  });

  router.put("/:id/members", async (req, res) => {
    const id = chartIdOf(req.params);
    const body = parseWith(AddMemberBodySchema, req.body, "request body");
    res.json(await sharing.addMember(principalOf(res), id, body));
  });

  router.put("/:id/members/:accountId", async (req, res) => {
    const { id, accountId } = parseWith(MemberParamsSchema, req.params, "path");
    const { access } = parseWith(SetMemberBodySchema, req.body, "request body");
    res.json(await sharing.setMember(principalOf(res), id, accountId, access));
  });

  router.delete("/:id/members/:accountId", async (req, res) => {
    const { id, accountId } = parseWith(MemberParamsSchema, req.params, "path");
    await sharing.removeMember(principalOf(res), id, accountId);
    res.status(204).end();
  });

  router.post("/:id/links", async (req, res) => {
    const id = chartIdOf(req.params);
    const body = parseWith(CreateLinkBodySchema, req.body, "request body");
    res.status(201).json(await sharing.createLink(principalOf(res), id, body));
  });

  router.get("/:id/links", async (req, res) => {
    res.json({ links: await sharing.listLinks(principalOf(res), chartIdOf(req.params)) });
  });

  router.delete("/:id/links/:linkId", async (req, res) => {
    const { id, linkId } = parseWith(LinkParamsSchema, req.params, "path");
    await sharing.revokeLink(principalOf(res), id, linkId);
    res.status(204).end();
  });

  return router;
}
