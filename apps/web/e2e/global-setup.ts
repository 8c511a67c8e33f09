import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, expect, type FullConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";
import { OWNER, OWNER_STATE, OWNER_TOKEN } from "./owner";

/**
 * The first visit to a fresh instance, through the UI: the home page sends the visitor to
 * the setup screen, which creates the owner and signs them in. This is the setup screen's
 * end-to-end test (the server is shared by every test, so it can happen only once); the
 * signed-in state and an API token of the owner are kept for the tests.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (baseURL === undefined) throw new Error("the config has no baseURL");
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
    });

    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    const setup = page.getByTestId("setup-page");
    await expect(setup).toBeVisible();
    await setup.getByTestId("setup-submit").click();
    await expect(setup.getByText("Name must not be empty.")).toBeVisible();
    const screenshots = process.env.SCREENSHOTS;
    await setup.getByTestId("setup-name").fill(OWNER.name);
    await setup.getByTestId("setup-email").fill(OWNER.email);
    await setup.getByTestId("setup-password").fill("short");
    await setup.getByTestId("setup-submit").click();
    await expect(setup.getByText("Password must be at least 10 characters.")).toBeVisible();
    if (screenshots) await page.screenshot({ path: path.join(screenshots, "setup.png") });
    await setup.getByTestId("setup-password").fill(OWNER.password);
    await setup.getByTestId("setup-submit").click();

    await expect(page).toHaveURL(new URL("/", baseURL).toString());
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toContainText(OWNER.name);
    await page.getByTestId("account-button").click();
    await expect(page.getByTestId("admin-link")).toBeVisible();
    if (cspViolations.length > 0) throw new Error(`CSP violations: ${cspViolations.join("\n")}`);

    const response = await page.request.post("/api/tokens", {
      data: { name: "end-to-end tests" },
      headers: { Origin: new URL(baseURL).origin },
    });
    expect(response.status()).toBe(201);
    const { token } = (await response.json()) as { token: string };

    mkdirSync(path.dirname(OWNER_STATE), { recursive: true });
    await context.storageState({ path: OWNER_STATE });
    writeFileSync(OWNER_TOKEN, token);
  } finally {
    await browser.close();
  }
}
