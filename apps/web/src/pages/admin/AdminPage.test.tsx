import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeApi, ME, renderApp } from "../../test/render";

const NINA = {
  id: "7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
  email: "nina@example.com",
  name: "Nina New",
  admin: false,
  createdAt: "2026-12-01T09:00:00.000Z",
};
const INVITE = {
  id: "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
  email: "olaf@example.com",
  createdAt: "2026-12-06T09:00:00.000Z",
  expiresAt: "2026-12-13T09:00:00.000Z",
};

describe("AdminPage", () => {
  it("invites by email and shows the invite's link once, with the pending invites", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      listInvites: vi.fn(async () => ({ invites: [INVITE] })),
      createInvite: vi.fn(async () => ({
        ...INVITE,
        email: "nina@example.com",
        url: "/invite/abc",
      })),
    });
    renderApp("/admin", api);
    const invites = await screen.findByTestId("invites");
    expect(await within(invites).findByTestId("invite-row")).toHaveTextContent("olaf@example.com");

    await user.type(within(invites).getByLabelText("Email"), "nina@example.com{Enter}");
    expect(api.createInvite).toHaveBeenCalledWith({ email: "nina@example.com" });
    expect(await within(invites).findByTestId("created-invite")).toHaveValue(
      `${window.location.origin}/invite/abc`,
    );
    await user.click(
      within(invites).getByRole("button", { name: "Revoke the invite for olaf@example.com" }),
    );
    expect(api.revokeInvite).toHaveBeenCalledWith(INVITE.id);
  });

  it("removes an account only after confirmation, and never one's own", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      listAccounts: vi.fn(async () => ({
        accounts: [{ ...ME, createdAt: "2026-11-01T09:00:00.000Z" }, NINA],
      })),
    });
    renderApp("/admin", api);
    const accounts = await screen.findByTestId("accounts");
    await waitFor(() => expect(within(accounts).getAllByTestId("account-row")).toHaveLength(2));
    expect(within(accounts).getAllByRole("button", { name: /^Remove/ })).toHaveLength(1);

    await user.click(within(accounts).getByRole("button", { name: "Remove Nina New" }));
    const dialog = screen.getByTestId("remove-account-dialog");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(api.deleteAccount).not.toHaveBeenCalled();
    await user.click(within(accounts).getByRole("button", { name: "Remove Nina New" }));
    await user.click(
      within(screen.getByTestId("remove-account-dialog")).getByRole("button", {
        name: "Remove account",
      }),
    );
    expect(api.deleteAccount).toHaveBeenCalledWith(NINA.id);
  });

  it("is not found for an account that is not the administrator", async () => {
    renderApp(
      "/admin",
      fakeApi({ getMe: vi.fn(async () => ({ account: { ...ME, admin: false } })) }),
    );
    expect(await screen.findByTestId("not-found")).toBeInTheDocument();
  });
});
