import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { type SideTab, SideTabs } from "./SideTabs";

function Harness() {
  const [tab, setTab] = useState<SideTab>("findings");
  return (
    <SideTabs
      tab={tab}
      onSelect={setTab}
      idBase="side"
      panelId="side-panel"
      labels={{
        findings: { name: "Findings", count: 3 },
        comments: { name: "Comments", count: 1 },
        history: { name: "History" },
      }}
    />
  );
}

describe("SideTabs", () => {
  it("is one tab stop; arrows, Home and End move between the tabs and show the one reached", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(["Findings 3", "Comments 1", "History"]);
    expect(screen.getByRole("tab", { selected: true })).toHaveAccessibleName("Findings 3");
    await user.tab();
    expect(tabs[0]).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(tabs[1]).toHaveFocus();
    expect(tabs[1]).toHaveAttribute("aria-selected", "true");
    expect(tabs[1]).toHaveAttribute("aria-controls", "side-panel");
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(tabs[2]).toHaveFocus();
    await user.keyboard("{Home}");
    expect(tabs[0]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{End}");
    expect(tabs[2]).toHaveAttribute("aria-selected", "true");
    // The others are not tab stops of their own.
    expect(tabs.filter((t) => t.tabIndex === 0)).toEqual([tabs[2]]);
    await user.click(tabs[1] as HTMLElement);
    expect(tabs[1]).toHaveAttribute("aria-selected", "true");
  });
});
