import type { Express } from "express";
import request from "supertest";
import type { TestApp } from "./harness";

/** Requests as a browser on the app's own origin would send them. */
export const HOST = "rolemap.test";
export const ORIGIN = `http://${HOST}`;

/** How a test request proves who it is. */
export type Credentials =
  | { kind: "none" }
  | { kind: "cookie"; cookie: string }
  | { kind: "bearer"; token: string };

type Method = "get" | "post" | "put" | "patch" | "delete";

/** A supertest request with the credentials, the Host and (for cookies) the Origin set. */
export function call(app: Express, who: Credentials, method: Method, path: string) {
  const req = request(app)[method](path).set("Host", HOST);
  if (who.kind === "cookie") req.set("Cookie", who.cookie).set("Origin", ORIGIN);
  if (who.kind === "bearer") req.set("Authorization", `Bearer ${who.token}`);
  if (who.kind === "none") req.set("Origin", ORIGIN);
  return req;
}

/** The `name=value` part of the session cookie a response set. */
export function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const cookies = res.headers["set-cookie"] as string[] | undefined;
  const cookie = cookies?.find((c) => c.startsWith("rolemap_session="));
  if (cookie === undefined) throw new Error("the response set no session cookie");
  return cookie.split(";")[0] as string;
}

let accounts = 0;

/** A new account through the real flow: the admin invites, the person signs up. */
export async function inviteAccount(t: TestApp, name: string) {
  accounts += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${accounts}@example.com`;
  const admin: Credentials = { kind: "bearer", token: t.owner.token };
  const invite = await call(t.anonymous, admin, "post", "/api/admin/invites")
    .send({ email })
    .expect(201);
  const token = (invite.body.url as string).replace("/invite/", "");
  const signup = await call(t.anonymous, { kind: "none" }, "post", "/api/auth/signup")
    .send({ email, name, password: "a long enough password", invite: token })
    .expect(201);
  return {
    account: signup.body.account as { id: string; email: string; name: string },
    session: { kind: "cookie", cookie: sessionCookie(signup) } as Credentials,
  };
}

/** An API token of the account signed in with `who`. */
export async function createToken(t: TestApp, who: Credentials, name = "script") {
  const res = await call(t.anonymous, who, "post", "/api/tokens").send({ name }).expect(201);
  return {
    id: res.body.id as string,
    bearer: { kind: "bearer", token: res.body.token } as Credentials,
  };
}

/** A share link of a chart, and a guest session that entered through it. */
export async function shareLink(
  t: TestApp,
  owner: Credentials,
  chartId: string,
  access: "view" | "comment" | "edit",
  guestName = `Guest (${access})`,
) {
  const link = await call(t.anonymous, owner, "post", `/api/charts/${chartId}/links`)
    .send({ access })
    .expect(201);
  const token = (link.body.url as string).replace("/s/", "");
  const entered = await call(t.anonymous, { kind: "none" }, "post", "/api/auth/guest")
    .send({ token, name: guestName })
    .expect(200);
  return {
    linkId: link.body.id as string,
    token,
    guest: { kind: "cookie", cookie: sessionCookie(entered) } as Credentials,
  };
}
