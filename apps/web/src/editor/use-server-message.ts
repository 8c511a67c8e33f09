import type { ServerMessage } from "@rolemap/contract";
import { useEffect, useRef } from "react";
import type { ServerMessageListener } from "./server-messages";
import type { ChartEditor } from "./types";

/**
 * Calls `listener` with each live message of `type` while the component is mounted. The
 * latest listener is called (no resubscribing when it is a new closure on every render).
 */
export function useServerMessage<T extends ServerMessage["type"]>(
  editor: ChartEditor | null,
  type: T,
  listener: ServerMessageListener<T>,
): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (editor === null) return;
    return editor.onServerMessage(type, (message) => latest.current(message));
  }, [editor, type]);
}
