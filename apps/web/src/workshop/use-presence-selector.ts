import { type ChartEditor, type PresenceState, useStoreSelector } from "../editor";

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
