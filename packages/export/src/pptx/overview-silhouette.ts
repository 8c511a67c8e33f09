import type { ChartDocument } from "@rolemap/contract";
import { buildLayoutForest, isVacant } from "@rolemap/domain";
import type { RenderedChart } from "@rolemap/render";

/**
 * The chart's shape for an overview where cards are a few pixels wide: each card a filled
 * box where the renderer put it (vacant ones amber), each tree line an elbow, lines at
 * least `minLinePx` wide in the picture. Nothing of the chart's text, so there is nothing
 * to shape: resvg draws a 6,000-role chart this way in a fraction of the full drawing's time,
 * and at this size the picture looks the same.
 */
export function silhouetteSvg(
  chart: RenderedChart,
  document: ChartDocument,
  zoom: number,
  minLinePx = 1.5,
): string {
  const boxes = new Map(chart.boxes.map((box) => [box.id, box]));
  const forest = buildLayoutForest(document);
  const path: string[] = [];
  for (let i = 0; i < forest.ids.length; i++) {
    const parent = forest.parent[i] ?? -1;
    const report = boxes.get(forest.ids[i] as string);
    const manager = parent < 0 ? undefined : boxes.get(forest.ids[parent] as string);
    if (report === undefined || manager === undefined) continue;
    const mx = manager.x + manager.width / 2;
    const my = manager.y + manager.height;
    const rx = report.x + report.width / 2;
    const mid = (my + report.y) / 2;
    path.push(`M${r(mx)} ${r(my)}V${r(mid)}H${r(rx)}V${r(report.y)}`);
  }
  const cards = document.roles.map((role) => {
    const box = boxes.get(role.id);
    if (box === undefined) return "";
    const fill = isVacant(role) ? "#92400e" : "#1e3a8a";
    return `<rect x="${r(box.x)}" y="${r(box.y)}" width="${r(box.width)}" height="${r(box.height)}" fill="${fill}"/>`;
  });
  const { width, height } = chart;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<path d="${path.join("")}" fill="none" stroke="#334155" stroke-width="${r(minLinePx / zoom)}"/>`,
    ...cards,
    "</svg>",
  ].join("");
}

const r = (value: number) => Math.round(value * 10) / 10;
