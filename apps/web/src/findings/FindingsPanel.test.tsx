import type { ChartDocument } from "@rolemap/contract";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { chartRecord, createTestEditor } from "../test/editor-fixtures";
import { FindingsPanel } from "./FindingsPanel";

const clean: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Clean",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana" },
    { id: "cio", title: "CIO", holder: "Alex" },
  ],
  reportingLines: [{ manager: "ceo", report: "cio", kind: "solid" }],
  responsibilities: [{ id: "sec", name: "Cybersecurity" }],
  assignments: [
    { role: "ceo", responsibility: "sec", code: "A" },
    { role: "cio", responsibility: "sec", code: "R" },
  ],
};

function setup(document: ChartDocument) {
  const { editor } = createTestEditor({ record: chartRecord(document) });
  const user = userEvent.setup();
  render(<FindingsPanel editor={editor} />);
  return { editor, user };
}

const rules = () =>
  screen.getAllByTestId("finding").map((element) => element.getAttribute("data-rule"));

describe("FindingsPanel", () => {
  it("says so when there is nothing to fix", () => {
    setup(clean);
    expect(screen.getByTestId("findings-empty")).toHaveTextContent(
      "Every area has exactly one accountable role",
    );
    expect(screen.queryAllByTestId("finding")).toEqual([]);
  });

  it("groups findings by severity, then category, with counts", () => {
    setup({
      ...clean,
      roles: [...clean.roles, { id: "cto", title: "CTO", holder: null }],
      responsibilities: [...clean.responsibilities, { id: "data", name: "Data" }],
      assignments: [...clean.assignments, { role: "cto", responsibility: "sec", code: "A" }],
    });
    const errors = screen.getByTestId("findings-error");
    expect(within(errors).getByRole("heading", { level: 3 })).toHaveTextContent("Errors3");
    expect(
      within(errors)
        .getAllByRole("heading", { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(["Gaps 2", "Overlaps 1"]);
    expect(rules()).toEqual([
      "raci/no-accountable",
      "raci/no-responsible",
      "raci/multiple-accountable",
      "raci/vacant-accountable",
      "org/multiple-roots",
    ]);
    expect(screen.getByTestId("findings-summary")).toHaveTextContent(
      "3 errors, 2 warnings, 0 notes",
    );
  });

  it("selects a finding's roles and responsibilities, and clears them on a second click", async () => {
    const { editor, user } = setup({
      ...clean,
      assignments: [...clean.assignments, { role: "cio", responsibility: "sec", code: "A" }],
    });
    const finding = screen.getByRole("button", { name: /2 accountable roles/ });
    expect(finding).toHaveAttribute("data-rule", "raci/multiple-accountable");
    await user.click(finding);
    expect(editor.getState().selection).toEqual({
      roles: ["ceo", "cio"],
      responsibilities: ["sec"],
      origin: "findings",
    });
    expect(finding).toHaveAttribute("aria-pressed", "true");
    await user.click(finding);
    expect(editor.getState().selection.roles).toEqual([]);
    expect(finding).toHaveAttribute("aria-pressed", "false");
  });

  it("selects with Enter and moves between findings with the arrow keys", async () => {
    const { editor, user } = setup({ ...clean, assignments: [] });
    const [first, second] = screen.getAllByTestId("finding");
    first?.focus();
    await user.keyboard("{ArrowDown}");
    expect(second).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(editor.getState().selection.responsibilities).toEqual(["sec"]);
    await user.keyboard("{ArrowUp}");
    expect(first).toHaveFocus();
  });

  it("follows every edit", () => {
    const { editor } = setup(clean);
    act(() => {
      editor.apply(
        [{ op: "addAssignment", assignment: { role: "cio", responsibility: "sec", code: "A" } }],
        "Make the CEO accountable too",
      );
    });
    expect(rules()).toContain("raci/multiple-accountable");
    act(() => editor.undo());
    expect(screen.getByTestId("findings-empty")).toBeInTheDocument();
  });

  it("lists long categories in part, with a button for the rest", async () => {
    const roles = Array.from({ length: 45 }, (_, i) => ({
      id: `r${i}`,
      title: `Role ${i}`,
      holder: "x",
    }));
    const { user } = setup({
      ...clean,
      roles: [...clean.roles, ...roles],
      reportingLines: [
        ...clean.reportingLines,
        ...roles.map((r) => ({ manager: "ceo", report: r.id, kind: "solid" as const })),
      ],
    });
    expect(
      screen.getAllByTestId("finding").filter((f) => f.dataset.rule === "role/no-ownership"),
    ).toHaveLength(30);
    await user.click(screen.getByRole("button", { name: "Show all 45" }));
    expect(
      screen.getAllByTestId("finding").filter((f) => f.dataset.rule === "role/no-ownership"),
    ).toHaveLength(45);
  });
});
