import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import { clearGuestMark, wasGuest } from "../../auth/guest-marker";
import { CHART_ID, chartRecord } from "../../test/editor-fixtures";
import { fakeApi, ME, renderApp } from "../../test/render";

const signedOut = () => {
  throw new ApiError(401, "unauthenticated", "Sign in first");
};
const location = () => screen.getByTestId("location");

afterEach(clearGuestMark);

describe("a fresh instance", () => {
  it("sends the first visitor to the setup screen, which creates the owner and opens the home page", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      getMe: vi.fn(async () => signedOut()),
      getAuthState: vi.fn(async () => ({ setup: true })),
    });
    renderApp("/", api);
    const setup = await screen.findByTestId("setup-page");
    expect(location()).toHaveTextContent("/setup");

    await user.click(within(setup).getByRole("button", { name: "Create the owner account" }));
    expect(within(setup).getByText("Name must not be empty.")).toBeInTheDocument();
    expect(api.setUp).not.toHaveBeenCalled();

    await user.type(within(setup).getByLabelText("Your name"), "Ada Lovelace");
    await user.type(within(setup).getByLabelText("Email"), "ada@example.com");
    await user.type(within(setup).getByLabelText(/^Password/), "too short");
    await user.click(within(setup).getByRole("button", { name: "Create the owner account" }));
    expect(within(setup).getByText("Password must be at least 10 characters.")).toBeInTheDocument();

    await user.type(within(setup).getByLabelText(/^Password/), " but now long");
    await user.click(within(setup).getByRole("button", { name: "Create the owner account" }));
    expect(api.setUp).toHaveBeenCalledWith({
      name: "Ada Lovelace",
      email: "ada@example.com",
      password: "too short but now long",
    });
    await waitFor(() => expect(location()).toHaveTextContent(/^\/$/));
    expect(await screen.findByTestId("signed-in-as")).toHaveTextContent(ME.name);
  });
});

describe("SignInPage", () => {
  it("sends a signed-out visitor to sign in, then back to the chart they were opening", async () => {
    const user = userEvent.setup();
    let isSignedIn = false;
    const api = fakeApi({
      getMe: vi.fn(async () => signedOut()),
      getChart: vi.fn(async () => (isSignedIn ? chartRecord() : signedOut())),
      logIn: vi
        .fn()
        .mockRejectedValueOnce(new ApiError(401, "invalid_credentials", "Wrong"))
        .mockResolvedValue({ account: ME }),
    });
    renderApp(`/charts/${CHART_ID}`, api);
    const page = await screen.findByTestId("sign-in-page");
    expect(location()).toHaveTextContent("/sign-in");

    await user.type(within(page).getByLabelText("Email"), "ada@example.com");
    await user.type(within(page).getByLabelText("Password"), "wrong{Enter}");
    expect(await within(page).findByRole("alert")).toHaveTextContent(
      "The email or the password is wrong.",
    );

    isSignedIn = true;
    await user.clear(within(page).getByLabelText("Password"));
    await user.type(within(page).getByLabelText("Password"), "right one{Enter}");
    expect(api.logIn).toHaveBeenLastCalledWith({ email: "ada@example.com", password: "right one" });
    await waitFor(() => expect(location()).toHaveTextContent(`/charts/${CHART_ID}`));
    expect(await screen.findByTestId("chart-title")).toBeInTheDocument();
  });

  it("says so when there were too many attempts", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      getMe: vi.fn(async () => signedOut()),
      logIn: vi.fn(async () => {
        throw new ApiError(429, "rate_limited", "Too many");
      }),
    });
    renderApp("/sign-in", api);
    const page = await screen.findByTestId("sign-in-page");
    await user.type(within(page).getByLabelText("Email"), "ada@example.com");
    await user.type(within(page).getByLabelText("Password"), "anything{Enter}");
    expect(await within(page).findByRole("alert")).toHaveTextContent("Too many attempts");
  });
});

describe("GuestPage", () => {
  it("asks for a name, warns a signed-in person, and opens the link's chart as a guest", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      joinAsGuest: vi.fn(async () => ({
        guest: { name: "Vera", chart: CHART_ID, access: "view" as const },
      })),
      getChart: vi.fn(async () => chartRecord(undefined, 1, "view")),
    });
    renderApp("/s/the-token", api);
    const page = await screen.findByTestId("guest-page");
    expect(await within(page).findByTestId("guest-signs-out")).toHaveTextContent(
      `You are signed in as ${ME.name}. Continuing as a guest signs you out`,
    );
    await user.click(within(page).getByRole("button", { name: "Open the chart" }));
    expect(within(page).getByText("Name must not be empty.")).toBeInTheDocument();
    await user.type(within(page).getByLabelText("Your name"), "  Vera {Enter}");
    expect(api.joinAsGuest).toHaveBeenCalledWith({ token: "the-token", name: "Vera" });
    await waitFor(() => expect(location()).toHaveTextContent(`/charts/${CHART_ID}`));
    expect(wasGuest()).toBe(true);
    expect(await screen.findByTestId("access-badge")).toHaveTextContent("View only");
  });

  it("says that an unknown, expired or revoked link opens nothing", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      getMe: vi.fn(async () => signedOut()),
      joinAsGuest: vi.fn(async () => {
        throw new ApiError(404, "not_found", "No such link");
      }),
    });
    renderApp("/s/old", api);
    const page = await screen.findByTestId("guest-page");
    expect(within(page).queryByTestId("guest-signs-out")).toBeNull();
    await user.type(within(page).getByLabelText("Your name"), "Vera{Enter}");
    expect(await screen.findByTestId("share-link-invalid")).toHaveTextContent(
      "The link is unknown, has expired or has been revoked",
    );
  });
});

describe("a guest whose link was revoked", () => {
  it("is told the access has ended instead of being asked to sign in", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      joinAsGuest: vi.fn(async () => ({
        guest: { name: "Vera", chart: CHART_ID, access: "view" as const },
      })),
      getMe: vi.fn(async () => signedOut()),
      getChart: vi.fn(async () => signedOut()),
    });
    renderApp("/s/token", api);
    await user.type(await screen.findByLabelText("Your name"), "Vera{Enter}");
    expect(await screen.findByTestId("access-ended")).toBeInTheDocument();
    expect(location()).toHaveTextContent("/access-ended");
  });
});

describe("InvitePage", () => {
  it("creates the invited account, or says why the invite cannot be used", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      getMe: vi.fn(async () => signedOut()),
      signUp: vi
        .fn()
        .mockRejectedValueOnce(new ApiError(403, "forbidden", "No"))
        .mockResolvedValue({ account: { ...ME, admin: false } }),
    });
    renderApp("/invite/abc", api);
    const page = await screen.findByTestId("invite-page");
    await user.type(within(page).getByLabelText("Your name"), "Nina");
    await user.type(within(page).getByLabelText("Email"), "nina@example.com");
    await user.type(within(page).getByLabelText(/^Password/), "a long enough password{Enter}");
    expect(await within(page).findByTestId("invite-error")).toHaveTextContent("cannot be used");
    await user.click(within(page).getByRole("button", { name: "Create account" }));
    expect(api.signUp).toHaveBeenLastCalledWith({
      name: "Nina",
      email: "nina@example.com",
      password: "a long enough password",
      invite: "abc",
    });
    await waitFor(() => expect(location()).toHaveTextContent(/^\/$/));
  });
});
