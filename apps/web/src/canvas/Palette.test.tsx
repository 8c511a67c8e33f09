import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { CanvasSide, PALETTE_OPEN_KEY } from "./Palette";

const renderSide = (canEdit = true) =>
  render(
    <CanvasSide canEdit={canEdit} onAdd={() => {}}>
      <p>Legend</p>
    </CanvasSide>,
  );

describe("CanvasSide", () => {
  beforeEach(() => window.localStorage.clear());

  it("folds the palette with a labelled button and remembers it on the next visit", async () => {
    const user = userEvent.setup();
    const { unmount } = renderSide();
    const hide = screen.getByRole("button", { name: "Hide the palette" });
    expect(hide).toHaveAttribute("aria-expanded", "true");
    await user.click(hide);
    expect(screen.queryByTestId("palette")).toBeNull();
    expect(window.localStorage.getItem(PALETTE_OPEN_KEY)).toBe("false");
    unmount();

    renderSide();
    expect(screen.queryByTestId("palette")).toBeNull();
    const show = screen.getByRole("button", { name: "Show the palette" });
    expect(show).toHaveAttribute("aria-expanded", "false");
    show.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("palette")).toBeInTheDocument();
    expect(window.localStorage.getItem(PALETTE_OPEN_KEY)).toBe("true");
  });

  it("folds the legend of a read-only chart the same way", async () => {
    renderSide(false);
    await userEvent.setup().click(screen.getByRole("button", { name: "Hide the legend" }));
    expect(screen.queryByTestId("read-only-side")).toBeNull();
  });
});
