import { AccountIdParamsSchema, CreateInviteBodySchema } from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { AccountService } from "../services/account-service";

/** /api/admin: the instance admin's accounts and invites. */
export function adminRouter(accounts: AccountService): Router {
  const router = Router();

  router.get("/accounts", async (_req, res) => {
    res.json({ accounts: await accounts.listAccounts(principalOf(res)) });
  });

  router.delete("/accounts/:id", async (req, res) => {
    const { id } = parseWith(AccountIdParamsSchema, req.params, "account id");
    await accounts.removeAccount(principalOf(res), id);
    res.status(204).end();
  });

  router.post("/invites", async (req, res) => {
    const body = parseWith(CreateInviteBodySchema, req.body, "request body");
    res.status(201).json(await accounts.createInvite(principalOf(res), body));
  });

  router.get("/invites", async (_req, res) => {
    res.json({ invites: await accounts.listInvites(principalOf(res)) });
  });

  router.delete("/invites/:id", async (req, res) => {
    const { id } = parseWith(AccountIdParamsSchema, req.params, "invite id");
    await accounts.revokeInvite(principalOf(res), id);
    res.status(204).end();
  });

  return router;
}
