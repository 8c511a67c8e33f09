import type { ServerMessage } from "@rolemap/contract";

/** The server message of one `type` (`"comment"` → `CommentMessage`). */
export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

export type ServerMessageListener<T extends ServerMessage["type"]> = (
  message: ServerMessageOf<T>,
) => void;

/**
 * Listeners for the live connection's messages by type, for the parts of the page that are
 * not the chart (comments, rounds, the history list): the editor takes every message first,
 * then tells these. A listener that throws is reported and does not stop the others, nor the
 * connection.
 */
export interface ServerMessageBus {
  on<T extends ServerMessage["type"]>(type: T, listener: ServerMessageListener<T>): () => void;
  emit(message: ServerMessage): void;
  clear(): void;
}

export function createServerMessageBus(): ServerMessageBus {
  const byType = new Map<string, Set<(message: ServerMessage) => void>>();
  return {
    on(type, listener) {
      const wrapped = listener as (message: ServerMessage) => void;
      const set = byType.get(type) ?? new Set();
      byType.set(type, set);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    emit(message) {
      const set = byType.get(message.type);
      if (set === undefined) return;
      for (const listener of [...set]) {
        try {
          listener(message);
        } catch (error) {
          console.error(`rolemap live: a "${message.type}" listener failed`, error);
        }
      }
    },
    clear: () => byType.clear(),
  };
}
