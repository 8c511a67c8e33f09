import { CARD } from "../theme";
import { closest, extentOf, type SvgElement } from "./svg-structure";

/** Checks over a parsed SVG (see svg-structure.ts) that return offenders, for readable failures. */

export const roleGroups = (elements: SvgElement[]) =>
  elements.filter((e) => e.name === "g" && e.attributes["data-role-id"] !== undefined);
export const linePaths = (elements: SvgElement[]) =>
  elements.filter((e) => e.name === "path" && e.attributes["data-line"] !== undefined);
export const cardOf = (element: SvgElement) =>
  closest(element, (e) => e.attributes["data-role-id"] !== undefined);
export const textsOf = (elements: SvgElement[], group: SvgElement) =>
  elements.filter((e) => e.name === "text" && closest(e, (a) => a === group) !== null);
const EPSILON = 0.01;

/** Every element's extent lies in the view box; returns the offenders (for a readable failure). */
export function outsideViewBox(elements: SvgElement[], width: number, height: number): string[] {
  const offenders: string[] = [];
  for (const element of elements) {
    const extent = extentOf(element);
    if (extent === null || extent.isEmpty) continue;
    if (
      extent.left < -EPSILON ||
      extent.top < -EPSILON ||
      extent.right > width + EPSILON ||
      extent.bottom > height + EPSILON
    )
      offenders.push(`${element.name} ${JSON.stringify(element.attributes)} ${element.text}`);
  }
  return offenders;
}

/** Texts of cards that leave their card, or overlap the card's badge. */
export function textsOutsideCards(elements: SvgElement[]): string[] {
  const offenders: string[] = [];
  for (const text of elements.filter((e) => e.name === "text")) {
    const card = cardOf(text);
    if (card === null) continue;
    const extent = extentOf(text);
    const { x, y } = card.offset;
    const inset = CARD.border;
    if (
      extent === null ||
      extent.left < x + inset ||
      extent.right > x + CARD.width - inset ||
      extent.top < y + inset ||
      extent.bottom > y + CARD.height - inset
    )
      offenders.push(`${card.attributes["data-role-id"]}: "${text.text}"`);
    const badge = elements.find(
      (e) => e.name === "rect" && e.parent?.attributes["data-badge"] && cardOf(e) === card,
    );
    const badgeExtent = badge === undefined ? null : extentOf(badge);
    const ownBadge = closest(text, (e) => e.attributes["data-badge"] !== undefined) !== null;
    if (
      badgeExtent !== null &&
      extent !== null &&
      !ownBadge &&
      extent.right > badgeExtent.left &&
      extent.top < badgeExtent.bottom
    )
      offenders.push(`${card.attributes["data-role-id"]}: "${text.text}" under the badge`);
  }
  return offenders;
}
