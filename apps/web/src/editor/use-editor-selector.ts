import { useCallback, useRef, useSyncExternalStore } from "react";
import type { ChartEditor, EditorState } from "./types";

/**
 * Subscribes a component to one slice of the editor state. The component re-renders only
 * when `isEqual(previous slice, new slice)` is false — by default when the slice is a
 * different object (`Object.is`). The editor keeps unchanged parts of the document as the
 * same objects, so `s => s.document.roles` changes only when a role changes, and
 * `s => s.document.roles.find(r => r.id === id)` only when that role does.
 *
 * Selectors that build a new array or object every time need `shallowEqual` (or their
 * own comparison), otherwise they re-render on every change of the state.
 */
export function useEditorSelector<T>(
  editor: ChartEditor,
  selector: (state: EditorState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  return useStoreSelector(editor, selector, isEqual);
}

/** A store as `useSyncExternalStore` reads it: the editor, its presence store. */
export interface ExternalStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/** One slice of any store (the editor, its presence), as `useEditorSelector` describes. */
export function useStoreSelector<S, T>(
  store: ExternalStore<S>,
  selector: (state: S) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const cache = useRef<{ state: S; selector: unknown; value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const state = store.getState();
    const previous = cache.current;
    if (previous !== null && previous.state === state && previous.selector === selector)
      return previous.value;
    const value = selector(state);
    if (previous !== null && isEqual(previous.value, value)) {
      cache.current = { state, selector, value: previous.value };
      return previous.value;
    }
    cache.current = { state, selector, value };
    return value;
  }, [store, selector, isEqual]);
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Equal when both are arrays with identical items, or objects with identical values. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
