import { describe, expect, it } from "vitest";
import { textWidth } from "./measure";
import { ELLIPSIS, ellipsize, wrapText } from "./wrap";

const style = { size: 17, weight: 700 } as const;
const width = (text: string) => textWidth(text, style);

describe("ellipsize", () => {
  it("keeps text that fits", () => {
    expect(ellipsize("Head of Product", style, 200)).toBe("Head of Product");
  });

  it("cuts text that does not fit and ends it with an ellipsis, within the width", () => {
    const cut = ellipsize("Chief Information Security Officer", style, 150);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(width(cut)).toBeLessThanOrEqual(150);
    expect("Chief Information Security Officer".startsWith(cut.slice(0, -1))).toBe(true);
    // The longest such cut: one more letter would not fit.
    const longer = `${"Chief Information Security Officer".slice(0, cut.length)}${ELLIPSIS}`;
    expect(width(longer)).toBeGreaterThan(150);
  });

  it("does not leave a space before the ellipsis or split a surrogate pair", () => {
    expect(ellipsize("Ab cd", style, width(`Ab ${ELLIPSIS}`) + 0.1)).toBe(`Ab${ELLIPSIS}`);
    const emoji = ellipsize("😀😀😀😀😀😀", style, 2 * 17 + width(ELLIPSIS));
    expect(emoji).toBe(`😀😀${ELLIPSIS}`);
  });
});

describe("wrapText", () => {
  it("keeps a short text on one line and an empty text on none", () => {
    expect(wrapText("CEO", style, [200], 2)).toEqual(["CEO"]);
    expect(wrapText("", style, [200], 2)).toEqual([]);
  });

  it("breaks at spaces, filling each line greedily", () => {
    const lines = wrapText("Chief Information Security Officer", style, [200]);
    expect(lines).toEqual(["Chief Information", "Security Officer"]);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(200);
  });

  it("uses the width of each line, the last width for the rest", () => {
    const text = "aa bb cc dd ee ff gg";
    const narrow = width("aa bb");
    const lines = wrapText(text, style, [narrow, width("aa bb cc dd")]);
    expect(lines).toEqual(["aa bb", "cc dd ee ff", "gg"]);
  });

  it("ends the last allowed line in an ellipsis when text remains", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", style, [100], 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    expect(width(lines[1] ?? "")).toBeLessThanOrEqual(100);
  });

  it("breaks a word longer than the line between letters", () => {
    const lines = wrapText("Supercalifragilisticexpialidocious", style, [80]);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join("")).toBe("Supercalifragilisticexpialidocious");
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(80);
  });

  it("puts at least one letter on a line narrower than a letter", () => {
    expect(wrapText("WW", style, [1])).toEqual(["W", "W"]);
  });
});
