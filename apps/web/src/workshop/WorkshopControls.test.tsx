import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createWorkshopDouble, peerPresence } from "../test/workshop-fixtures";
import { WorkshopControls } from "./WorkshopControls";

const grace = peerPresence("Grace Hopper");
const alan = peerPresence("Alan Turing");

describe("WorkshopControls", () => {
  it("shows me and the peers as initials, and the rest as +N", () => {
    const editor = createWorkshopDouble({
      peers: [grace, alan, peerPresence("Edsger"), peerPresence("Barbara"), peerPresence("Ken")],
    });
    render(<WorkshopControls editor={editor} />);
    const people = screen.getByTestId("people-here");
    const avatars = within(people).getAllByTestId("peer-avatar");
    expect(avatars.map((a) => a.textContent)).toEqual(["AL", "GH", "AT"]);
    expect(people).toHaveTextContent("+3");
    expect(people).toHaveAccessibleName(
      /6 people here: Ada Lovelace \(you\), Grace Hopper, Alan Turing/,
    );
  });

  it("lists who is here with what they select, and follows one of them", async () => {
    const user = userEvent.setup();
    const editor = createWorkshopDouble({ peers: [grace, alan] });
    const cto = editor.getState().document.roles[1];
    render(<WorkshopControls editor={editor} />);

    await user.click(screen.getByTestId("people-here"));
    const list = screen.getByRole("dialog", { name: "People here" });
    expect(list).toHaveFocus();
    expect(within(list).getByText("(you)")).toBeInTheDocument();
    act(() => editor.presence.update({ ...grace, selection: [cto?.id ?? ""] }));
    expect(within(list).getByText(`Selecting ${cto?.title}`)).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "Follow Alan Turing" }));
    expect(editor.calls.follow).toEqual([alan.peer]);
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.click(screen.getByTestId("people-here"));
    const follow = screen.getByTestId("follow-Alan Turing");
    expect(follow).toHaveAttribute("aria-pressed", "true");
    await user.click(follow);
    expect(editor.calls.follow).toEqual([alan.peer, null]);
  });

  it("opens and closes the list with the keyboard, giving the focus back", async () => {
    const user = userEvent.setup();
    const editor = createWorkshopDouble({ peers: [grace] });
    render(<WorkshopControls editor={editor} />);
    await user.tab();
    expect(screen.getByTestId("people-here")).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("people-here")).toHaveAttribute("aria-expanded", "true");
    await user.tab();
    expect(screen.getByRole("button", { name: "Follow Grace Hopper" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByTestId("people-here")).toHaveFocus();
  });

  it.each([
    ["owner", true],
    ["edit", true],
    ["view", false],
    ["comment", false],
  ] as const)("with %s access, Bring everyone here is shown: %s", async (access, shown) => {
    const editor = createWorkshopDouble({ state: { access }, peers: [grace] });
    render(<WorkshopControls editor={editor} />);
    const summon = screen.queryByRole("button", { name: "Bring everyone here" });
    expect(summon !== null).toBe(shown);
    if (summon !== null) {
      await userEvent.setup().click(summon);
      expect(editor.calls.summon).toBe(1);
    }
  });

  it("cannot bring anyone while alone or not connected", () => {
    const editor = createWorkshopDouble();
    render(<WorkshopControls editor={editor} />);
    expect(screen.getByTestId("summon-button")).toBeDisabled();
    act(() => editor.presence.update(grace));
    expect(screen.getByTestId("summon-button")).toBeEnabled();
    act(() => editor.setState({ connection: "reconnecting" }));
    expect(screen.getByTestId("summon-button")).toBeDisabled();
  });

  it("gives the owner the lock toggle", async () => {
    const user = userEvent.setup();
    const editor = createWorkshopDouble({ peers: [grace] });
    render(<WorkshopControls editor={editor} />);
    const toggle = screen.getByRole("button", { name: "Lock the chart" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle);
    expect(editor.calls.setLocked).toEqual([true]);

    act(() => editor.setState({ lock: { locked: true, by: "Ada Lovelace" } }));
    expect(screen.getByTestId("lock-toggle")).toHaveAccessibleName("Unlock the chart");
    expect(screen.getByTestId("lock-toggle")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("status")).toHaveTextContent("The chart is locked");
    await user.click(screen.getByTestId("lock-toggle"));
    expect(editor.calls.setLocked).toEqual([true, false]);
    expect(screen.queryByTestId("locked-badge")).toBeNull();
  });

  it.each(["edit", "view"] as const)("shows a %s member who locked it, and no toggle", (access) => {
    const editor = createWorkshopDouble({ state: { access } });
    render(<WorkshopControls editor={editor} />);
    expect(screen.queryByTestId("lock-toggle")).toBeNull();
    expect(screen.queryByTestId("locked-badge")).toBeNull();
    act(() => editor.setState({ lock: { locked: true, by: "Ada Lovelace" } }));
    expect(screen.getByTestId("locked-badge")).toHaveTextContent("Locked by Ada Lovelace");
    expect(screen.getByRole("status")).toHaveTextContent("you cannot change it now");
  });
});
