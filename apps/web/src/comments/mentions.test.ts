import { describe, expect, it } from "vitest";
import { insertMention, mentionAt, parseMentions, suggestRoles } from "./mentions";

const ROLES = [
  { id: "ceo", title: "CEO" },
  { id: "cio", title: "Chief Information Officer" },
  { id: "chief", title: "Chief" },
  { id: "cto", title: "CTO" },
];

describe("parseMentions", () => {
  it("finds mentions of roles by title, the longest title first, in any case", () => {
    expect(parseMentions("Ask @chief information officer and @CTO.", ROLES)).toEqual([
      { kind: "text", text: "Ask " },
      { kind: "mention", text: "@chief information officer", roleId: "cio" },
      { kind: "text", text: " and " },
      { kind: "mention", text: "@CTO", roleId: "cto" },
      { kind: "text", text: "." },
    ]);
  });

  it.each([
    ["an unknown name", "@Nobody here"],
    ["a title that runs into a word", "@CTOs are busy"],
    ["an email address", "mail ana@ceo"],
    ["a lone @", "@ "],
  ])("leaves %s as text", (_, body) => {
    expect(parseMentions(body, ROLES)).toEqual([{ kind: "text", text: body }]);
  });

  it("keeps markup as plain text", () => {
    const body = '<img src=x onerror="alert(1)"> @CEO';
    const segments = parseMentions(body, ROLES);
    expect(segments[0]).toEqual({ kind: "text", text: '<img src=x onerror="alert(1)"> ' });
    expect(segments.map((s) => s.text).join("")).toBe(body);
  });
});

describe("mentionAt", () => {
  it.each([
    ["Ask @Ch", 7, { start: 4, query: "Ch" }],
    ["@", 1, { start: 0, query: "" }],
    ["Ask @Chief Inf", 14, { start: 4, query: "Chief Inf" }],
    ["ana@ex", 6, null],
    ["@CEO\nnext", 9, null],
    ["no at sign", 5, null],
  ] as const)("in %j at %i: %j", (text, caret, expected) => {
    expect(mentionAt(text, caret)).toEqual(expected);
  });
});

describe("suggestRoles", () => {
  it("lists titles starting with the query first, then those containing it", () => {
    expect(suggestRoles(ROLES, "c").map((r) => r.id)).toEqual(["ceo", "cio", "chief", "cto"]);
    expect(suggestRoles(ROLES, "info").map((r) => r.id)).toEqual(["cio"]);
    expect(suggestRoles(ROLES, "to").map((r) => r.id)).toEqual(["cto"]);
    expect(suggestRoles(ROLES, "", 2)).toHaveLength(2);
    // A whole title and a space: the mention is complete.
    expect(suggestRoles(ROLES, "cto ")).toEqual([]);
    expect(suggestRoles(ROLES, "chief i").map((r) => r.id)).toEqual(["cio"]);
  });
});

describe("insertMention", () => {
  it("replaces what was typed after @ with the title and a space, and puts the caret after it", () => {
    expect(
      insertMention("Ask @ch please", { start: 4, query: "ch" }, "Chief Information Officer"),
    ).toEqual({
      text: "Ask @Chief Information Officer please",
      caret: 31,
    });
  });
});
