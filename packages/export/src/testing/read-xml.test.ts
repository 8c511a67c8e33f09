import { describe, expect, it } from "vitest";
import { readXml, xmlElements, xmlText } from "./read-xml";

describe("readXml (the tests' strict XML reader)", () => {
  it("reads elements, attributes, references, CDATA, comments and white space", () => {
    const root = readXml(
      `<?xml version="1.0"?>\n<!-- c --><a:r x="1 &amp; &lt;2&gt;" y='&#9;&#x41;&quot;&apos;'>` +
        `t &amp;amp; <b/><![CDATA[<raw>]]><?pi x?><!-- d --> <c z="a\tb\r\nc" w="&#13;"></c >\r\n</a:r>\n`,
    );
    expect(root.name).toBe("a:r");
    expect(root.attributes).toEqual({ x: "1 & <2>", y: "\tA\"'" });
    expect(xmlElements(root).map((e) => e.name)).toEqual(["a:r", "b", "c"]);
    expect(xmlElements(root)[2]?.attributes).toEqual({ z: "a b c", w: "\r" });
    expect(xmlText(root)).toBe("t &amp; <raw> \n");
  });

  it.each([
    ["a raw < in text", "<a>1 < 2</a>"],
    ["a bare &", "<a>Tom & Jerry</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a reference to a forbidden character", "<a>&#1;</a>"],
    ["a reference to a surrogate", "<a>&#xD800;</a>"],
    ["a control character", "<a>\u0001</a>"],
    ["a lone surrogate", "<a>\ud800</a>"],
    ["U+FFFE", "<a>\ufffe</a>"],
    ["]]> in text", "<a>]]></a>"],
    ["a mismatched tag", "<a><b></a></b>"],
    ["an unclosed tag", "<a><b></b>"],
    ["a repeated attribute", '<a x="1" x="2"/>'],
    ["an unquoted attribute", "<a x=1/>"],
    ["a < in an attribute", '<a x="<"/>'],
    ["attributes without space between", '<a x="1"y="2"/>'],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["a DOCTYPE", "<!DOCTYPE a><a/>"],
    ["-- in a comment", "<a><!-- a -- b --></a>"],
    ["an injected element's leftovers", '<a x=""><img src=x onerror=alert(1)>"/>'],
  ])("rejects %s", (_, xml) => {
    expect(() => readXml(xml)).toThrow();
  });
});
