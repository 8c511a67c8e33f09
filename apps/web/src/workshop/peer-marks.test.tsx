import { act, render, screen } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import type { ComponentProps, ReactNode } from "react";
import { describe, expect, it } from "vitest";
import type { RoleNodeData } from "../canvas/flow-mapping";
import { RoleNode } from "../canvas/RoleNode";
import { MatrixCell } from "../matrix/MatrixCell";
import { createWorkshopDouble, peerPresence } from "../test/workshop-fixtures";
import { WorkshopEditorContext } from "./workshop-context";

const data: RoleNodeData = {
  title: "Chief Technology Officer",
  holder: "Ada",
  department: null,
  findingCount: 0,
  worstSeverity: null,
  reportCount: 0,
  descendantCount: 0,
  isCollapsed: false,
  isEditing: false,
  isDropTarget: false,
};
const nodeProps = { id: "cto", data, selected: false } as ComponentProps<typeof RoleNode>;

function inWorkshop(editor: ReturnType<typeof createWorkshopDouble>, children: ReactNode) {
  return (
    <ReactFlowProvider>
      <WorkshopEditorContext.Provider value={editor}>{children}</WorkshopEditorContext.Provider>
    </ReactFlowProvider>
  );
}

describe("peers' selections on the chart", () => {
  it("ring a card a peer selects, with their names, and drop it when they move on", () => {
    const editor = createWorkshopDouble();
    render(inWorkshop(editor, <RoleNode {...nodeProps} />));
    expect(screen.queryByTestId("peer-selection")).toBeNull();

    act(() => editor.presence.update(peerPresence("Grace", { selection: ["cto"] })));
    act(() => editor.presence.update(peerPresence("Alan", { selection: ["cto", "cfo"] })));
    expect(screen.getByTestId("peer-selection")).toHaveTextContent("Selected by Grace, Alan");
    expect(screen.getByTestId("role-card").style.getPropertyValue("--peer-colour")).toBe(
      editor.presence.getState().peers[0]?.colour,
    );

    act(() => editor.presence.update(peerPresence("Grace", { selection: [] })));
    act(() => editor.presence.leave(peerPresence("Alan").peer));
    expect(screen.queryByTestId("peer-selection")).toBeNull();
  });

  it("tell peers which card I am editing while its form is open", () => {
    const editor = createWorkshopDouble();
    const view = render(
      inWorkshop(editor, <RoleNode {...nodeProps} data={{ ...data, isEditing: true }} />),
    );
    expect(editor.calls.setPresence).toContainEqual({
      editing: { target: "role", id: "cto", field: "title" },
    });
    view.unmount();
    expect(editor.calls.setPresence.at(-1)).toEqual({ editing: null });
  });

  it("outline a matrix cell a peer selects", () => {
    const editor = createWorkshopDouble();
    render(
      inWorkshop(
        editor,
        <MatrixCell
          pos="0:0"
          roleId="cto"
          responsibilityId="budget"
          codes={["A"]}
          label="CTO – Budget: A"
          colIndex={2}
          isActive={false}
          isSelected={false}
          severity={null}
          messages={null}
          descriptionId={null}
          canEdit
        />,
      ),
    );
    const cell = screen.getByRole("gridcell");
    expect(cell).not.toHaveAttribute("data-peers");
    act(() =>
      editor.presence.update(
        peerPresence("Grace", { selection: [{ role: "cto", responsibility: "budget" }] }),
      ),
    );
    expect(cell).toHaveAttribute("data-peers", "Grace");
    expect(cell).toHaveAttribute("title", "Selected by Grace");
  });
});
