import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient } from "./client";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function clientAnswering(response: () => Response) {
  const fetch = vi.fn(async (..._args: Parameters<typeof globalThis.fetch>) => response());
  return { fetch, api: createApiClient({ fetch }) };
}

const sent = (fetch: ReturnType<typeof clientAnswering>["fetch"]) => {
  const [url, init] = fetch.mock.calls[0] ?? [];
  return {
    url,
    method: init?.method,
    body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
  };
};

describe("the access endpoints of createApiClient", () => {
  it.each([
    [
      "logIn",
      (api) => api.logIn({ email: "a@b.c", password: "p" }),
      "POST",
      "/api/auth/login",
      { email: "a@b.c", password: "p" },
    ],
    [
      "joinAsGuest",
      (api) => api.joinAsGuest({ token: "t", name: "N" }),
      "POST",
      "/api/auth/guest",
      { token: "t", name: "N" },
    ],
    ["logOut", (api) => api.logOut(), "POST", "/api/auth/logout", undefined],
    [
      "addMember",
      (api) => api.addMember("c 1", "a@b.c", "edit"),
      "PUT",
      "/api/charts/c%201/members",
      { email: "a@b.c", access: "edit" },
    ],
    [
      "setMemberAccess",
      (api) => api.setMemberAccess("c", "m", "view"),
      "PUT",
      "/api/charts/c/members/m",
      { access: "view" },
    ],
    [
      "removeMember",
      (api) => api.removeMember("c", "m"),
      "DELETE",
      "/api/charts/c/members/m",
      undefined,
    ],
    [
      "createLink",
      (api) => api.createLink("c", { access: "view" }),
      "POST",
      "/api/charts/c/links",
      { access: "view" },
    ],
    ["revokeLink", (api) => api.revokeLink("c", "l"), "DELETE", "/api/charts/c/links/l", undefined],
    [
      "createInvite",
      (api) => api.createInvite({ email: "a@b.c" }),
      "POST",
      "/api/admin/invites",
      { email: "a@b.c" },
    ],
    [
      "deleteAccount",
      (api) => api.deleteAccount("a"),
      "DELETE",
      "/api/admin/accounts/a",
      undefined,
    ],
  ] satisfies [
    string,
    (api: ReturnType<typeof createApiClient>) => Promise<unknown>,
    string,
    string,
    unknown,
  ][])("%s sends %s %s", async (_name, call, method, url, body) => {
    const { fetch, api } = clientAnswering(() => new Response(null, { status: 204 }));
    await call(api);
    expect(sent(fetch)).toEqual({ url, method, body });
  });

  it("reads who is signed in", async () => {
    const account = { id: "1", email: "a@b.c", name: "A", admin: false };
    const { api } = clientAnswering(() => json(200, { account }));
    await expect(api.getMe()).resolves.toEqual({ account });
  });

  it("tells no session (401 unauthenticated) from a wrong password (401 invalid_credentials)", async () => {
    const error = (code: string) => json(401, { error: { code, message: "no", issues: [] } });
    const signedOut = await createApiClient({ fetch: async () => error("unauthenticated") })
      .getMe()
      .catch((e: unknown) => e);
    const wrong = await createApiClient({ fetch: async () => error("invalid_credentials") })
      .logIn({ email: "a@b.c", password: "x" })
      .catch((e: unknown) => e);
    expect(signedOut).toBeInstanceOf(ApiError);
    expect((signedOut as ApiError).isUnauthenticated).toBe(true);
    expect((wrong as ApiError).isUnauthenticated).toBe(false);
  });
});
