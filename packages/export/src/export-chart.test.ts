import { EXPORT_FORMATS, ExportOptionsSchema } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { exportChart } from "./export-chart";
import { CONTENT_TYPES } from "./export-file";
import { trickyChart } from "./testing/charts";

describe("exportChart", () => {
  it.each(EXPORT_FORMATS)("gives %s bytes with its content type and file name", async (format) => {
    const file = await exportChart(trickyChart(), ExportOptionsSchema.parse({ format }));
    expect(file.body).toBeInstanceOf(Uint8Array);
    expect(file.body.length).toBeGreaterThan(100);
    expect(file.contentType).toBe(CONTENT_TYPES[format]);
    expect(file.filename).toBe(`equipe-numerique-it-data.${format}`);
  });

  it("does not change the document", async () => {
    const document = trickyChart();
    const copy = structuredClone(document);
    for (const format of EXPORT_FORMATS)
      await exportChart(document, ExportOptionsSchema.parse({ format, findings: "true" }));
    expect(document).toEqual(copy);
  });
});
