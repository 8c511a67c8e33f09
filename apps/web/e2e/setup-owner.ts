import { request } from "@playwright/test";

/** A browser's signed-in state, as `browser.newContext({ storageState })` takes it. */
export type OwnerState = Awaited<
  ReturnType<Awaited<ReturnType<typeof request.newContext>>["storageState"]>
>;

/**
 * Sets up a fresh instance's owner as the setup screen does (a browser's request, with the
 * app's Origin) and makes an API token; returns the owner's signed-in state and the token's
 * `Authorization` header. Used by servers a test or the benchmark starts itself (the e2e
 * suite's own server is set up through the UI by global-setup.ts).
 */
export async function setUpOwner(
  baseUrl: string,
  owner: { email: string; name: string; password: string },
  tokenName: string,
): Promise<{ storageState: OwnerState; authorization: string }> {
  const context = await request.newContext({
    baseURL: baseUrl,
    extraHTTPHeaders: { Origin: new URL(baseUrl).origin },
  });
  try {
    const setup = await context.post("/api/auth/setup", { data: owner });
    if (setup.status() !== 201) throw new Error(`setup: ${setup.status()} ${await setup.text()}`);
    const token = await context.post("/api/tokens", { data: { name: tokenName } });
    if (token.status() !== 201) throw new Error(`token: ${token.status()} ${await token.text()}`);
    return {
      storageState: await context.storageState(),
      authorization: `Bearer ${((await token.json()) as { token: string }).token}`,
    };
  } finally {
    await context.dispose();
  }
}
