import { vi } from "vitest";

/**
 * Object URLs for jsdom's Blobs (Node's URL.createObjectURL takes only Node's own): each
 * Blob is kept under a made-up URL until revoked, so a test can read what an <img> shows.
 * The spies are restored after each test (restoreMocks).
 */
export function stubObjectUrls() {
  const live = new Map<string, Blob>();
  let next = 0;
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    next += 1;
    const url = `blob:test/${next}`;
    live.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation((url) => {
    live.delete(url);
  });
  return {
    live,
    async text(url: string | null): Promise<string> {
      const blob = url === null ? undefined : live.get(url);
      if (blob === undefined) throw new Error(`no live object URL ${url}`);
      return blob.text();
    },
  };
}

/** The text of each role's card in a rendered chart SVG, lines joined by spaces. */
export function cardTexts(svg: string): Map<string, string> {
  const document = new DOMParser().parseFromString(svg, "image/svg+xml");
  const cards = new Map<string, string>();
  for (const card of document.querySelectorAll("g[data-role-id]")) {
    const lines = [...card.querySelectorAll("text")].map((text) => text.textContent ?? "");
    cards.set(card.getAttribute("data-role-id") ?? "", lines.join(" "));
  }
  return cards;
}
