import { TEMPLATES } from "@rolemap/domain";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./render-chart";
import { linePaths, outsideViewBox, roleGroups, textsOutsideCards } from "./testing/svg-checks";
import { parseSvg } from "./testing/svg-structure";
import { CARD } from "./theme";

/** The built-in templates checked structurally, findings on (badges and appendix drawn). */

describe.each(TEMPLATES.map((template) => [template.id, template.document] as const))(
  "the %s template",
  (_id, document) => {
    const rendered = renderChartSvg(document, { findings: true });
    const elements = parseSvg(rendered.svg);

    it("is well-formed XML with a view box of its reported size", () => {
      expect(XMLValidator.validate(rendered.svg)).toBe(true);
      const svg = elements[0];
      expect(svg?.name).toBe("svg");
      expect(svg?.attributes.viewBox).toBe(`0 0 ${rendered.width} ${rendered.height}`);
      expect(svg?.attributes.width).toBe(String(rendered.width));
      expect(svg?.attributes.height).toBe(String(rendered.height));
    });

    it("has exactly one card group per role", () => {
      const ids = roleGroups(elements).map((g) => g.attributes["data-role-id"]);
      expect(ids).toEqual(document.roles.map((role) => role.id));
    });

    it("has exactly one path per reporting line, of its kind", () => {
      const drawn = linePaths(elements).map(
        (p) => `${p.attributes["data-line"]}:${p.attributes["data-kind"]}`,
      );
      const expected = document.reportingLines.map((l) => `${l.manager}>${l.report}:${l.kind}`);
      expect([...drawn].sort()).toEqual([...expected].sort());
    });

    it("draws everything inside the view box", () => {
      expect(outsideViewBox(elements, rendered.width, rendered.height)).toEqual([]);
    });

    it("keeps every text of a card inside the card and clear of its badge", () => {
      expect(textsOutsideCards(elements)).toEqual([]);
    });

    it("reports the card boxes where the cards are drawn, apart from each other", () => {
      const groups = roleGroups(elements);
      expect(rendered.boxes.map((box) => box.id)).toEqual(document.roles.map((role) => role.id));
      rendered.boxes.forEach((box, i) => {
        expect(box.x).toBeCloseTo(groups[i]?.offset.x ?? NaN, 1);
        expect(box.y).toBeCloseTo(groups[i]?.offset.y ?? NaN, 1);
        expect([box.width, box.height]).toEqual([CARD.width, CARD.height]);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(rendered.width);
        expect(box.y + box.height).toBeLessThanOrEqual(rendered.height);
      });
      for (const a of rendered.boxes)
        for (const b of rendered.boxes)
          if (a !== b)
            expect(
              a.x < b.x + b.width &&
                b.x < a.x + a.width &&
                a.y < b.y + b.height &&
                b.y < a.y + a.height,
              `${a.id} overlaps ${b.id}`,
            ).toBe(false);
    });

    it("places the cards as the editor does (the stored positions, shifted together)", () => {
      const origin = document.roles[0]?.position;
      const firstBox = rendered.boxes[0];
      if (origin === undefined || firstBox === undefined) throw new Error("no stored position");
      document.roles.forEach((role, i) => {
        const box = rendered.boxes[i];
        expect(box?.x).toBeCloseTo(firstBox.x + (role.position?.x ?? NaN) - origin.x, 5);
        expect(box?.y).toBeCloseTo(firstBox.y + (role.position?.y ?? NaN) - origin.y, 5);
      });
    });
  },
);
