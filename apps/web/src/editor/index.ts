/** The editor state: the single source of truth of the chart page. See README.md. */
export { type ChartEditorOptions, createChartEditor } from "./chart-editor";
export { EditorRegistryProvider, useEditorRegistry } from "./editor-registry";
export * from "./selectors";
export type { ServerMessageListener, ServerMessageOf } from "./server-messages";
export type * from "./types";
export { type ChartEditorHandle, useChartEditor } from "./use-chart-editor";
export {
  type ExternalStore,
  shallowEqual,
  useEditorSelector,
  useStoreSelector,
} from "./use-editor-selector";
export {
  historyShortcut,
  useUndoRedoShortcuts,
  useWarnBeforeLeavingUnsaved,
} from "./use-editor-shortcuts";
export { useServerMessage } from "./use-server-message";
