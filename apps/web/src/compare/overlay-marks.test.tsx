import { render, screen, within } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import type { ComponentProps } from "react";
import { describe, expect, it } from "vitest";
import { ChangeList } from "./ChangeList";
import { DIFF, PRIMARY, SCENARIO } from "./compare-fixtures";
import { documentFlow, marksOf, overlayFlow } from "./compare-flow";
import { DiffRoleNode } from "./DiffRoleNode";
import { describeChanges, namesOf } from "./describe-changes";

const names = namesOf(PRIMARY, SCENARIO);
const NONE = new Set<string>();
const overlay = overlayFlow(
  DIFF,
  documentFlow(PRIMARY, marksOf(DIFF, "before", names), NONE),
  documentFlow(SCENARIO, marksOf(DIFF, "after", names), NONE),
  names,
);

/** Every card of the overlay as React Flow would draw it. */
function renderOverlayCards() {
  render(
    <ReactFlowProvider>
      {overlay.nodes.map((node) => (
        <DiffRoleNode
          key={node.id}
          {...({ id: node.id, data: node.data, selected: false } as ComponentProps<
            typeof DiffRoleNode
          >)}
        />
      ))}
    </ReactFlowProvider>,
  );
  const card = (id: string) => {
    const found = screen.getAllByTestId("diff-card").find((el) => el.dataset.roleId === id);
    if (found === undefined) throw new Error(`no card ${id}`);
    return found;
  };
  return { card };
}

describe("the overlay's marks", () => {
  it.each([
    ["ai", "added", "+ Added"],
    ["dpo", "removed", "− Removed"],
    ["ciso", "moved", "↷ Moved"],
    ["cio", "changed", "✎ Edited"],
  ])("mark %s as %s in colour and in words (%s)", (id, kind, words) => {
    const { card } = renderOverlayCards();
    const marked = card(id);
    expect(marked).toHaveAttribute("data-diff", kind);
    const mark = within(marked).getByTestId("diff-mark");
    expect(mark).toHaveTextContent(words);
    // The icon is decoration; the word is what a screen reader says.
    expect(within(mark).getByText(words.slice(0, 1))).toHaveAttribute("aria-hidden", "true");
  });

  it("draws a removed role as a faint ghost with its card, and unchanged roles without a mark", () => {
    const { card } = renderOverlayCards();
    expect(card("dpo")).toHaveAttribute("data-ghost", "true");
    expect(within(card("dpo")).getByTestId("role-card")).toHaveTextContent(
      "Data Protection Officer",
    );
    expect(card("ceo")).toHaveAttribute("data-diff", "none");
    expect(within(card("ceo")).queryByTestId("diff-mark")).toBeNull();
  });

  it("tells where a moved role was in the mark's tooltip", () => {
    const { card } = renderOverlayCards();
    expect(within(card("ciso")).getByTestId("diff-mark")).toHaveAttribute(
      "title",
      "Moved: now under Chief Information Officer (was CTO)",
    );
  });
});

describe("ChangeList", () => {
  it("lists each section with its count and every change as kind, subject and detail", () => {
    render(<ChangeList sections={describeChanges(DIFF, PRIMARY, SCENARIO, { keepsName: true })} />);
    const headings = screen.getAllByRole("heading").map((heading) => heading.textContent);
    expect(headings).toEqual(["Roles 4", "Reporting lines 1", "Matrix rows 1", "Matrix cells 4"]);
    const changes = screen.getAllByTestId("change");
    expect(changes[2]).toHaveAttribute("data-kind", "moved");
    expect(changes[2]).toHaveTextContent(
      "↷ MovedCISOnow reports to Chief Information Officer (was CTO)",
    );
    expect(changes[3]).toHaveTextContent("title: CIO → Chief Information Officer");
  });

  it("shows the charts' texts as text, never as markup", () => {
    const hostile = {
      ...SCENARIO,
      roles: SCENARIO.roles.map((role) =>
        role.id === "ai" ? { ...role, title: "<img src=x onerror=alert(1)>" } : role,
      ),
    };
    const diff = {
      ...DIFF,
      roles: { ...DIFF.roles, added: [{ id: "ai", title: "<img src=x onerror=alert(1)>" }] },
    };
    const { container } = render(<ChangeList sections={describeChanges(diff, PRIMARY, hostile)} />);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
  });
});
