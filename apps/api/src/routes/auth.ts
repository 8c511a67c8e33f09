import {
  GuestBodySchema,
  LoginBodySchema,
  SetupBodySchema,
  SignupBodySchema,
} from "@rolemap/contract";
import { type RequestHandler, Router } from "express";
import { describePrincipal } from "../auth/principal";
import { unauthenticated } from "../errors";
import {
  clearSessionCookie,
  principalOf,
  sessionSecretOf,
  setSessionCookie,
} from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { AuthService } from "../services/auth-service";

/** /api/auth: first-run setup, sign-up by invite, sign-in and -out, guests, who am I. */
export function authRouter(
  auth: AuthService,
  json: RequestHandler,
  signInLimit: RequestHandler,
): Router {
  const router = Router();

  router.get("/state", async (_req, res) => {
    res.json(await auth.state());
  });

  router.post("/setup", json, async (req, res) => {
    const { who, sessionSecret } = await auth.setup(
      parseWith(SetupBodySchema, req.body, "request body"),
    );
    setSessionCookie(req, res, sessionSecret);
    res.status(201).json({ account: who });
  });

  router.post("/signup", signInLimit, json, async (req, res) => {
    const { who, sessionSecret } = await auth.signup(
      parseWith(SignupBodySchema, req.body, "request body"),
    );
    setSessionCookie(req, res, sessionSecret);
    res.status(201).json({ account: who });
  });

  router.post("/login", signInLimit, json, async (req, res) => {
    const { who, sessionSecret } = await auth.login(
      parseWith(LoginBodySchema, req.body, "request body"),
    );
    setSessionCookie(req, res, sessionSecret);
    res.json({ account: who });
  });

  router.post("/guest", signInLimit, json, async (req, res) => {
    const { who, sessionSecret } = await auth.guest(
      parseWith(GuestBodySchema, req.body, "request body"),
    );
    // Replaces whatever session this browser had: one cookie, one principal.
    setSessionCookie(req, res, sessionSecret);
    res.json({ guest: who });
  });

  router.post("/logout", async (req, res) => {
    const secret = sessionSecretOf(res);
    if (secret !== undefined) await auth.logout(secret);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get("/me", (_req, res) => {
    const principal = principalOf(res);
    if (principal === undefined) throw unauthenticated();
    res.json(describePrincipal(principal));
  });

  return router;
}
