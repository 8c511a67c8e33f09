import type { Locator, Page } from "@playwright/test";

/** A role's card on the canvas (React Flow's node element). */
export const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

export async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (box === null) throw new Error("not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses the mouse at `from`, moves in small steps to `to` and releases it. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}
