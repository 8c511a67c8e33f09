import type { Comparison } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { lineEdgeId } from "../canvas/flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH, COLUMN } from "../canvas/geometry";
import { DIFF, PRIMARY, SCENARIO } from "./compare-fixtures";
import { documentFlow, marksOf, overlayFlow, placeGhosts } from "./compare-flow";
import { namesOf } from "./describe-changes";

const names = namesOf(PRIMARY, SCENARIO);
const NONE = new Set<string>();
const kindsOf = (marks: ReturnType<typeof marksOf>) =>
  Object.fromEntries([...marks.roles].map(([id, mark]) => [id, `${mark.kind}: ${mark.label}`]));

describe("marksOf", () => {
  it("marks the scenario's added, moved and edited roles, and its new and changed lines", () => {
    const marks = marksOf(DIFF, "after", names);
    expect(kindsOf(marks)).toEqual({
      ai: "added: Added",
      ciso: "moved: Moved",
      cio: "changed: Edited",
    });
    expect(marks.roles.get("ciso")?.detail).toBe("now under Chief Information Officer (was CTO)");
    expect(Object.fromEntries(marks.lines)).toEqual({
      [lineEdgeId({ manager: "cto", report: "ai", kind: "solid" })]: "added",
      [lineEdgeId({ manager: "cio", report: "ciso", kind: "solid" })]: "changed",
    });
  });

  it("marks the primary's removed, moving and edited roles, and its removed lines", () => {
    const marks = marksOf(DIFF, "before", names);
    expect(kindsOf(marks)).toEqual({
      dpo: "removed: Removed",
      ciso: "moved: Moved",
      cio: "changed: Edited",
    });
    expect(marks.lines.get(lineEdgeId({ manager: "cto", report: "ciso", kind: "solid" }))).toBe(
      "removed",
    );
  });

  it("says both when a role moved and was edited", () => {
    const diff: Comparison = {
      ...DIFF,
      roles: {
        ...DIFF.roles,
        changed: [{ id: "ciso", title: "CISO", fields: { holder: ["Dee", "Eve"] } }],
      },
    };
    expect(marksOf(diff, "after", names).roles.get("ciso")).toEqual({
      kind: "moved",
      label: "Moved · edited",
      detail: "now under Chief Information Officer (was CTO); holder: Dee → Eve",
    });
  });
});

describe("documentFlow", () => {
  it("draws every role read-only, with its mark in its data and accessible name", () => {
    const flow = documentFlow(SCENARIO, marksOf(DIFF, "after", names), NONE);
    expect(flow.nodes.map((node) => node.id)).toEqual(["ceo", "cio", "cto", "ciso", "ai"]);
    const ai = flow.nodes.find((node) => node.id === "ai");
    expect(ai).toMatchObject({ selectable: false, draggable: false });
    expect(ai?.data.mark?.kind).toBe("added");
    expect(ai?.ariaLabel).toBe("Head of AI, vacant (added)");
    expect(flow.edges.find((edge) => edge.target === "ai")?.data?.mark).toBe("added");
  });

  it("hides the reports of a collapsed role", () => {
    const flow = documentFlow(SCENARIO, marksOf(DIFF, "after", names), new Set(["cio"]));
    expect(flow.nodes.map((node) => node.id)).toEqual(["ceo", "cio", "cto", "ai"]);
  });
});

describe("overlayFlow", () => {
  const before = documentFlow(PRIMARY, marksOf(DIFF, "before", names), NONE);
  const after = documentFlow(SCENARIO, marksOf(DIFF, "after", names), NONE);
  const overlay = overlayFlow(DIFF, before, after, names);

  it("draws the scenario with the primary's removed roles as ghosts, clear of its cards", () => {
    expect(overlay.nodes.map((node) => node.id)).toEqual([
      "ceo",
      "cio",
      "cto",
      "ciso",
      "ai",
      "dpo",
    ]);
    const ghost = overlay.nodes.find((node) => node.id === "dpo");
    expect(ghost?.data).toMatchObject({
      isGhost: true,
      mark: { kind: "removed", label: "Removed" },
    });
    const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.abs(a.x - b.x) < CARD_WIDTH && Math.abs(a.y - b.y) < CARD_HEIGHT;
    for (const node of after.nodes)
      expect(overlaps(node.position, ghost?.position ?? { x: 0, y: 0 })).toBe(false);
  });

  it("adds the removed lines that still have both ends on the canvas, marked removed", () => {
    const ghosts = overlay.edges.filter((edge) => edge.id.startsWith("ghost:"));
    expect(ghosts.map((edge) => [edge.source, edge.target, edge.data?.mark])).toEqual([
      ["cio", "dpo", "removed"],
      ["cto", "ciso", "removed"],
    ]);
    expect(ghosts[1]?.ariaLabel).toBe("CISO reports to CTO (removed)");
  });
});

describe("placeGhosts", () => {
  const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.abs(a.x - b.x) < CARD_WIDTH && Math.abs(a.y - b.y) < CARD_HEIGHT;

  it("keeps a free place and moves a ghost right, a column at a time, off cards and ghosts", () => {
    const ghosts = [
      { id: "free", position: { x: 0, y: 1000 } },
      { id: "taken", position: { x: 0, y: 0 } },
      { id: "behind", position: { x: 10, y: 0 } },
    ];
    const occupied = [{ x: 0, y: 0 }];
    const places = placeGhosts(ghosts, occupied);
    expect(places.get("free")).toEqual({ x: 0, y: 1000 });
    const placed = ghosts.map((ghost) => places.get(ghost.id) ?? ghost.position);
    ghosts.forEach((ghost, i) => {
      const at = placed[i] ?? ghost.position;
      expect(at.y).toBe(ghost.position.y);
      expect((at.x - ghost.position.x) % COLUMN).toBe(0);
      for (const card of occupied) expect(overlaps(at, card)).toBe(false);
      placed.forEach((other, j) => {
        if (j !== i) expect(overlaps(at, other)).toBe(false);
      });
    });
  });
});
