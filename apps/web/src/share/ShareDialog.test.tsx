import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { CHART_ID, chartRecord } from "../test/editor-fixtures";
import { fakeApi, ME, renderApp } from "../test/render";
import { expiryOf } from "./LinksSection";

// The regions belong to other modules with their own tests.
vi.mock("../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

const LINK_ID = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
const MEMBER = {
  id: "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
  name: "Mia Member",
  email: "mia@example.com",
  access: "view" as const,
};

async function openShare(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const user = userEvent.setup();
  const api = fakeApi({ getChart: vi.fn(async () => chartRecord()), ...overrides });
  renderApp(`/charts/${CHART_ID}`, api);
  await user.click(await screen.findByTestId("share-button"));
  return { user, api, dialog: screen.getByTestId("share-dialog") };
}

describe("ShareDialog", () => {
  it("creates a link with an expiry, shows its full address once, and revokes links", async () => {
    const links = [
      {
        id: LINK_ID,
        access: "edit" as const,
        expiresAt: null,
        createdAt: new Date().toISOString(),
        expired: false,
      },
    ];
    const { user, api, dialog } = await openShare({
      listLinks: vi.fn(async () => ({ links })),
      createLink: vi.fn(async () => ({
        id: LINK_ID,
        access: "view" as const,
        expiresAt: null,
        url: "/s/secret-token",
      })),
    });
    const row = await within(dialog).findByTestId("link-row");
    expect(row).toHaveTextContent("Can edit");
    expect(row).toHaveTextContent("No expiry");

    await user.type(within(dialog).getByTestId("link-expiry"), "2030-01-31");
    await user.click(within(dialog).getByRole("button", { name: "Create link" }));
    expect(api.createLink).toHaveBeenCalledWith(CHART_ID, {
      access: "view",
      expiresAt: expiryOf("2030-01-31"),
    });
    expect(await within(dialog).findByTestId("created-link")).toHaveValue(
      `${window.location.origin}/s/secret-token`,
    );
    expect(dialog).toHaveTextContent("Copy it now: it is shown only this once.");

    await user.click(within(row).getByRole("button", { name: "Revoke the edit link" }));
    expect(api.revokeLink).toHaveBeenCalledWith(CHART_ID, LINK_ID);
  });

  it("shows empty states, then adds a member, changes their level and removes them", async () => {
    const members = vi
      .fn()
      .mockResolvedValueOnce({ owner: { id: ME.id, name: ME.name, email: ME.email }, members: [] })
      .mockResolvedValue({
        owner: { id: ME.id, name: ME.name, email: ME.email },
        members: [MEMBER],
      });
    const { user, api, dialog } = await openShare({
      listMembers: members,
      addMember: vi
        .fn()
        .mockRejectedValueOnce(
          new ApiError(400, "invalid_input", "Invalid", [
            { path: "email", message: "no account has this email" },
          ]),
        )
        .mockResolvedValue(MEMBER),
      setMemberAccess: vi.fn(async () => ({ ...MEMBER, access: "edit" as const })),
    });
    expect(await within(dialog).findByTestId("links-empty")).toBeInTheDocument();
    expect(await within(dialog).findByTestId("members-empty")).toBeInTheDocument();
    expect(within(dialog).getByTestId("owner-row")).toHaveTextContent(ME.name);

    const email = within(dialog).getByLabelText("Add a person by email");
    await user.type(email, "nobody@example.com{Enter}");
    expect(await within(dialog).findByTestId("member-error")).toHaveTextContent(
      "No account has this email",
    );
    await user.clear(email);
    await user.type(email, MEMBER.email);
    await user.selectOptions(within(dialog).getByLabelText("Access of the new member"), "comment");
    await user.click(within(dialog).getByRole("button", { name: "Add" }));
    expect(api.addMember).toHaveBeenLastCalledWith(CHART_ID, MEMBER.email, "comment");
    await waitFor(() => expect(email).toHaveValue(""));

    const row = await within(dialog).findByTestId("member-row");
    await user.selectOptions(within(row).getByLabelText("Access of Mia Member"), "edit");
    expect(api.setMemberAccess).toHaveBeenCalledWith(CHART_ID, MEMBER.id, "edit");
    await user.click(within(row).getByRole("button", { name: "Remove Mia Member" }));
    expect(api.removeMember).toHaveBeenCalledWith(CHART_ID, MEMBER.id);

    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    expect(screen.getByTestId("share-dialog")).not.toHaveAttribute("open");
  });
});

describe("expiryOf", () => {
  it("is the end of the chosen day, or nothing", () => {
    expect(expiryOf("")).toBeUndefined();
    expect(expiryOf("not a day")).toBeUndefined();
    const end = new Date(expiryOf("2030-01-31") ?? "");
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([
      2030, 0, 31, 23,
    ]);
  });
});
