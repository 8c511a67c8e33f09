import { CreateTokenBodySchema, TokenIdParamsSchema } from "@rolemap/contract";
import { Router } from "express";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { AccountService } from "../services/account-service";

/** /api/tokens: an account's API tokens (the secret is answered once, at creation). */
export function tokensRouter(accounts: AccountService): Router {
  const router = Router();

  router.post("/", async (req, res) => {
    const body = parseWith(CreateTokenBodySchema, req.body, "request body");
    res.status(201).json(await accounts.createToken(principalOf(res), body));
  });

  router.get("/", async (_req, res) => {
    res.json({ tokens: await accounts.listTokens(principalOf(res)) });
  });

  router.delete("/:id", async (req, res) => {
    const { id } = parseWith(TokenIdParamsSchema, req.params, "token id");
    await accounts.revokeToken(principalOf(res), id);
    res.status(204).end();
  });

  return router;
}
