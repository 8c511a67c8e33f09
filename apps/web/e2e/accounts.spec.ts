import { CHART_URL, expect, openAccountMenu, test } from "./fixtures";
import { OWNER } from "./owner";

test.describe("accounts and sessions", () => {
  test("the instance was set up by the first visit: setup is closed, visitors are sent to sign in", async ({
    newContext,
    baseURL,
  }) => {
    const { page } = await newContext();
    const state = await page.request.get("/api/auth/state");
    expect(await state.json()).toEqual({ setup: false });
    const again = await page.request.post("/api/auth/setup", {
      data: { email: "late@example.com", name: "Late", password: "a long enough password" },
      headers: { Origin: new URL(baseURL ?? "").origin },
    });
    expect(again.status()).toBe(409);

    await page.goto("/setup");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId("sign-in-page")).toBeVisible();
  });

  test("signs in, comes back to the chart it was going to, and signs out", async ({
    api,
    newContext,
  }) => {
    const chart = await api.createChart("classic-split", "Where I was going");
    // A browser of its own: signing out ends its session only, not the other tests' one.
    const { page } = await newContext();
    await page.goto(`/charts/${chart.id}`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcharts%2F/);

    const form = page.getByTestId("sign-in-page");
    await form.getByTestId("sign-in-email").fill(OWNER.email);
    await form.getByTestId("sign-in-password").fill("not the password");
    await form.getByTestId("sign-in-submit").click();
    await expect(form.getByTestId("sign-in-error")).toHaveText(
      "The email or the password is wrong.",
    );

    await form.getByTestId("sign-in-password").fill(OWNER.password);
    await form.getByTestId("sign-in-password").press("Enter");
    await expect(page).toHaveURL(CHART_URL);
    await expect(page.getByTestId("chart-title")).toHaveText("Where I was going");
    await expect(page.getByTestId("signed-in-as")).toContainText(OWNER.name);

    await (await openAccountMenu(page)).getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a session that ends during use sends the person to sign in", async ({
    api,
    newContext,
  }) => {
    const chart = await api.createChart("classic-split");
    const { page, context } = await newContext();
    await page.goto("/sign-in");
    await page.getByTestId("sign-in-email").fill(OWNER.email);
    await page.getByTestId("sign-in-password").fill(OWNER.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.goto(`/charts/${chart.id}`);
    await expect(page.getByTestId("chart-title")).toBeVisible();

    await expect(page.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live");

    // The session ends on the server (signed out in another tab): its live connection closes.
    const origin = new URL(page.url()).origin;
    const signOut = await context.request.post("/api/auth/logout", { headers: { Origin: origin } });
    expect(signOut.status()).toBe(204);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcharts%2F/);
  });
});
