import { describe, expect, it } from "vitest";
import { ExportOptionsSchema, ImportOptionsSchema } from "./interchange";

describe("ExportOptionsSchema", () => {
  it("fills in the defaults", () => {
    expect(ExportOptionsSchema.parse({ format: "png" })).toEqual({
      format: "png",
      scale: 2,
      page: "a4",
      fit: "pages",
      findings: false,
    });
  });

  it("coerces query-string values", () => {
    expect(
      ExportOptionsSchema.parse({
        format: "pdf",
        scale: "3",
        page: "a3",
        fit: "one-page",
        findings: "true",
      }),
    ).toMatchObject({ scale: 3, page: "a3", fit: "one-page", findings: true });
  });

  it.each([
    [{ format: "gif" }, "format", "format must be one of svg, png, pdf, pptx, json, csv, xlsx"],
    [{ format: "png", scale: "5" }, "scale", "scale must be a number from 1 to 4"],
    [{ format: "png", scale: "big" }, "scale", "scale must be a number from 1 to 4"],
    [{ format: "pdf", page: "a5" }, "page", "page must be one of a4, letter, a3"],
    [{ format: "pdf", findings: "perhaps" }, "findings", "must be true or false"],
    [{ format: "pdf", colour: "red" }, "", 'Unrecognized key: "colour"'],
  ])("rejects %j naming %s", (input, path, message) => {
    const result = ExportOptionsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.join(".")).toBe(path);
    expect(issue?.message).toBe(message);
  });
});

describe("ImportOptionsSchema", () => {
  it("takes a format, an optional chart to merge into and a preview flag", () => {
    expect(ImportOptionsSchema.parse({ format: "org-csv" })).toEqual({
      format: "org-csv",
      preview: false,
    });
    expect(
      ImportOptionsSchema.parse({
        format: "matrix-csv",
        into: "0b6f3c1e-4a8e-4c47-9d2c-2f3c4b5a6d7e",
        preview: "1",
      }),
    ).toMatchObject({ into: "0b6f3c1e-4a8e-4c47-9d2c-2f3c4b5a6d7e", preview: true });
  });

  it("names a bad format and a bad chart id", () => {
    const result = ImportOptionsSchema.safeParse({ format: "xls", into: "nope" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["format", "format must be one of org-csv, matrix-csv, json"],
      ["into", "chart id must be a UUID"],
    ]);
  });
});
