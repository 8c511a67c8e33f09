import { act, render, screen } from "@testing-library/react";
import { memo } from "react";
import { describe, expect, it } from "vitest";
import { createTestEditor } from "../test/editor-fixtures";
import { selectRole, selectRoles } from "./selectors";
import type { ChartEditor } from "./types";
import { shallowEqual, useEditorSelector } from "./use-editor-selector";

const renders = new Map<string, number>();
const count = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1);

const RoleTitle = memo(function RoleTitle({ editor, id }: { editor: ChartEditor; id: string }) {
  const role = useEditorSelector(editor, selectRole(id));
  count(id);
  return <li data-testid={id}>{role?.holder ?? "Vacant"}</li>;
});

function RoleList({ editor }: { editor: ChartEditor }) {
  const ids = useEditorSelector(editor, (s) => selectRoles(s).map((r) => r.id), shallowEqual);
  count("list");
  return (
    <ul>
      {ids.map((id) => (
        <RoleTitle key={id} editor={editor} id={id} />
      ))}
    </ul>
  );
}

describe("useEditorSelector", () => {
  it("re-renders only the components whose slice changed", () => {
    renders.clear();
    const { editor } = createTestEditor();
    render(<RoleList editor={editor} />);
    const initial = new Map(renders);
    act(() => {
      editor.apply([{ op: "updateRole", id: "cto", changes: { holder: "Ada" } }], "Set holder");
    });
    expect(screen.getByTestId("cto")).toHaveTextContent("Ada");
    expect(renders.get("cto")).toBe((initial.get("cto") ?? 0) + 1);
    expect(renders.get("cio")).toBe(initial.get("cio"));
    expect(renders.get("list")).toBe(initial.get("list"));
    editor.dispose();
  });

  it("re-renders the list when a role is added", () => {
    const { editor } = createTestEditor();
    render(<RoleList editor={editor} />);
    act(() => {
      editor.apply([{ op: "addRole", role: { id: "cfo", title: "CFO", holder: "Bo" } }], "Add");
    });
    expect(screen.getByTestId("cfo")).toHaveTextContent("Bo");
  });
});

describe("shallowEqual", () => {
  it.each([
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[{}], [{}], false],
    ["x", "x", true],
    [null, {}, false],
  ])("compares %j and %j: %s", (a, b, equal) => {
    expect(shallowEqual(a, b)).toBe(equal);
  });
});
