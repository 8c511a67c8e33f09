import type { Operation, Position, Role } from "@rolemap/contract";
import { layoutChart, placeUnder, treeAncestorsOf, treeDescendantsOf } from "@rolemap/domain";
import type { ReactFlowInstance } from "@xyflow/react";
import { type Dispatch, type RefObject, type SetStateAction, useRef, useState } from "react";
import type { ChartEditor } from "../editor";
import type { RoleArchetype } from "./archetypes";
import type { CanvasActions } from "./canvas-actions";
import {
  autoLayoutOperations,
  canDrawLine,
  deleteOperations,
  dragStopOperations,
  drawLineOperations,
  lineKindOperations,
  paletteDropOperations,
  pinOperations,
  roleEditOperations,
} from "./canvas-operations";
import {
  type LineFlowEdge,
  lineEdgeId,
  positionOf,
  type RoleFlowNode,
  searchRoles,
} from "./flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH, COLUMN, FIT_VIEW_OPTIONS, LAYOUT } from "./geometry";
import { motion } from "./motion";
import { findDropTarget } from "./placement";
import type { CanvasModel } from "./use-canvas-model";

type Flow = ReactFlowInstance<RoleFlowNode, LineFlowEdge>;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

interface Options {
  editor: ChartEditor;
  model: CanvasModel;
  flow: Flow;
  root: RefObject<HTMLDivElement | null>;
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setEditingId: Dispatch<SetStateAction<string | null>>;
  setSelectedLines: Dispatch<SetStateAction<ReadonlySet<string>>>;
  /** Fits the view after the next render (when React Flow has the new positions). */
  requestFit(): void;
}

export interface CanvasEdits {
  actions: CanvasActions;
  selectedRoles(): readonly string[];
  selectRoles(ids: readonly string[]): void;
  /** A finished drag (or keyboard move); `reparent`: the one dragged role was dropped on another. */
  moveRoles(
    moved: readonly { id: string; position: Position }[],
    reparent: { id: string; manager: string } | null,
  ): void;
  /** The visible card under the pointer that could take a drop of `draggedId` (null: a palette item). */
  dropTargetAt(
    pointer: { clientX: number; clientY: number },
    draggedId: string | null,
  ): string | null;
  drawLine(manager: string, report: string): void;
  addRole(archetype: RoleArchetype, manager: string | null, freePosition: Position): void;
  /** Click on a palette item: under the selected role, or beside the chart. */
  addRoleFromPalette(archetype: RoleArchetype): void;
  deleteSelection(): void;
  clearSelection(): void;
  autoLayout(): void;
  fitAll(): void;
  expandAll(): void;
  search(query: string): readonly string[];
  focusRole(id: string): void;
}

const FOCUS_DURATION = 300;
/** The zoom at which a card and its edit form read comfortably. */
const READABLE_ZOOM = 0.85;

/**
 * Every gesture of the canvas as an editor batch. The returned object never changes
 * (its functions read the latest model through a ref), so passing it down re-renders
 * nothing. Batches that may change the tree first store the computed positions of roles
 * that had none (`pinOperations`), so no card jumps; undo reverts both at once.
 */
export function useCanvasEdits(options: Options): CanvasEdits {
  const latest = useRef(options);
  latest.current = options;
  const [edits] = useState(() => createEdits(latest));
  return edits;
}

function createEdits(latest: RefObject<Options>): CanvasEdits {
  const current = () => latest.current;
  const document = () => current().model.document;
  const roleOf = (id: string): Role | undefined => {
    const { model } = current();
    const index = model.forest.indexOf.get(id);
    return index === undefined ? undefined : model.document.roles[index];
  };
  const titleOf = (id: string) => roleOf(id)?.title ?? id;
  const placeOf = (id: string): Position => {
    const role = roleOf(id);
    return role === undefined ? { x: 0, y: 0 } : positionOf(role, current().model.missing);
  };

  const apply = (operations: Operation[], label: string, pin = true) => {
    if (operations.length === 0) return false;
    const batch = pin ? [...pinOperations(current().model.missing), ...operations] : operations;
    const result = current().editor.apply(batch, label);
    // A gesture the chart cannot take (a second solid manager, a cycle): say why.
    if (!result.ok)
      current().editor.notify(
        `Cannot ${lowerFirst(label)}: ${result.issues[0]?.message ?? "not allowed"}.`,
      );
    return result.ok;
  };

  /** Where a new report of `manager` goes: below it, right of its visible reports. */
  const slotUnder = (manager: string, except?: string): Position => {
    const { model } = current();
    const index = model.forest.indexOf.get(manager);
    const reports = (index === undefined ? [] : (model.forest.children[index] ?? []))
      .map((child) => model.forest.ids[child] ?? "")
      .filter((id) => id !== except && !model.hidden.has(id))
      .map(placeOf);
    return placeUnder(placeOf(manager), reports);
  };

  const centreOn = (position: Position) => {
    const { flow } = current();
    flow.setCenter(position.x + CARD_WIDTH / 2, position.y + CARD_HEIGHT / 2, {
      zoom: Math.max(flow.getZoom(), READABLE_ZOOM),
      duration: motion(FOCUS_DURATION),
    });
  };

  const focusCard = (id: string) => {
    // After React has rendered the change: the card may be new or just shown again.
    requestAnimationFrame(() => {
      const card = current().root.current?.querySelector<HTMLElement>(
        `.react-flow__node[data-id="${CSS.escape(id)}"]`,
      );
      card?.focus({ preventScroll: true });
    });
  };

  const expandAncestors = (ids: readonly string[]) => {
    const { model, setCollapsed } = current();
    const toOpen = ids.flatMap((id) => treeAncestorsOf(model.forest, id));
    setCollapsed((collapsed) => {
      if (!toOpen.some((id) => collapsed.has(id))) return collapsed;
      const next = new Set(collapsed);
      for (const id of toOpen) next.delete(id);
      return next;
    });
  };

  const actions: CanvasActions = {
    startEdit(id) {
      current().setEditingId(id);
      // The form must be readable: bring a card seen from afar up to reading size.
      if (current().flow.getZoom() < READABLE_ZOOM) centreOn(placeOf(id));
    },
    finishEdit(id, draft) {
      current().setEditingId(null);
      const role = roleOf(id);
      if (draft !== null && role !== undefined)
        apply(roleEditOperations(role, draft), `Edit ${draft.title.trim() || role.title}`, false);
      focusCard(id);
    },
    toggleCollapse(id) {
      current().setCollapsed((collapsed) => {
        const next = new Set(collapsed);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    setLineKind(line, kind) {
      if (
        apply(
          lineKindOperations(document(), line, kind),
          kind === "dotted" ? "Make line dotted" : "Make line solid",
        )
      )
        current().setSelectedLines(new Set([lineEdgeId({ ...line, kind })]));
    },
    removeLine(line) {
      current().setSelectedLines(new Set());
      apply([{ op: "removeLine", line }], "Delete line");
    },
  };

  const edits: CanvasEdits = {
    actions,
    selectedRoles: () => current().model.selection.roles,
    selectRoles(ids) {
      current().editor.setSelection({ roles: ids, responsibilities: [], origin: "canvas" });
    },
    moveRoles(moved, reparent) {
      if (reparent !== null) {
        const label = `Make ${titleOf(reparent.id)} report to ${titleOf(reparent.manager)}`;
        const position = slotUnder(reparent.manager, reparent.id);
        apply(dragStopOperations(moved, { ...reparent, position }), label);
        return;
      }
      const changed = moved.filter(({ id, position }) => {
        const before = placeOf(id);
        return (
          Math.round(before.x) !== Math.round(position.x) ||
          Math.round(before.y) !== Math.round(position.y)
        );
      });
      const label =
        changed.length === 1
          ? `Move ${titleOf(changed[0]?.id ?? "")}`
          : `Move ${changed.length} roles`;
      apply(dragStopOperations(changed, null), label);
    },
    dropTargetAt(pointer, draggedId) {
      const { model, flow } = current();
      const point = flow.screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY });
      const excluded = new Set(
        draggedId === null ? [] : [draggedId, ...treeDescendantsOf(model.forest, draggedId)],
      );
      return findDropTarget(point, model.baseNodes, excluded);
    },
    drawLine(manager, report) {
      if (canDrawLine(document(), manager, report))
        apply(
          drawLineOperations(document(), manager, report),
          `Draw a line from ${titleOf(report)} to ${titleOf(manager)}`,
        );
    },
    addRole(archetype, manager, freePosition) {
      const position = manager === null ? freePosition : slotUnder(manager);
      const { roleId, operations } = paletteDropOperations(document(), {
        archetype,
        position,
        manager,
      });
      const label =
        manager === null
          ? `Add ${archetype.title}`
          : `Add ${archetype.title} under ${titleOf(manager)}`;
      if (!apply(operations, label)) return;
      edits.selectRoles([roleId]);
      focusCard(roleId);
    },
    addRoleFromPalette(archetype) {
      const { model, flow } = current();
      const selected = model.selection.roles.filter((id) => !model.hidden.has(id));
      const manager = selected.length === 1 ? (selected[0] ?? null) : null;
      let free: Position;
      if (model.baseNodes.length === 0) {
        const centre = flow.screenToFlowPosition(viewportCentre(current().root.current));
        free = { x: centre.x - CARD_WIDTH / 2, y: centre.y - CARD_HEIGHT / 2 };
      } else {
        let right = Number.NEGATIVE_INFINITY;
        let top = Number.POSITIVE_INFINITY;
        for (const node of model.baseNodes) {
          right = Math.max(right, node.position.x);
          top = Math.min(top, node.position.y);
        }
        free = { x: right + COLUMN, y: top };
      }
      edits.addRole(archetype, manager, free);
      centreOn(manager === null ? free : slotUnder(manager));
    },
    deleteSelection() {
      const { model, setSelectedLines, editor } = current();
      const lineIds = new Set(model.edges.filter((edge) => edge.selected).map((edge) => edge.id));
      const lines = model.document.reportingLines.filter((line) => lineIds.has(lineEdgeId(line)));
      const roles = model.selection.roles.filter((id) => roleOf(id) !== undefined);
      const operations = deleteOperations(roles, lines);
      if (operations.length === 0) return;
      const parts = [
        roles.length === 1
          ? titleOf(roles[0] ?? "")
          : roles.length > 1
            ? `${roles.length} roles`
            : "",
        lines.length === 1 ? "a line" : lines.length > 1 ? `${lines.length} lines` : "",
      ].filter(Boolean);
      if (apply(operations, `Delete ${parts.join(" and ")}`)) {
        setSelectedLines(new Set());
        editor.setSelection({ roles: [], origin: "canvas" });
      }
    },
    clearSelection() {
      current().setSelectedLines(new Set());
      current().editor.setSelection({ roles: [], origin: "canvas" });
    },
    autoLayout() {
      const { model, flow } = current();
      let left = Number.POSITIVE_INFINITY;
      let top = Number.POSITIVE_INFINITY;
      for (const node of model.baseNodes) {
        left = Math.min(left, node.position.x);
        top = Math.min(top, node.position.y);
      }
      const origin = Number.isFinite(left) ? { x: left, y: top } : { x: 0, y: 0 };
      const layout = layoutChart(model.document, {
        ...LAYOUT,
        collapsed: model.hidden.size === 0 ? [] : collapsedOf(model),
        childOrder: "position",
        origin,
      });
      const operations = autoLayoutOperations(model.document, layout);
      if (operations.length > 0 && apply(operations, "Auto layout", false)) current().requestFit();
      else void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: motion(FOCUS_DURATION) });
    },
    fitAll() {
      void current().flow.fitView({ ...FIT_VIEW_OPTIONS, duration: motion(FOCUS_DURATION) });
    },
    expandAll() {
      current().setCollapsed(new Set());
    },
    search: (query) => searchRoles(document().roles, query),
    focusRole(id) {
      expandAncestors([id]);
      edits.selectRoles([id]);
      centreOn(placeOf(id));
    },
  };
  return edits;
}

/** Collapsed roles are exactly the visible roles whose tree children are hidden. */
function collapsedOf(model: CanvasModel): string[] {
  return model.baseNodes.filter((node) => node.data.isCollapsed).map((node) => node.id);
}

function viewportCentre(element: HTMLElement | null): { x: number; y: number } {
  const box = element?.getBoundingClientRect();
  return box === undefined
    ? { x: 0, y: 0 }
    : { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}
