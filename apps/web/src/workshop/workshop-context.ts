import { createContext, useContext } from "react";
import type { ChartEditor } from "../editor";

/**
 * The editor, for the canvas's cards: React Flow renders them from node data only, and a
 * card's peer ring and its "editing" presence need the editor's presence store. Null outside
 * a workshop canvas (a card rendered alone in a test shows no peers).
 */
export const WorkshopEditorContext = createContext<ChartEditor | null>(null);

export const useWorkshopEditor = () => useContext(WorkshopEditorContext);
