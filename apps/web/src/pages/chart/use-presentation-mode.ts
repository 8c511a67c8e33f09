import { useCallback, useEffect, useRef, useState } from "react";

/** Where typed keys belong to the field: P is a letter there, not a command. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !["button", "checkbox", "radio", "range", "color", "file", "submit", "reset"].includes(
      target.type,
    )
  );
}

/** The presentation key: P alone, not while typing, not in an open dialog or menu. */
export function isPresentationKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key !== "p" && event.key !== "P") return false;
  if (isTextField(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest("dialog[open], [role='menu']"));
}

export interface PresentationMode {
  isPresenting: boolean;
  enter(): void;
  exit(): void;
  toggle(): void;
}

/** Fullscreen where the browser allows it; a refusal (or no support, in tests) is no error. */
function requestFullscreen(): void {
  try {
    const request = document.documentElement.requestFullscreen?.();
    void request?.catch(() => {});
  } catch {
    // Not allowed here (an iframe, no user gesture): the view works in the window.
  }
}

function exitFullscreen(): void {
  if (!document.fullscreenElement) return;
  try {
    void document.exitFullscreen?.().catch(() => {});
  } catch {
    // Already left.
  }
}

/**
 * The presentation view's state: P (or a button) enters and leaves it; Escape leaves it,
 * and so does leaving fullscreen by the browser's own Escape. Entering asks for fullscreen.
 */
export function usePresentationMode(): PresentationMode {
  const [isPresenting, setPresenting] = useState(false);
  const isFullscreen = useRef(false);

  const enter = useCallback(() => {
    setPresenting(true);
    requestFullscreen();
  }, []);
  const exit = useCallback(() => {
    setPresenting(false);
    exitFullscreen();
  }, []);
  const latest = useRef({ isPresenting, enter, exit });
  latest.current = { isPresenting, enter, exit };
  const toggle = useCallback(() => {
    if (latest.current.isPresenting) latest.current.exit();
    else latest.current.enter();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isPresentationKey(event)) {
        event.preventDefault();
        toggle();
      } else if (
        event.key === "Escape" &&
        latest.current.isPresenting &&
        !isTextField(event.target) &&
        !(event.target instanceof Element && event.target.closest("dialog[open]"))
      )
        latest.current.exit();
    };
    const onFullscreenChange = () => {
      if (document.fullscreenElement) isFullscreen.current = true;
      else if (isFullscreen.current) {
        isFullscreen.current = false;
        setPresenting(false);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("fullscreenchange", onFullscreenChange);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("fullscreenchange", onFullscreenChange);
    };
  }, [toggle]);

  // Leaving the page while presenting leaves fullscreen too.
  useEffect(() => () => exitFullscreen(), []);

  return { isPresenting, enter, exit, toggle };
}
