import path from "node:path";

/**
 * The instance's owner, created once by the global set-up through the setup screen. Its
 * browser session is every test's `page` (storageState); its API token arranges data.
 */
export const OWNER = {
  name: "Olivia Owner",
  email: "olivia@example.com",
  password: "correct horse battery",
} as const;

const authDir = path.join(import.meta.dirname, "test-results", ".auth");
/** The owner's signed-in browser state (cookies), for `use.storageState`. */
export const OWNER_STATE = path.join(authDir, "owner.json");
/** The owner's API token, for the `api` fixture (Bearer: no cookies, no Origin needed). */
export const OWNER_TOKEN = path.join(authDir, "owner-token.txt");
