import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { formatTemplateTable, oneLine, type TemplateSummary, truncate } from "./templates";

describe("oneLine", () => {
  it.each<[string, string]>([
    ["One sentence.", "One sentence."],
    ["First sentence. Second sentence.", "First sentence."],
    ["Wrapped\n  over   lines. More.", "Wrapped over lines."],
    ["No full stop", "No full stop"],
    ["Version 2.0 of the split! Then more.", "Version 2.0 of the split!"],
  ])("%j → %j", (description, expected) => {
    expect(oneLine(description)).toBe(expected);
  });
});

describe("truncate", () => {
  it.each<[string, number, string]>([
    ["short", 10, "short"],
    ["exactly ten", 11, "exactly ten"],
    ["a bit too long", 10, "a bit too…"],
    ["cut inside a word", 7, "cut in…"],
  ])("%j to %i → %j", (text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
  });
});

describe("formatTemplateTable", () => {
  const templates: TemplateSummary[] = [
    { id: "classic-split", name: "Classic split", description: "CIO and CTO. Details." },
    { id: "solo", name: "Solo technology leader", description: "One leader." },
  ];

  it("aligns id, name and first sentence of the description", () => {
    expect(formatTemplateTable(templates, (text) => text)).toBe(
      [
        "ID             NAME                    DESCRIPTION",
        "classic-split  Classic split           CIO and CTO.",
        "solo           Solo technology leader  One leader.",
        "",
      ].join("\n"),
    );
  });

  it("makes only the header bold", () => {
    const bold = pc.createColors(true).bold;
    const [header, ...rows] = formatTemplateTable(templates, bold).trimEnd().split("\n");
    expect(header).toContain("\u001b[1m");
    for (const row of rows) expect(row).not.toContain("\u001b[");
  });

  it.each<[number | undefined, string]>([
    [undefined, "CIO and CTO share the technology work."],
    [80, "CIO and CTO share the technology work."],
    [60, "CIO and CTO share the technol…"],
    [10, "CIO and CTO share t…"],
  ])("fits a %s-column terminal, keeping at least 20 characters of description", (columns, cut) => {
    const long: TemplateSummary[] = [
      {
        id: "classic-split",
        name: "Classic split",
        description: "CIO and CTO share the technology work.",
      },
    ];
    const [, row] = formatTemplateTable(long, (text) => text, columns).split("\n");
    expect(row).toBe(`classic-split  Classic split  ${cut}`);
  });

  it("says so when there are none", () => {
    expect(formatTemplateTable([], (text) => text)).toBe("No templates\n");
  });
});
