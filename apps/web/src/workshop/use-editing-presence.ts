import { useEffect } from "react";
import type { EditingTarget } from "../editor";
import { useWorkshopEditor } from "./workshop-context";

/**
 * Tells peers which field this person holds open while the calling component is mounted
 * (an inline editor): "Editing CFO" in their list of people. Nothing outside a workshop.
 */
export function useEditingPresence(
  target: EditingTarget["target"],
  id: string,
  field?: string,
): void {
  const editor = useWorkshopEditor();
  useEffect(() => {
    if (editor === null) return;
    editor.setPresence({ editing: field === undefined ? { target, id } : { target, id, field } });
    return () => editor.setPresence({ editing: null });
  }, [editor, target, id, field]);
}
