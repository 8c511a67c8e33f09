import { EXPORT_FORMATS } from "@rolemap/contract";
import { exportFilename as exportFileName } from "@rolemap/export/naming";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMAT_INFO, pngPixelSize } from "./export-formats";

describe("export formats", () => {
  it("lists every format of the contract once", () => {
    expect(EXPORT_FORMAT_INFO.map((info) => info.format)).toEqual([...EXPORT_FORMATS]);
  });

  it("offers findings for the pictures and the Excel matrix only", () => {
    const withFindings = EXPORT_FORMAT_INFO.filter((info) => info.usesFindings);
    expect(withFindings.map((info) => info.format)).toEqual(["svg", "png", "pdf", "pptx", "xlsx"]);
  });
});

describe("exportFileName", () => {
  // The same cases as @rolemap/export's slugify: the dialog shows the name the API gives.
  it.each([
    ["Classic CIO / CTO split", "png", "classic-cio-cto-split.png"],
    ["Équipe Données & IA", "pdf", "equipe-donnees-ia.pdf"],
    ["  --Acme--  ", "svg", "acme.svg"],
    ["技术领导", "json", "chart.json"],
    ["", "csv", "chart.csv"],
    [`${"a".repeat(79)} b`, "xlsx", `${"a".repeat(79)}.xlsx`],
  ] as const)("%s as %s → %s", (name, format, file) => {
    expect(exportFileName(name, format)).toBe(file);
  });
});

describe("pngPixelSize", () => {
  it("multiplies by the scale", () => {
    expect(pngPixelSize(1200.4, 800, 2)).toEqual({ width: 2401, height: 1600, isReduced: false });
  });

  it("shrinks a chart past the limits to fit them, never cropping", () => {
    const size = pngPixelSize(72_089, 2_385, 2);
    expect(size.isReduced).toBe(true);
    expect(size.width).toBe(32_767);
    expect(size.height).toBe(Math.round(2_385 * (32_767 / 72_089)));
    const square = pngPixelSize(10_000, 10_000, 4);
    expect(square.width * square.height).toBeLessThanOrEqual(64_000_000);
  });
});
