import type { ChartDocument, Finding, Position, ReportingLine, Role } from "@rolemap/contract";
import { buildLayoutForest, hiddenRoleIds, subtreeSizes } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import {
  createEdgeMapper,
  createNodeMapper,
  findingStatsByRole,
  lineEdgeId,
  type NodeInputs,
  RIGHT_HANDLE,
  SIDE_HANDLE,
  searchRoles,
  targetHandleOf,
} from "./flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH, LAYOUT } from "./geometry";

const role = (id: string, extra: Partial<Role> = {}): Role => ({
  id,
  title: id.toUpperCase(),
  holder: `Holder of ${id}`,
  position: { x: 0, y: 0 },
  ...extra,
});
const solid = (manager: string, report: string): ReportingLine => ({
  manager,
  report,
  kind: "solid",
});
const dotted = (manager: string, report: string): ReportingLine => ({
  manager,
  report,
  kind: "dotted",
});

function chart(roles: Role[], lines: ReportingLine[] = []): ChartDocument {
  return {
    format: "rolemap.chart/v1",
    name: "Test",
    roles,
    reportingLines: lines,
    responsibilities: [],
    assignments: [],
  };
}

/** Everything the node mapper needs, from a document and the canvas state. */
function inputs(document: ChartDocument, state: Partial<NodeInputs> = {}): NodeInputs {
  const forest = buildLayoutForest(document);
  const collapsed = state.collapsed ?? new Set<string>();
  return {
    document,
    forest,
    hidden: hiddenRoleIds(forest, collapsed),
    collapsed,
    missing: new Map(),
    findingStats: new Map(),
    descendantCounts: subtreeSizes(forest),
    selectedRoles: new Set(),
    editingId: null,
    dropTargetId: null,
    ...state,
  };
}

const finding = (severity: Finding["severity"], roles: string[]): Finding => ({
  rule: "role/no-ownership",
  category: "gap",
  severity,
  roles,
  responsibilities: [],
  message: "…",
});

describe("createNodeMapper", () => {
  const document = chart(
    [
      role("ceo", { department: "Executive" }),
      role("cio", { holder: null, position: { x: 10, y: 200 } }),
      role("cto", { holder: "   " }),
      role("ops"),
    ],
    [solid("ceo", "cio"), solid("ceo", "cto"), solid("cio", "ops")],
  );

  it("maps every visible role to a sized card with its data", () => {
    const nodes = createNodeMapper()(inputs(document));
    expect(nodes.map((node) => node.id)).toEqual(["ceo", "cio", "cto", "ops"]);
    const [ceo, cio] = nodes;
    expect(ceo).toMatchObject({
      type: "role",
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      measured: { width: CARD_WIDTH, height: CARD_HEIGHT },
      ariaLabel: "CEO, Holder of ceo, Executive",
      data: {
        title: "CEO",
        holder: "Holder of ceo",
        department: "Executive",
        reportCount: 2,
        descendantCount: 3,
      },
    });
    expect(cio?.position).toEqual({ x: 10, y: 200 });
    expect(cio?.ariaLabel).toBe("CIO, vacant");
  });

  it.each([
    ["a null holder", "cio"],
    ["a blank holder", "cto"],
  ])("shows %s as vacant (holder null)", (_, id) => {
    const node = createNodeMapper()(inputs(document)).find((n) => n.id === id);
    expect(node?.data.holder).toBeNull();
  });

  it.each<[string, string[], string[], Record<string, boolean>]>([
    ["nothing collapsed", [], ["ceo", "cio", "cto", "ops"], {}],
    ["a manager collapsed", ["cio"], ["ceo", "cio", "cto"], { cio: true }],
    ["the top collapsed", ["ceo"], ["ceo"], { ceo: true }],
    ["a role without reports (no effect)", ["ops"], ["ceo", "cio", "cto", "ops"], {}],
  ])("renders no hidden card with %s", (_, collapsed, visible, isCollapsed) => {
    const nodes = createNodeMapper()(inputs(document, { collapsed: new Set(collapsed) }));
    expect(nodes.map((node) => node.id)).toEqual(visible);
    for (const node of nodes) expect(node.data.isCollapsed).toBe(isCollapsed[node.id] ?? false);
  });

  it("uses computed positions for roles without one", () => {
    const unplaced = chart([role("a", { position: undefined })]);
    const [node] = createNodeMapper()(
      inputs(unplaced, { missing: new Map([["a", { x: 5, y: 6 }]]) }),
    );
    expect(node?.position).toEqual({ x: 5, y: 6 });
  });

  it("carries selection, editing, drop target and findings", () => {
    const stats = findingStatsByRole([
      finding("warning", ["cio"]),
      finding("error", ["cio", "ceo"]),
    ]);
    const nodes = createNodeMapper()(
      inputs(document, {
        findingStats: stats,
        selectedRoles: new Set(["cto"]),
        editingId: "ops",
        dropTargetId: "ceo",
      }),
    );
    const byId = Object.fromEntries(nodes.map((node) => [node.id, node]));
    expect(byId.cio?.data).toMatchObject({ findingCount: 2, worstSeverity: "error" });
    expect(byId.cto?.data).toMatchObject({ findingCount: 0, worstSeverity: null });
    expect(byId.cto?.selected).toBe(true);
    expect(byId.ops?.data.isEditing).toBe(true);
    expect(byId.ceo?.data.isDropTarget).toBe(true);
  });

  it("keeps the node object of every role whose inputs did not change", () => {
    const map = createNodeMapper();
    const before = map(inputs(document));
    const renamed: ChartDocument = {
      ...document,
      roles: document.roles.map((r) =>
        r.id === "cto" ? { ...r, title: "Chief Technology Officer" } : r,
      ),
    };
    const after = map(inputs(renamed, { selectedRoles: new Set(["ops"]) }));
    const changed = after.filter((node, i) => node !== before[i]).map((node) => node.id);
    expect(changed).toEqual(["cto", "ops"]);
    expect(after[2]?.data.title).toBe("Chief Technology Officer");
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(document);
    createNodeMapper()(inputs(document, { collapsed: new Set(["cio"]) }));
    expect(document).toEqual(copy);
  });
});

describe("createEdgeMapper", () => {
  const document = chart(
    [role("ceo"), role("cio"), role("cto"), role("ops")],
    [solid("ceo", "cio"), solid("ceo", "cto"), dotted("cto", "cio"), solid("cio", "ops")],
  );
  const positions = new Map<string, Position>([
    ["ceo", { x: 0, y: 0 }],
    ["cio", { x: -300, y: 200 }],
    ["cto", { x: 300, y: 200 }],
    ["ops", { x: -300, y: 400 }],
  ]);

  it("maps every line between visible roles to an edge of its kind", () => {
    const edges = createEdgeMapper()({
      document,
      hidden: new Set(),
      selectedLines: new Set(),
      positions,
      stacked: new Set(),
    });
    expect(edges.map((edge) => [edge.source, edge.target, edge.data?.line.kind])).toEqual([
      ["ceo", "cio", "solid"],
      ["ceo", "cto", "solid"],
      ["cto", "cio", "dotted"],
      ["cio", "ops", "solid"],
    ]);
    expect(edges[0]?.ariaLabel).toBe("CIO reports to CEO (solid line)");
    expect(edges[2]?.ariaLabel).toBe("CIO has a dotted line to CTO");
  });

  it("leaves out lines that touch a hidden role", () => {
    const edges = createEdgeMapper()({
      document,
      hidden: new Set(["ops"]),
      selectedLines: new Set(),
      positions,
      stacked: new Set(),
    });
    expect(edges.map((edge) => edge.target)).toEqual(["cio", "cto", "cio"]);
  });

  it.each<[string, string[], boolean[]]>([
    ["one selected line", [lineEdgeId(solid("ceo", "cto"))], [false, true, false, false]],
    [
      "two selected lines",
      [lineEdgeId(solid("ceo", "cto")), lineEdgeId(solid("ceo", "cio"))],
      [false, false, false, false],
    ],
  ])("shows the toolbar only with %s", (_, selected, toolbars) => {
    const edges = createEdgeMapper()({
      document,
      hidden: new Set(),
      selectedLines: new Set(selected),
      positions,
      stacked: new Set(),
    });
    expect(edges.map((edge) => edge.data?.hasToolbar)).toEqual(toolbars);
    expect(edges.filter((edge) => edge.selected).length).toBe(selected.length);
  });

  it("keeps unchanged edge objects", () => {
    const map = createEdgeMapper();
    const before = map({
      document,
      hidden: new Set(),
      selectedLines: new Set(),
      positions,
      stacked: new Set(),
    });
    const after = map({
      document,
      hidden: new Set(),
      selectedLines: new Set([lineEdgeId(dotted("cto", "cio"))]),
      positions,
      stacked: new Set(),
    });
    expect(after.map((edge, i) => edge === before[i])).toEqual([true, true, false, true]);
  });
});

describe("lineEdgeId", () => {
  it.each<[ReportingLine, ReportingLine]>([
    [solid("a", "b"), dotted("a", "b")],
    [solid("a>b", "c"), solid("a", "b>c")],
    [solid("a:solid", "b"), solid("a", "solid:b")],
  ])("tells %o and %o apart", (one, two) => {
    expect(lineEdgeId(one)).not.toBe(lineEdgeId(two));
  });
});

describe("targetHandleOf", () => {
  const manager = { x: 0, y: 0 };
  it.each<[string, ReportingLine, Position, boolean, string | null]>([
    ["a solid line ends at the top", solid("m", "r"), { x: 0, y: 200 }, false, null],
    [
      "a solid line from a manager whose reports are stacked comes from the side",
      solid("m", "r"),
      { x: CARD_WIDTH / 2 + LAYOUT.stackIndent, y: 200 },
      true,
      SIDE_HANDLE,
    ],
    [
      "a dotted line from the right comes in from the right",
      dotted("m", "r"),
      { x: -400, y: 200 },
      false,
      RIGHT_HANDLE,
    ],
    [
      "a dotted line from above ends at the top",
      dotted("m", "r"),
      { x: -100, y: 200 },
      false,
      null,
    ],
    ["a dotted line never takes the side entry", dotted("m", "r"), { x: 0, y: 200 }, true, null],
  ])("%s", (_, line, report, stacks, handle) => {
    expect(targetHandleOf(line, manager, report, stacks)).toBe(handle);
  });

  it("ends at the top when a position is unknown", () => {
    expect(targetHandleOf(solid("m", "r"), undefined, { x: 0, y: 0 }, true)).toBeNull();
  });
});

describe("findingStatsByRole", () => {
  it("counts findings per role and keeps the most severe", () => {
    const stats = findingStatsByRole([
      finding("info", ["a"]),
      finding("warning", ["a", "b"]),
      finding("info", ["b"]),
    ]);
    expect(Object.fromEntries(stats)).toEqual({
      a: { count: 2, worst: "warning" },
      b: { count: 2, worst: "warning" },
    });
  });
});

describe("searchRoles", () => {
  const roles = [
    role("ceo", { title: "Chief Executive Officer", holder: "Margit Halvorsen" }),
    role("cio", { title: "Chief Information Officer", holder: "Tomás Echeverría" }),
    role("ops", { title: "Head of IT Operations", holder: null }),
    role("x", { title: "Analyst", holder: "Chief Whip" }),
  ];
  it.each<[string, string[]]>([
    ["chief", ["ceo", "cio", "x"]],
    ["INFORMATION", ["cio"]],
    ["tomas", ["cio"]],
    ["echeverria", ["cio"]],
    ["  margit ", ["ceo"]],
    ["operations", ["ops"]],
    ["nobody", []],
    ["   ", []],
  ])("finds %j in %j", (query, ids) => {
    expect(searchRoles(roles, query)).toEqual(ids);
  });
});
