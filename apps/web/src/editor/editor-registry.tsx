import type { ChartRecord } from "@rolemap/contract";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { ChartEditor } from "./types";

/**
 * Keeps one editor per chart for the whole session, so leaving a chart page with edits
 * still saving (or failing) does not lose them: coming back shows the same editor, queue
 * and undo history.
 */
export interface EditorRegistry {
  get(chartId: string): ChartEditor | undefined;
  getOrCreate(record: ChartRecord, create: (record: ChartRecord) => ChartEditor): ChartEditor;
  /** Forgets a chart (deleted): its editor is disposed. */
  remove(chartId: string): void;
  /** Forgets every chart (signed in or out: the editors held another person's rights). */
  clear(): void;
}

export function createEditorRegistry(): EditorRegistry {
  const editors = new Map<string, ChartEditor>();
  return {
    get: (chartId) => editors.get(chartId),
    getOrCreate(record, create) {
      let editor = editors.get(record.id);
      if (editor === undefined) {
        editor = create(record);
        editors.set(record.id, editor);
      }
      return editor;
    },
    remove(chartId) {
      editors.get(chartId)?.dispose();
      editors.delete(chartId);
    },
    clear() {
      for (const editor of editors.values()) editor.dispose();
      editors.clear();
    },
  };
}

const EditorRegistryContext = createContext<EditorRegistry | null>(null);

export function EditorRegistryProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createEditorRegistry);
  // The app goes (a test's cleanup, a micro-frontend unmount): its editors close their
  // connections; edits not yet sent stay in the outbox for the next visit.
  useEffect(() => () => registry.clear(), [registry]);
  return (
    <EditorRegistryContext.Provider value={registry}>{children}</EditorRegistryContext.Provider>
  );
}

export function useEditorRegistry(): EditorRegistry {
  const registry = useContext(EditorRegistryContext);
  if (registry === null) throw new Error("useEditorRegistry needs an <EditorRegistryProvider>");
  return registry;
}
