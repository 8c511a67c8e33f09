import { useState } from "react";
import { hasAccess } from "../auth/access";
import {
  type ChartEditor,
  selectAccess,
  selectChartName,
  useEditorRegistry,
  useEditorSelector,
} from "../editor";
import { NewScenarioDialog } from "./NewScenarioDialog";
import { useScenarioFamily } from "./scenario-queries";

/**
 * "New scenario…" from the open chart's page (the header's switcher, or its More menu where
 * the header is narrow): the family, the primary's name, whether this person may edit the
 * primary (and so make one), and the dialog to render.
 */
export function useNewScenario(editor: ChartEditor) {
  const family = useScenarioFamily(editor.chartId);
  const { isScenario, primaryId } = family;
  const access = useEditorSelector(editor, selectAccess);
  const ownName = useEditorSelector(editor, selectChartName);
  const registry = useEditorRegistry();
  const [isOpen, setOpen] = useState(false);
  const primaryRecord = family.primary.data;
  const primaryName = isScenario ? (primaryRecord?.document.name ?? "its primary") : ownName;
  const primaryAccess = isScenario ? primaryRecord?.access : access;
  const canCreate =
    family.current !== undefined && primaryAccess !== undefined && hasAccess(primaryAccess, "edit");
  const dialog = (
    <NewScenarioDialog
      open={isOpen}
      onClose={() => setOpen(false)}
      primary={{ id: primaryId, name: primaryName }}
      primaryEditor={isScenario ? registry.get(primaryId) : editor}
    />
  );
  return { family, primaryName, canCreate, start: () => setOpen(true), dialog };
}
