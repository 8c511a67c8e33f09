import { XMLParser } from "fast-xml-parser";
import { Bounds } from "../geometry/bounds";
import type { FontWeight } from "../text/font-metrics-table";
import { glyphExtent, textWidth } from "../text/measure";

/**
 * Reads a rendered SVG back for tests: every element in document order with its attributes,
 * text, parent and the translation of its ancestors, and the extent of what it draws in
 * view box units (rects and paths with half their stroke, texts by their measured width
 * and the font's ascender and descender). Only what the renderer writes is understood:
 * `translate(x y)` transforms and the path commands M L H V Q C A Z (absolute).
 */
export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  parent: SvgElement | null;
  /** Sum of the translations of the ancestors and of the element itself. */
  offset: { x: number; y: number };
  index: number;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

export function parseSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const visit = (nodes: OrderedNode[], parent: SvgElement | null) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@");
      if (name === undefined || name === "#text") continue;
      const attributes = node[":@"] ?? {};
      const children = (node[name] ?? []) as OrderedNode[];
      const move = /^translate\(([-\d.]+) ([-\d.]+)\)$/.exec(attributes.transform ?? "");
      const base = parent?.offset ?? { x: 0, y: 0 };
      const element: SvgElement = {
        name,
        attributes,
        text: children
          .map((child) => (typeof child["#text"] === "string" ? child["#text"] : ""))
          .join(""),
        parent,
        offset: { x: base.x + Number(move?.[1] ?? 0), y: base.y + Number(move?.[2] ?? 0) },
        index: elements.length,
      };
      elements.push(element);
      visit(children, element);
    }
  };
  visit(parser.parse(svg) as OrderedNode[], null);
  return elements;
}

/** The nearest ancestor (or the element itself) that matches. */
export function closest(
  element: SvgElement,
  test: (candidate: SvgElement) => boolean,
): SvgElement | null {
  for (let at: SvgElement | null = element; at !== null; at = at.parent) if (test(at)) return at;
  return null;
}

/** An attribute of the element or, when it has none, of its nearest ancestor that has it. */
export function inherited(element: SvgElement, name: string): string | undefined {
  return closest(element, (candidate) => candidate.attributes[name] !== undefined)?.attributes[
    name
  ];
}

const isInDefs = (element: SvgElement) => closest(element, (e) => e.name === "defs") !== null;

/** What an element draws, in view box units, or null for containers and definitions. */
export function extentOf(element: SvgElement): Bounds | null {
  if (isInDefs(element)) return null;
  const { x: dx, y: dy } = element.offset;
  const a = element.attributes;
  const bounds = new Bounds();
  const stroke = inherited(element, "stroke");
  const halfStroke =
    stroke === undefined || stroke === "none"
      ? 0
      : Number(inherited(element, "stroke-width") ?? 1) / 2;
  if (element.name === "rect") {
    const x = Number(a.x ?? 0) + dx;
    const y = Number(a.y ?? 0) + dy;
    bounds.addPoint(x, y, halfStroke);
    bounds.addPoint(x + Number(a.width), y + Number(a.height), halfStroke);
    return bounds;
  }
  if (element.name === "path") {
    for (const [x, y] of pathPoints(a.d ?? "")) bounds.addPoint(x + dx, y + dy, halfStroke);
    return bounds;
  }
  if (element.name === "text") {
    const size = Number(a["font-size"]);
    const weight = Number(a["font-weight"] ?? 400) as FontWeight;
    const width = textWidth(element.text, { size, weight });
    const anchor = a["text-anchor"] ?? "start";
    const x = Number(a.x) + dx;
    const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
    const { above, below } = glyphExtent(size);
    const baseline = Number(a.y) + dy;
    bounds.addPoint(left, baseline - above);
    bounds.addPoint(left + width, baseline + below);
    return bounds;
  }
  return null;
}

/** Points on a path: every end point, and 50 samples along each curve. */
export function pathPoints(d: string): [number, number][] {
  const tokens = d.match(/-?[\d.]+(?:e-?\d+)?|[a-z]/gi) ?? [];
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  let command = "";
  let i = 0;
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const token = tokens[i] ?? "";
    if (/[A-Z]/i.test(token)) {
      command = token;
      i++;
      if (command === "Z") continue;
    }
    if (command === "M" || command === "L") [x, y] = [next(), next()];
    else if (command === "H") x = next();
    else if (command === "V") y = next();
    else if (command === "A") {
      i += 5;
      [x, y] = [next(), next()];
    } else if (command === "Q" || command === "C") {
      const controls: [number, number][] = [[x, y]];
      const count = command === "Q" ? 2 : 3;
      for (let k = 0; k < count; k++) controls.push([next(), next()]);
      for (let step = 1; step <= 50; step++) points.push(bezierAt(controls, step / 50));
      [x, y] = controls[controls.length - 1] ?? [x, y];
    } else throw new Error(`unexpected path command "${command}" in ${d}`);
    points.push([x, y]);
  }
  return points;
}

/** De Casteljau: the point at t of a bezier with these control points. */
function bezierAt(controls: [number, number][], t: number): [number, number] {
  let level = controls;
  while (level.length > 1)
    level = level.slice(1).map(([x, y], k) => {
      const [px, py] = level[k] ?? [x, y];
      return [px + (x - px) * t, py + (y - py) * t] as [number, number];
    });
  return level[0] ?? [0, 0];
}
