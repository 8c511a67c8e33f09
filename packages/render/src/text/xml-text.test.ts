import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { cleanText, escapeAttribute, escapeXml, xmlSafeText } from "./xml-text";

describe("escapeXml", () => {
  it("escapes the five markup characters and nothing else", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a> ü`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt; ü",
    );
  });
});

describe("cleanText", () => {
  it.each([
    ["collapses white space and trims", "  Head\tof\n\nIT  ", "Head of IT"],
    ["replaces control characters", "A\u0001B\u001fC", "A\ufffdB\ufffdC"],
    ["replaces lone surrogates but keeps pairs", "a\ud800b\udc00c😀", "a\ufffdb\ufffdc😀"],
    ["replaces U+FFFE and U+FFFF", "x\ufffey\uffff", "x\ufffdy\ufffd"],
    ["keeps a no-break space", "10\u00a0%", "10\u00a0%"],
  ])("%s", (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("escapeAttribute", () => {
  it("reads back exactly, white space included", () => {
    const value = `a\tb\nc\r"d'<&>`;
    const xml = `<x v="${escapeAttribute(value)}" w='${escapeAttribute(value)}'/>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      htmlEntities: true,
    }).parse(xml) as { x: { v: string; w: string } };
    expect(parsed.x.v).toBe(value);
    expect(parsed.x.w).toBe(value);
  });
});

describe("xmlSafeText", () => {
  it("replaces what XML forbids and keeps everything else, white space included", () => {
    expect(xmlSafeText("\tA\u0001B\r\n<&>\u000b\ud800😀\uffff ")).toBe(
      "\tA\ufffdB\r\n<&>\ufffd\ufffd😀\ufffd ",
    );
  });
});
