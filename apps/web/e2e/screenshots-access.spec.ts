import { expect, test } from "./fixtures";

/**
 * Not a test: screenshots of the access screens at a projector's 1280×720, for a person to
 * look at (`SCREENSHOTS=/some/folder`). The setup screen's is taken by the global set-up,
 * the only time it shows.
 */
const dir = process.env.SCREENSHOTS;
test.skip(!dir, "set SCREENSHOTS=<folder> to take screenshots");
test.use({ viewport: { width: 1280, height: 720 } });

const shot = (name: string) => ({ path: `${dir}/${name}.png`, fullPage: false });

test("screenshots of signing in, sharing and administration", async ({
  api,
  chartPage,
  page,
  newContext,
}) => {
  const { page: visitor } = await newContext();
  await visitor.goto("/sign-in");
  await expect(visitor.getByTestId("sign-in-page")).toBeVisible();
  await visitor.screenshot(shot("sign-in"));
  await visitor.getByTestId("sign-in-email").fill("olivia@example.com");
  await visitor.getByTestId("sign-in-password").fill("wrong password");
  await visitor.getByTestId("sign-in-submit").click();
  await expect(visitor.getByTestId("sign-in-error")).toBeVisible();
  await visitor.screenshot(shot("sign-in-error"));

  const chart = await api.createChart("classic-split", "Acme technology leadership");
  const { account } = await api.createAccount("Mia Member", "mia@example.com");
  await api.addMember(chart.id, account.email, "edit");
  await chartPage.goto(chart.id);
  await page.getByTestId("share-button").click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog.getByTestId("links-empty")).toBeVisible();
  await page.screenshot(shot("share-dialog-empty"));
  await dialog.getByTestId("create-link").click();
  await expect(dialog.getByTestId("created-link")).toBeVisible();
  await dialog.getByTestId("link-access").selectOption("edit");
  await dialog.getByTestId("link-expiry").fill("2030-01-31");
  await dialog.getByTestId("create-link").click();
  await expect(dialog.getByTestId("link-row")).toHaveCount(2);
  await page.screenshot(shot("share-dialog"));
  await dialog.getByTestId("member-email").scrollIntoViewIfNeeded();
  await page.screenshot(shot("share-dialog-people"));
  const viewUrl = (await api.createLink(chart.id, "view")).url;
  await page.keyboard.press("Escape");

  await page.getByTestId("account-button").click();
  await page.screenshot(shot("chart-account-menu"));
  await page.keyboard.press("Escape");
  await page.goto(viewUrl);
  await expect(page.getByTestId("guest-signs-out")).toBeVisible();
  await page.screenshot(shot("guest-prompt-signed-in"));
  await visitor.goto(viewUrl);
  await expect(visitor.getByTestId("guest-page")).toBeVisible();
  await visitor.screenshot(shot("guest-prompt"));
  await visitor.getByTestId("guest-name").fill("Vera Viewer");
  await visitor.getByTestId("guest-continue").click();
  await expect(visitor.getByTestId("access-badge")).toBeVisible();
  await expect(visitor.getByTestId("matrix-grid")).toBeVisible();
  await visitor.screenshot(shot("chart-read-only"));
  await visitor.getByTestId("account-button").click();
  await visitor.screenshot(shot("chart-read-only-account-menu"));

  await page.goto("/admin");
  const admin = page.getByTestId("admin-page");
  await admin.getByTestId("invite-email").fill("nina@example.com");
  await admin.getByTestId("create-invite").click();
  await expect(admin.getByTestId("created-invite")).toBeVisible();
  await page.screenshot(shot("admin"));
  await admin
    .locator('[data-testid="account-row"][data-email="mia@example.com"]')
    .getByTestId("remove-account")
    .click();
  await page.screenshot(shot("admin-remove-account"));

  const { page: mia } = await newContext(
    (await api.createAccount("Sam Shared", "sam@example.com")).state,
  );
  await api.addMember(chart.id, "sam@example.com", "comment");
  await mia.goto("/");
  await expect(mia.getByTestId("shared-with-me")).toBeVisible();
  await mia.screenshot(shot("home-shared-with-me"));

  await visitor.goto("/access-ended");
  await expect(visitor.getByTestId("access-ended")).toBeVisible();
  await visitor.screenshot(shot("access-ended"));
  await visitor.goto("/s/unknown-token");
  await visitor.getByTestId("guest-name").fill("Someone");
  await visitor.getByTestId("guest-continue").click();
  await expect(visitor.getByTestId("share-link-invalid")).toBeVisible();
  await visitor.screenshot(shot("share-link-invalid"));
});
