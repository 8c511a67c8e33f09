/**
 * Copies `text` to the clipboard: the Clipboard API where the page may use it, else the
 * text of `fallback` (an input showing it) selected and copied the old way. True when done.
 */
export async function copyText(text: string, fallback?: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallback == null) return false;
    fallback.focus();
    fallback.select();
    return document.execCommand("copy");
  }
}

/** A path of this app (`/s/…`) as the full address to send someone. */
export const absoluteUrl = (path: string) => new URL(path, window.location.origin).toString();
