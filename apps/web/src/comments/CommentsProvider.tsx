import type { CommentTarget } from "@rolemap/contract";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useComments, useLiveComments } from "../api/comments-hooks";
import type { ChartEditor } from "../editor";
import { type CommentMarkers, CommentMarkersContext, createCommentMarks } from "./comment-marks";
import { selectionOfTarget } from "./comment-targets";
import { markerOrigin } from "./selection-origins";

/**
 * The chart page's comments: loads every thread once, keeps it current from the live
 * connection, and gives the cards and matrix cells their marker counts and a way to open a
 * target's threads (which selects it and opens the panel).
 */
export function CommentsProvider({
  editor,
  onOpenPanel,
  children,
}: {
  editor: ChartEditor;
  onOpenPanel(): void;
  children: ReactNode;
}) {
  const query = useComments(editor.chartId);
  useLiveComments(editor);
  const [marks] = useState(createCommentMarks);
  const threads = query.data?.comments;
  useEffect(() => {
    if (threads !== undefined) marks.update(threads);
  }, [marks, threads]);

  const open = useRef(onOpenPanel);
  open.current = onOpenPanel;
  const markers: CommentMarkers = useMemo(
    () => ({
      marks,
      openThread(target: CommentTarget) {
        editor.setSelection({ ...selectionOfTarget(target), origin: markerOrigin(target) });
        open.current();
      },
    }),
    [marks, editor],
  );
  return (
    <CommentMarkersContext.Provider value={markers}>{children}</CommentMarkersContext.Provider>
  );
}
