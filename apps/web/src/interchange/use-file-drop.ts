import { useState } from "react";
import type { DialogDropHandlers } from "../components/Dialog";

const carriesFiles = (data: DataTransfer) => Array.from(data.types).includes("Files");

/**
 * Handlers that take a file dropped anywhere on a dialog (instead of the browser opening
 * it), and whether a file is being dragged over it right now.
 */
export function useFileDrop(onFile: (file: File) => void): {
  isDragging: boolean;
  handlers: DialogDropHandlers;
} {
  const [isDragging, setDragging] = useState(false);
  return {
    isDragging,
    handlers: {
      onDragOver(event) {
        if (!carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDragging(true);
      },
      onDragLeave(event) {
        const to = event.relatedTarget;
        if (!(to instanceof Node && event.currentTarget.contains(to))) setDragging(false);
      },
      onDrop(event) {
        if (!carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file !== undefined) onFile(file);
      },
    },
  };
}
