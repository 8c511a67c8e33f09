import { ReplaceChartBodySchema } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { parseWith, prefixIssues } from "./parse";

describe("prefixIssues", () => {
  it.each([
    ["roles[0].id", "document", "document.roles[0].id"],
    ["", "document", "document"],
    ["[3].role", "assignments", "assignments[3].role"],
    ["name", "", "name"],
  ])("puts %j under %j as %j", (path, prefix, expected) => {
    expect(prefixIssues([{ path, message: "m" }], prefix)).toEqual([
      { path: expected, message: "m" },
    ]);
  });
});

describe("parseWith", () => {
  it("answers the parsed value when it is valid", () => {
    expect(parseWith(ReplaceChartBodySchema, { document: {}, version: 3 }, "body")).toEqual({
      document: {},
      version: 3,
    });
  });

  it("throws a 400 invalid_input naming each path when it is not", () => {
    let thrown: unknown;
    try {
      parseWith(ReplaceChartBodySchema, { version: "x", extra: 1 }, "request body");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({
      error: {
        code: "invalid_input",
        message: "invalid request body",
        issues: expect.arrayContaining([
          { path: "version", message: "version must be an integer" },
          expect.objectContaining({ path: "" }),
        ]),
      },
    });
  });
});

describe("AppError", () => {
  it.each([
    ["invalid_input", 400],
    ["malformed_json", 400],
    ["payload_too_large", 413],
    ["not_found", 404],
    ["version_conflict", 409],
    ["unsupported_media_type", 415],
    ["internal", 500],
  ] as const)("maps %s to %i", (code, status) => {
    expect(new AppError(code, "m").status).toBe(status);
  });
});
