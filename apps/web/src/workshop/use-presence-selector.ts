import { useCallback, useRef, useSyncExternalStore } from "react";
import type { ChartEditor, PresenceState } from "../editor";

/**
 * `useEditorSelector` over the editor's presence store: who is here, where they point, what
 * they select. Presence changes up to 20 times a second per peer, so select the least a
 * component shows and pass an `isEqual` for slices built anew on every call (a list of
 * names): the component then re-renders only when what it shows changed.
 */
export function usePresenceSelector<T>(
  editor: Pick<ChartEditor, "presence">,
  selector: (state: PresenceState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  return useStoreSelector(editor.presence, selector, isEqual);
}

/** A store as `useSyncExternalStore` reads it: the editor, its presence store. */
export interface ExternalStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * One slice of any store, re-rendering only when `isEqual(previous, next)` is false. The same
 * as `useEditorSelector` (editor/use-editor-selector.ts), over any store.
 */
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

/** Equal when both lists hold items whose own fields are identical, in the same order. */
export function listOfShallowEqual<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((item, i) => {
    const other = b[i] as T;
    const keys = Object.keys(item) as (keyof T)[];
    return (
      keys.length === Object.keys(other).length && keys.every((k) => Object.is(item[k], other[k]))
    );
  });
}
