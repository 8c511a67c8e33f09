import { expect, openAccountMenu, test } from "./fixtures";

test.describe("administration", () => {
  // `api` resets the instance (other accounts, invites) before the test.
  test("the owner invites someone, who creates an account; the owner then removes it", async ({
    api: _reset,
    page,
    newContext,
  }) => {
    await page.goto("/");
    // The page itself, not its loading frame (whose header is replaced, menu and all).
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await (await openAccountMenu(page)).getByTestId("admin-link").click();
    const admin = page.getByTestId("admin-page");
    await expect(admin).toBeVisible();
    await expect(admin.getByTestId("invites-empty")).toBeVisible();

    await admin.getByTestId("invite-email").fill("nina@example.com");
    await admin.getByTestId("create-invite").click();
    const link = admin.getByTestId("created-invite");
    await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
    const inviteUrl = await link.inputValue();
    await expect(admin.getByTestId("invite-row")).toContainText("nina@example.com");

    // The invited person, in a browser of their own.
    const { page: nina } = await newContext();
    await nina.goto(inviteUrl);
    const form = nina.getByTestId("invite-page");
    await form.getByTestId("invite-name").fill("Nina New");
    await form.getByTestId("invite-email").fill("someone-else@example.com");
    await form.getByTestId("invite-password").fill("a long enough password");
    await form.getByTestId("invite-submit").click();
    await expect(form.getByTestId("invite-error")).toContainText("cannot be used");
    await form.getByTestId("invite-email").fill("nina@example.com");
    await form.getByTestId("invite-submit").click();
    await expect(nina).toHaveURL(/\/$/);
    await expect(nina.getByTestId("empty-state")).toBeVisible();
    await expect(nina.getByTestId("signed-in-as")).toContainText("Nina New");
    const ninasMenu = await openAccountMenu(nina);
    await expect(ninasMenu.getByTestId("sign-out")).toBeVisible();
    await expect(ninasMenu.getByTestId("admin-link")).toHaveCount(0);
    await nina.goto("/admin");
    await expect(nina.getByTestId("not-found")).toBeVisible();

    await page.reload();
    await expect(admin.getByTestId("invites-empty")).toBeVisible();
    const row = admin.locator('[data-testid="account-row"][data-email="nina@example.com"]');
    await expect(row).toContainText("Nina New");
    await row.getByTestId("remove-account").click();
    const confirm = page.getByTestId("remove-account-dialog");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(row).toBeVisible();
    await row.getByTestId("remove-account").click();
    await confirm.getByTestId("confirm-remove-account").click();
    await expect(row).toHaveCount(0);
    // Not yourself: the owner's own row has no remove button.
    await expect(admin.getByTestId("account-row")).toHaveCount(1);
    await expect(admin.getByTestId("remove-account")).toHaveCount(0);

    await nina.reload();
    await expect(nina).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  });

  test("a pending invite can be revoked", async ({ api: _reset, page }) => {
    await page.goto("/admin");
    const admin = page.getByTestId("admin-page");
    await admin.getByTestId("invite-email").fill("olaf@example.com");
    await admin.getByTestId("invite-email").press("Enter");
    await expect(admin.getByTestId("invite-row")).toHaveCount(1);
    await admin.getByTestId("revoke-invite").click();
    await expect(admin.getByTestId("invites-empty")).toBeVisible();
  });
});
