/**
 * A strict reader of XML 1.0 for tests: it throws on anything that is not well-formed
 * (characters XML forbids, an unescaped `<` or `&`, an unknown or illegal reference, `]]>`
 * in text, mismatched or unclosed tags, repeated or unquoted attributes, a DOCTYPE), and
 * gives back the tree with references decoded and line ends as line feeds. Enough for the SVG, OOXML and VML parts our
 * exports write; namespaces are left as prefixes of the names.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const NAME = /[A-Za-z_:][\w.:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTRIBUTE = /[ \t\r\n]+([A-Za-z_:][\w.:-]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^<"]*)"|'([^<']*)')/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function readXml(text: string): XmlElement {
  if (!CHARS.test(text)) throw new Error("a character XML forbids");
  // Line ends are read as line feeds (XML 1.0, 2.11).
  const xml = text.replace(/\r\n?/g, "\n");
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const found = pattern.exec(xml);
    if (found !== null) at = pattern.lastIndex;
    return found;
  };
  const skipTo = (end: string, what: string) => {
    const index = xml.indexOf(end, at);
    if (index < 0) fail(`unclosed ${what}`);
    const body = xml.slice(at, index);
    at = index + end.length;
    return body;
  };
  const decode = (text: string, attribute: boolean) => {
    let out = "";
    for (let i = 0; i < text.length; ) {
      const char = text.charAt(i);
      if (char !== "&") {
        // An attribute's literal white space reads as a space; a reference keeps it.
        out += attribute && /[\t\r\n]/.test(char) ? " " : char;
        i += 1;
        continue;
      }
      REFERENCE.lastIndex = i;
      const ref = REFERENCE.exec(text);
      if (ref === null) throw new Error(`a bare & in ${JSON.stringify(text.slice(i, i + 20))}`);
      const [, name, decimal, hex] = ref;
      const decoded =
        name === undefined
          ? String.fromCodePoint(Number.parseInt(decimal ?? hex ?? "", decimal ? 10 : 16))
          : NAMED[name];
      if (decoded === undefined || !CHARS.test(decoded)) throw new Error(`bad ${ref[0]}`);
      out += decoded;
      i = REFERENCE.lastIndex;
    }
    return out;
  };
  // A comment or a processing instruction, if one starts here.
  const skipMarkup = () => {
    if (xml.startsWith("<!--", at)) {
      at += 4;
      if (skipTo("-->", "comment").includes("--")) fail("-- in a comment");
    } else if (xml.startsWith("<?", at)) skipTo("?>", "processing instruction");
    else return false;
    return true;
  };
  // White space, comments and processing instructions around the root element.
  const misc = () => {
    do match(SPACE);
    while (skipMarkup());
  };
  const element = (): XmlElement => {
    if (xml.charAt(at) !== "<") fail("expected an element");
    at += 1;
    const name = match(NAME)?.[0] ?? fail("expected a name");
    const attributes: Record<string, string> = {};
    for (let attribute = match(ATTRIBUTE); attribute !== null; attribute = match(ATTRIBUTE)) {
      const [, key = "", double, single] = attribute;
      if (Object.hasOwn(attributes, key)) fail(`attribute ${key} twice`);
      attributes[key] = decode(double ?? single ?? "", true);
    }
    match(SPACE);
    const children: XmlNode[] = [];
    if (xml.startsWith("/>", at)) {
      at += 2;
      return { name, attributes, children };
    }
    if (xml.charAt(at) !== ">") fail(`expected > in <${name}>`);
    at += 1;
    for (;;) {
      const next = xml.indexOf("<", at);
      if (next < 0) fail(`<${name}> is never closed`);
      const text = xml.slice(at, next);
      if (text.includes("]]>")) fail("]]> in text");
      if (text !== "") children.push(decode(text, false));
      at = next;
      if (xml.startsWith("</", at)) {
        at += 2;
        if (match(NAME)?.[0] !== name) fail(`expected </${name}>`);
        match(SPACE);
        if (xml.charAt(at) !== ">") fail(`expected > in </${name}>`);
        at += 1;
        return { name, attributes, children };
      }
      if (xml.startsWith("<![CDATA[", at)) {
        at += 9;
        children.push(skipTo("]]>", "CDATA section"));
      } else if (skipMarkup()) continue;
      else if (xml.startsWith("<!", at)) fail("a declaration inside an element");
      else children.push(element());
    }
  };

  if (xml.startsWith("<?xml", at)) skipTo("?>", "XML declaration");
  misc();
  if (xml.startsWith("<!DOCTYPE", at)) fail("a DOCTYPE");
  const root = element();
  misc();
  if (at !== xml.length) fail("content after the root element");
  return root;
}

/** Every element of a tree, the root first, in document order. */
export function xmlElements(root: XmlElement): XmlElement[] {
  const all: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    all.push(element);
    for (const child of element.children) if (typeof child !== "string") visit(child);
  };
  visit(root);
  return all;
}

/** The decoded text of an element and its descendants. */
export function xmlText(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === "string" ? child : xmlText(child)))
    .join("");
}
