import type { ChartDocument } from "@rolemap/contract";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { chartRecord, createTestEditor } from "../test/editor-fixtures";
import { ResponsibilityMatrix } from "./ResponsibilityMatrix";

const small: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Small",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana" },
    { id: "cio", title: "CIO", holder: "Alex" },
    { id: "cto", title: "CTO", holder: null },
  ],
  reportingLines: [
    { manager: "ceo", report: "cio", kind: "solid" },
    { manager: "ceo", report: "cto", kind: "solid" },
  ],
  responsibilities: [
    { id: "sec", name: "Cybersecurity", category: "Security" },
    { id: "infra", name: "Infrastructure", category: "Operations" },
    { id: "product", name: "Product development" },
  ],
  assignments: [
    { role: "cio", responsibility: "sec", code: "A" },
    { role: "cio", responsibility: "sec", code: "R" },
    { role: "cio", responsibility: "infra", code: "A" },
    { role: "ceo", responsibility: "infra", code: "R" },
  ],
};

function setup(document: ChartDocument = small) {
  const { editor, server } = createTestEditor({ record: chartRecord(document) });
  const user = userEvent.setup();
  render(<ResponsibilityMatrix editor={editor} />);
  return { editor, server, user };
}

const cell = (name: string) => screen.getByRole("gridcell", { name });
const codesOf = (editor: ReturnType<typeof setup>["editor"], role: string, row: string) =>
  editor
    .getState()
    .document.assignments.filter((a) => a.role === role && a.responsibility === row)
    .map((a) => a.code)
    .sort();

describe("ResponsibilityMatrix", () => {
  it("names every cell after its role, responsibility and codes", () => {
    setup();
    expect(cell("CIO – Cybersecurity: A/R")).toHaveAttribute("data-testid", "cell-cio-sec");
    expect(cell("CEO – Infrastructure: R")).toBeInTheDocument();
    expect(cell("CTO – Product development: none")).toBeInTheDocument();
    expect(screen.getAllByRole("gridcell", { name: /–/ })).toHaveLength(9);
  });

  it("shows roles in document order, a vacant role as vacant", () => {
    setup();
    const headers = screen.getAllByRole("columnheader").map((h) => h.getAttribute("aria-label"));
    expect(headers).toEqual(["Responsibility", "CEO", "CIO", "CTO (vacant)", "Counts"]);
  });

  it("counts each code per row", () => {
    setup();
    expect(screen.getByTestId("counts-sec")).toHaveAccessibleName(
      "Counts: 1 accountable, 1 responsible, 0 support, 0 consulted, 0 informed",
    );
  });

  it("sets a code from the click menu", async () => {
    const { editor, user } = setup();
    await user.click(cell("CTO – Product development: none"));
    const menu = screen.getByRole("menu");
    await user.click(within(menu).getByRole("menuitemcheckbox", { name: /^A – Accountable/ }));
    expect(codesOf(editor, "cto", "product")).toEqual(["A"]);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(cell("CTO – Product development: A")).toHaveFocus();
    expect(editor.getState().history.undoLabel).toBe("Set CTO on Product development to A");
  });

  it("clears a cell with None in the menu", async () => {
    const { editor, user } = setup();
    await user.click(cell("CIO – Cybersecurity: A/R"));
    await user.click(screen.getByRole("menuitem", { name: /^None/ }));
    expect(codesOf(editor, "cio", "sec")).toEqual([]);
  });

  it("toggles codes by typing and clears with Backspace", async () => {
    const { editor, user } = setup();
    await user.click(cell("CEO – Cybersecurity: none"));
    await user.keyboard("{Escape}");
    expect(cell("CEO – Cybersecurity: none")).toHaveFocus();
    await user.keyboard("c");
    expect(codesOf(editor, "ceo", "sec")).toEqual(["C"]);
    await user.keyboard("I");
    expect(cell("CEO – Cybersecurity: C/I")).toHaveFocus();
    await user.keyboard("c");
    expect(codesOf(editor, "ceo", "sec")).toEqual(["I"]);
    await user.keyboard("{Backspace}");
    expect(codesOf(editor, "ceo", "sec")).toEqual([]);
  });

  it("moves between cells with the arrow keys", async () => {
    const { user } = setup();
    await user.click(cell("CEO – Cybersecurity: none"));
    await user.keyboard("{Escape}{ArrowRight}");
    expect(cell("CIO – Cybersecurity: A/R")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(cell("CIO – Infrastructure: A")).toHaveFocus();
    await user.keyboard("{End}");
    expect(cell("CTO – Infrastructure: none")).toHaveFocus();
    await user.keyboard("{Home}");
    expect(screen.getByTestId("rowheader-infra")).toHaveFocus();
    expect(screen.getByTestId("rowheader-infra")).toHaveAttribute("tabindex", "0");
  });

  it("opens the menu with Enter and picks a code by its letter", async () => {
    const { editor, user } = setup();
    await user.click(cell("CTO – Cybersecurity: none"));
    await user.keyboard("{Escape}{Enter}");
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.keyboard("r");
    expect(codesOf(editor, "cto", "sec")).toEqual(["R"]);
    expect(cell("CTO – Cybersecurity: R")).toHaveFocus();
  });

  it("leaves Ctrl+Z to the page's undo", async () => {
    const { editor, user } = setup();
    await user.click(cell("CTO – Cybersecurity: none"));
    await user.keyboard("{Escape}a");
    await user.keyboard("{Control>}z{/Control}");
    // The page binds undo; the matrix itself must not treat "z" as anything.
    expect(codesOf(editor, "cto", "sec")).toEqual(["A"]);
    act(() => editor.undo());
    expect(cell("CTO – Cybersecurity: none")).toBeInTheDocument();
  });

  it("tints the cells and rows of findings, with the messages as description", async () => {
    const { user } = setup();
    await user.click(cell("CTO – Cybersecurity: none"));
    await user.keyboard("{Escape}a");
    const tinted = cell("CTO – Cybersecurity: A");
    expect(tinted).toHaveAttribute("data-severity", "error");
    expect(tinted).toHaveAccessibleDescription(/Cybersecurity has 2 accountable roles/);
    expect(cell("CIO – Cybersecurity: A/R")).toHaveAttribute("data-severity", "error");
    expect(cell("CEO – Cybersecurity: none")).not.toHaveAttribute("data-severity");
    expect(screen.getByTestId("rowheader-product")).toHaveAccessibleDescription(
      /Nobody is accountable for Product development/,
    );
    expect(screen.getByTestId("matrix-tooltip")).toHaveTextContent(/2 accountable roles/);
  });

  it("adds responsibilities one after another", async () => {
    const { editor, user } = setup();
    await user.click(screen.getByTestId("add-row"));
    await user.type(screen.getByTestId("add-row-name"), "Vendor management{Enter}");
    await user.type(screen.getByTestId("add-row-name"), "Cybersecurity{Enter}");
    const rows = editor.getState().document.responsibilities;
    expect(rows.slice(-2)).toEqual([
      { id: "vendor-management", name: "Vendor management" },
      { id: "cybersecurity", name: "Cybersecurity" },
    ]);
    expect(screen.getByTestId("row-cybersecurity")).toHaveAttribute("data-selected", "true");
  });

  it("renames a row with F2 and sets its category from the menu", async () => {
    const { editor, user } = setup();
    await user.click(screen.getByTestId("rowheader-product"));
    await user.keyboard("{F2}");
    const input = screen.getByRole("textbox", { name: "Responsibility name" });
    await user.clear(input);
    await user.type(input, "Product engineering{Enter}");
    expect(editor.getState().document.responsibilities[2]?.name).toBe("Product engineering");
    expect(screen.getByTestId("rowheader-product")).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Actions for Product engineering" }));
    await user.click(screen.getByRole("menuitem", { name: "Set category" }));
    await user.type(screen.getByTestId("row-category-input"), "Innovation{Enter}");
    expect(editor.getState().document.responsibilities[2]?.category).toBe("Innovation");
  });

  it("moves a row with Alt+arrows, keeping the focus on it", async () => {
    const { editor, user } = setup();
    await user.click(screen.getByTestId("rowheader-sec"));
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(editor.getState().document.responsibilities.map((r) => r.id)).toEqual([
      "infra",
      "sec",
      "product",
    ]);
    expect(screen.getByTestId("rowheader-sec")).toHaveFocus();
  });

  it("asks before removing a row, and removes it with its assignments", async () => {
    const { editor, user } = setup();
    await user.click(screen.getByTestId("rowheader-sec"));
    await user.keyboard("{Delete}");
    const dialog = screen.getByTestId("remove-row-dialog");
    expect(dialog).toHaveTextContent("Its 2 assignments go with it");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(editor.getState().document.responsibilities).toHaveLength(3);

    await user.click(screen.getByRole("button", { name: "Actions for Cybersecurity" }));
    await user.click(screen.getByRole("menuitem", { name: "Remove…" }));
    await user.click(screen.getByTestId("confirm-remove-row"));
    expect(editor.getState().document.responsibilities.map((r) => r.id)).toEqual([
      "infra",
      "product",
    ]);
    expect(editor.getState().document.assignments.some((a) => a.responsibility === "sec")).toBe(
      false,
    );
  });

  it("highlights rows and roles selected elsewhere", () => {
    const { editor } = setup();
    act(() =>
      editor.setSelection({ roles: ["cto"], responsibilities: ["product"], origin: "findings" }),
    );
    expect(screen.getByTestId("row-product")).toHaveAttribute("data-selected", "true");
    expect(screen.getByTestId("row-sec")).not.toHaveAttribute("data-selected");
    expect(screen.getByTestId("column-cto")).toHaveAttribute("data-selected", "true");
  });

  it("selects a cell's role and responsibility when clicked", async () => {
    const { editor, user } = setup();
    await user.click(cell("CIO – Infrastructure: A"));
    expect(editor.getState().selection).toEqual({
      roles: ["cio"],
      responsibilities: ["infra"],
      origin: "matrix",
    });
  });

  it("filters the role columns", async () => {
    const { user } = setup();
    await user.type(screen.getByTestId("matrix-role-search"), "ct");
    expect(screen.getAllByRole("columnheader").map((h) => h.getAttribute("aria-label"))).toEqual([
      "Responsibility",
      "CTO (vacant)",
      "Counts",
    ]);
    expect(screen.getByTestId("matrix-role-count")).toHaveTextContent("1 of 3 roles");
  });

  it("invites to add the first responsibility when there are none", () => {
    setup({ ...small, responsibilities: [], assignments: [] });
    expect(screen.getByTestId("matrix-empty")).toHaveTextContent("No responsibilities yet");
  });
});

describe("ResponsibilityMatrix on a large chart", () => {
  const roles = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, title: `Role ${i}` }));
  const responsibilities = Array.from({ length: 100 }, (_, i) => ({
    id: `p${i}`,
    name: `Area ${i}`,
  }));
  const large: ChartDocument = {
    format: "rolemap.chart/v1",
    name: "Large",
    roles,
    reportingLines: roles.slice(1).map((role, i) => ({
      manager: `r${Math.floor(i / 5)}`,
      report: role.id,
      kind: "solid" as const,
    })),
    responsibilities,
    assignments: responsibilities.flatMap((p, i) => [
      { role: `r${i}`, responsibility: p.id, code: "A" as const },
      { role: `r${i + 100}`, responsibility: p.id, code: "R" as const },
    ]),
  };

  it("shows only the roles with codes, and renders only the visible cells", () => {
    setup(large);
    expect(screen.getByTestId("matrix-role-count")).toHaveTextContent("200 of 1000 roles");
    const cells = screen.getAllByRole("gridcell", { name: /–/ });
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.length).toBeLessThan(400);
    expect(screen.getByRole("grid")).toHaveAttribute("aria-colcount", "202");
  });

  it("shows every role on request", async () => {
    const { user } = setup(large);
    await user.selectOptions(screen.getByTestId("matrix-role-scope"), "all");
    expect(screen.getByTestId("matrix-role-count")).toHaveTextContent("1000 roles");
    expect(screen.getAllByRole("gridcell", { name: /–/ }).length).toBeLessThan(400);
  });
});

describe("ResponsibilityMatrix on a read-only chart", () => {
  it.each(["view", "comment"] as const)(
    "with %s access: moves and selects, but opens no menu and changes nothing",
    async (access) => {
      const { editor, server } = createTestEditor({
        record: chartRecord(small, 1, access),
      });
      const user = userEvent.setup();
      render(<ResponsibilityMatrix editor={editor} />);
      expect(screen.getByRole("grid")).toHaveAttribute("aria-readonly", "true");
      expect(screen.queryByTestId("add-row")).toBeNull();
      expect(screen.queryByTestId("row-menu-sec")).toBeNull();

      await user.click(cell("CEO – Cybersecurity: none"));
      expect(screen.queryByRole("menu")).toBeNull();
      expect(editor.getState().selection.responsibilities).toEqual(["sec"]);
      await user.keyboard("a{Backspace}{Enter}");
      expect(screen.queryByRole("menu")).toBeNull();
      await user.keyboard("{ArrowRight}");
      expect(cell("CIO – Cybersecurity: A/R")).toHaveFocus();
      await user.keyboard("{Delete}");
      await user.keyboard("{Home}{F2}{Delete}");
      expect(screen.queryByTestId("row-name-input")).toBeNull();
      await user.dblClick(screen.getByTestId("rowheader-infra"));
      expect(screen.queryByTestId("row-name-input")).toBeNull();
      expect(screen.queryByRole("dialog")).toBeNull();
      expect(codesOf(editor, "cio", "sec")).toEqual(["A", "R"]);
      expect(server.batches).toEqual([]);
    },
  );
});
