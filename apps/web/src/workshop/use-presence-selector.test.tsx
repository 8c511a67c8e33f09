import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Peer } from "../editor";
import { createWorkshopDouble, peerPresence } from "../test/workshop-fixtures";
import { listOfShallowEqual, usePresenceSelector } from "./use-presence-selector";

const selectNames = (s: { peers: readonly Peer[] }) => s.peers.map((p) => ({ name: p.name }));

function Names({
  editor,
  onRender,
}: {
  editor: ReturnType<typeof createWorkshopDouble>;
  onRender(): void;
}) {
  const names = usePresenceSelector(editor, selectNames, listOfShallowEqual);
  onRender();
  return <p data-testid="names">{names.map((n) => n.name).join(", ")}</p>;
}

describe("usePresenceSelector", () => {
  it("re-renders when the selected slice changes, not for every presence message", () => {
    const editor = createWorkshopDouble({ peers: [peerPresence("Grace")] });
    let renders = 0;
    render(<Names editor={editor} onRender={() => renders++} />);
    expect(screen.getByTestId("names")).toHaveTextContent("Grace");
    const initial = renders;

    act(() => {
      for (let x = 0; x < 10; x += 1)
        editor.presence.update(peerPresence("Grace", { cursor: { x, y: 0 } }));
    });
    expect(renders).toBe(initial);

    act(() => editor.presence.update(peerPresence("Alan")));
    expect(screen.getByTestId("names")).toHaveTextContent("Grace, Alan");
    expect(renders).toBe(initial + 1);

    act(() => editor.presence.leave(peerPresence("Grace").peer));
    expect(screen.getByTestId("names")).toHaveTextContent("Alan");
  });
});

describe("listOfShallowEqual", () => {
  const roles: string[] = [];
  it.each([
    [[{ a: 1 }], [{ a: 1 }], true],
    [[{ a: 1 }], [{ a: 2 }], false],
    [[{ a: 1 }], [{ a: 1 }, { a: 1 }], false],
    [[{ a: roles }], [{ a: roles }], true],
    [[{ a: [] }], [{ a: [] }], false],
    [[{ a: 1 }], [{ a: 1, b: 2 }], false],
  ])("%j and %j: %s", (a, b, equal) => {
    expect(listOfShallowEqual<object>(a, b)).toBe(equal);
  });
});
