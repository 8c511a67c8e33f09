import { describe, expect, it } from "vitest";
import { guessFormat } from "./import";

describe("guessFormat", () => {
  it.each([
    ["chart.json", "", "json"],
    ["chart.txt", '  {"format": "rolemap.chart/v1"}', "json"],
    ["raci.csv", "\uFEFFResponsibility,Category,CEO\r\n", "matrix-csv"],
    ["raci.csv", '"Responsibilities";"CIO"\n', "matrix-csv"],
    ["people.csv", "Name,Title,Manager\n", "org-csv"],
    ["people.csv", "Responsible person,Title\n", "org-csv"],
    ["-", "", "org-csv"],
  ] as const)("%s starting %j is %s", (file, text, format) => {
    expect(guessFormat(file, text)).toBe(format);
  });
});
