import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";
import { OWNER_STATE } from "./owner";

/**
 * End-to-end tests against the real app: `start-server.mjs` builds apps/web when needed and
 * starts apps/api (embedded database in a fresh temporary directory) on E2E_PORT. Browser:
 * Debian's Chromium (`apt-get install chromium`); Playwright's own download is not used.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/output",
  // Creates the owner through the setup screen once (the server starts empty), signed in.
  globalSetup: "./global-setup.ts",
  // One server, one database: tests reset it (fixtures.ts), so they run one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry",
    // The app skips its view animations then, so a card never moves under a click.
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
    // Every page is the owner's, signed in (global-setup); other people get contexts of their own.
    storageState: OWNER_STATE,
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    command: "node e2e/start-server.mjs",
    cwd: webDir,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
