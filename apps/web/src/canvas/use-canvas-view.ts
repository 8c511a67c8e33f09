import type { Position } from "@rolemap/contract";
import { type Dispatch, type SetStateAction, useMemo, useState } from "react";
import type { CanvasViewState } from "./use-canvas-model";

const EMPTY_SET: ReadonlySet<string> = new Set();

export interface CanvasView {
  view: CanvasViewState;
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setEditingId: Dispatch<SetStateAction<string | null>>;
  setDropTargetId: Dispatch<SetStateAction<string | null>>;
  setSelectedLines: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setDragPositions: Dispatch<SetStateAction<ReadonlyMap<string, Position> | null>>;
}

/**
 * The canvas's own state (collapsed subtrees, the card being edited, the drop target,
 * selected lines, positions while dragging). It lives above React Flow's provider: the
 * provider is created with the first cards (ChartCanvas), which are derived from it.
 */
export function useCanvasView(): CanvasView {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [dropTargetId, setDropTargetId] = useState<string | null>(null);
  const [selectedLines, setSelectedLines] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [dragPositions, setDragPositions] = useState<ReadonlyMap<string, Position> | null>(null);
  const view = useMemo(
    () => ({ collapsed, editingId, dropTargetId, selectedLines, dragPositions }),
    [collapsed, editingId, dropTargetId, selectedLines, dragPositions],
  );
  return { view, setCollapsed, setEditingId, setDropTargetId, setSelectedLines, setDragPositions };
}
