import { act, render, screen } from "@testing-library/react";
import { memo } from "react";
import { describe, expect, it, vi } from "vitest";
import { createPresenceStore } from "../editor/presence-store";
import { createWorkshopDouble, peerPresence } from "../test/workshop-fixtures";
import { createPresenceIndex, usePeersOnRole } from "./presence-index";
import { WorkshopEditorContext } from "./workshop-context";

const ROLES = {
  selected: (peer: { roles: readonly string[] }) => peer.roles,
  keysOf: (peer: { roles: readonly string[] }) => peer.roles,
};

describe("createPresenceIndex", () => {
  it("lists the peers selecting each key, in the order they arrived", () => {
    const store = createPresenceStore();
    const index = createPresenceIndex(store, ROLES);
    store.update(peerPresence("Grace", { selection: ["cto", "cfo"] }));
    store.update(peerPresence("Alan", { selection: ["cto"] }));
    expect(index.marksOf("cto").map((m) => m.name)).toEqual(["Grace", "Alan"]);
    expect(index.marksOf("cfo").map((m) => m.name)).toEqual(["Grace"]);
    expect(index.marksOf("ceo")).toEqual([]);
  });

  it("tells only the keys whose peers changed, and nobody for a moving cursor", () => {
    const store = createPresenceStore();
    const index = createPresenceIndex(store, ROLES);
    const cto = vi.fn();
    const cfo = vi.fn();
    index.subscribe("cto", cto);
    index.subscribe("cfo", cfo);
    store.update(peerPresence("Grace", { selection: ["cto"] }));
    expect(cto).toHaveBeenCalledTimes(1);
    expect(cfo).not.toHaveBeenCalled();
    const before = index.marksOf("cto");

    store.update(peerPresence("Grace", { cursor: { x: 1, y: 2 } }));
    expect(cto).toHaveBeenCalledTimes(1);
    expect(index.marksOf("cto")).toBe(before);

    store.update(peerPresence("Grace", { selection: ["cfo"] }));
    expect(cto).toHaveBeenCalledTimes(2);
    expect(cfo).toHaveBeenCalledTimes(1);
    expect(index.marksOf("cto")).toEqual([]);

    store.leave(peerPresence("Grace").peer);
    expect(cfo).toHaveBeenCalledTimes(2);
  });
});

const renders = new Map<string, number>();
const Card = memo(function Card({ id }: { id: string }) {
  const peers = usePeersOnRole(id);
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return <p data-testid={id}>{peers.map((p) => p.name).join(", ")}</p>;
});

describe("usePeersOnRole", () => {
  it("re-renders only the cards a peer selects or leaves", () => {
    renders.clear();
    const editor = createWorkshopDouble();
    render(
      <WorkshopEditorContext.Provider value={editor}>
        {["ceo", "cto", "cfo"].map((id) => (
          <Card key={id} id={id} />
        ))}
      </WorkshopEditorContext.Provider>,
    );
    act(() => editor.presence.update(peerPresence("Grace", { selection: ["cto"] })));
    expect(screen.getByTestId("cto")).toHaveTextContent("Grace");
    expect(renders.get("ceo")).toBe(1);
    expect(renders.get("cto")).toBe(2);

    act(() => editor.presence.update(peerPresence("Grace", { cursor: { x: 5, y: 5 } })));
    expect(renders.get("cto")).toBe(2);

    act(() => editor.presence.update(peerPresence("Grace", { selection: ["cfo"] })));
    expect(screen.getByTestId("cto")).toHaveTextContent("");
    expect(screen.getByTestId("cfo")).toHaveTextContent("Grace");
    expect(renders.get("ceo")).toBe(1);
  });

  it("shows no peers outside a workshop canvas", () => {
    render(<Card id="cto" />);
    expect(screen.getByTestId("cto")).toHaveTextContent("");
  });
});
