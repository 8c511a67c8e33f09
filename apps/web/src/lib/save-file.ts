/** How long a downloaded file's object URL lives: the browser has started saving by then. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Hands a file to the browser's download, as a click on `<a download>` would. The link is
 * made inside `container` (an open modal dialog makes the rest of the page inert).
 */
export function saveFile(blob: Blob, filename: string, container: HTMLElement): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
