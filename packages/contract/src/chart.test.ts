import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import exampleJson from "../test/fixtures/spec-example.chart.json";
import {
  AssignmentSchema,
  type ChartDocument,
  ChartDocumentSchema,
  LineKindSchema,
  PositionSchema,
  RaciCodeSchema,
  ReportingLineSchema,
  ResponsibilitySchema,
  RoleSchema,
  SettingsSchema,
} from "./chart";
import { formatPath } from "./issues";

const pathsOf = (schema: z.ZodType, input: unknown): string[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => formatPath(issue.path));
};

describe("ChartDocumentSchema", () => {
  it("accepts the example document of chart-format.md unchanged", () => {
    const result = ChartDocumentSchema.safeParse(structuredClone(exampleJson));
    expect(result.success).toBe(true);
    expect(result.data).toStrictEqual(exampleJson);
  });

  it("accepts an empty chart", () => {
    const empty = {
      format: "rolemap.chart/v1",
      name: "Empty",
      roles: [],
      reportingLines: [],
      responsibilities: [],
      assignments: [],
    };
    expect(ChartDocumentSchema.safeParse(empty)).toStrictEqual({ success: true, data: empty });
  });

  it("runs the cross-reference checks itself, as custom issues at the exact path", () => {
    const input = structuredClone(exampleJson);
    input.assignments.push({ role: "cxo", responsibility: "infra", code: "C" });
    const result = ChartDocumentSchema.safeParse(input);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: ["assignments", 2, "role"],
        message: 'unknown role "cxo"',
      }),
    ]);
  });

  it("infers the document type from the schema", () => {
    expectTypeOf<ChartDocument["format"]>().toEqualTypeOf<"rolemap.chart/v1">();
    expectTypeOf<ChartDocument["roles"][number]["holder"]>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<ChartDocument["assignments"][number]["code"]>().toEqualTypeOf<
      "R" | "A" | "C" | "I" | "S"
    >();
    expectTypeOf<ChartDocument["reportingLines"][number]["kind"]>().toEqualTypeOf<
      "solid" | "dotted"
    >();
    expectTypeOf<NonNullable<ChartDocument["settings"]>>().toEqualTypeOf<{
      maxResponsible?: number | undefined;
      maxConsulted?: number | undefined;
      maxAccountablePerRole?: number | undefined;
      maxSpanOfControl?: number | undefined;
    }>();
  });
});

describe("RoleSchema", () => {
  it.each<[string, unknown]>([
    ["the minimal role", { id: "ceo", title: "CEO" }],
    ["a null holder", { id: "cto", title: "CTO", holder: null }],
    ["a blank holder (vacant)", { id: "cto", title: "CTO", holder: "" }],
    [
      "every optional field",
      {
        id: "cio",
        title: "CIO",
        holder: "Alex Ng",
        department: "IT",
        notes: "Interim",
        position: { x: 0, y: 160 },
      },
    ],
  ])("accepts %s", (_, input) => {
    expect(RoleSchema.safeParse(input)).toStrictEqual({ success: true, data: input });
  });

  it.each<[string, unknown, string[]]>([
    ["a missing id", { title: "CEO" }, ["id"]],
    ["an empty id", { id: "", title: "CEO" }, ["id"]],
    ["a 101-character id", { id: "x".repeat(101), title: "CEO" }, ["id"]],
    ["a 101-character id of astral characters", { id: "😀".repeat(101), title: "CEO" }, ["id"]],
    ["an empty title", { id: "ceo", title: "" }, ["title"]],
    ["a 201-character title", { id: "ceo", title: "x".repeat(201) }, ["title"]],
    ["a numeric holder", { id: "ceo", title: "CEO", holder: 1 }, ["holder"]],
    [
      "a position with a missing y",
      { id: "ceo", title: "CEO", position: { x: 1 } },
      ["position.y"],
    ],
    ["an unknown key", { id: "ceo", title: "CEO", reportsTo: "board" }, [""]],
  ])("rejects %s", (_, input, paths) => {
    expect(pathsOf(RoleSchema, input)).toEqual(paths);
  });
});

describe("PositionSchema", () => {
  it.each([
    [{ x: 0, y: 0 }],
    [{ x: -1.5, y: 1e6 }],
    [{ x: Number.MAX_VALUE, y: -Number.MAX_VALUE }],
  ])("accepts %o", (input) => {
    expect(PositionSchema.safeParse(input).success).toBe(true);
  });

  it.each<[string, unknown, string[]]>([
    ["x = Infinity", { x: Number.POSITIVE_INFINITY, y: 0 }, ["x"]],
    ["y = -Infinity", { x: 0, y: Number.NEGATIVE_INFINITY }, ["y"]],
    ["x = NaN", { x: Number.NaN, y: 0 }, ["x"]],
    ["numbers as strings", { x: "1", y: "2" }, ["x", "y"]],
    ["an extra key", { x: 0, y: 0, z: 0 }, [""]],
    ["an array", [0, 0], [""]],
  ])("rejects %s", (_, input, paths) => {
    expect(pathsOf(PositionSchema, input)).toEqual(paths);
  });
});

describe("ReportingLineSchema", () => {
  it.each(["solid", "dotted"])("accepts a %s line", (kind) => {
    expect(ReportingLineSchema.safeParse({ manager: "ceo", report: "cio", kind }).success).toBe(
      true,
    );
  });

  it.each<[string, unknown, string[]]>([
    ["a missing kind", { manager: "ceo", report: "cio" }, ["kind"]],
    ["an empty manager", { manager: "", report: "cio", kind: "solid" }, ["manager"]],
    ["a numeric report", { manager: "ceo", report: 2, kind: "solid" }, ["report"]],
    ["an unknown key", { manager: "ceo", report: "cio", kind: "solid", weight: 1 }, [""]],
  ])("rejects %s", (_, input, paths) => {
    expect(pathsOf(ReportingLineSchema, input)).toEqual(paths);
  });
});

describe("LineKindSchema", () => {
  it.each<[unknown, boolean]>([
    ["solid", true],
    ["dotted", true],
    ["dashed", false],
    ["Solid", false],
    ["", false],
    [null, false],
  ])("parses %o as valid: %s", (input, valid) => {
    expect(LineKindSchema.safeParse(input).success).toBe(valid);
  });
});

describe("ResponsibilitySchema", () => {
  it.each<[string, unknown]>([
    ["the minimal responsibility", { id: "infra", name: "Infrastructure" }],
    [
      "every optional field",
      { id: "infra", name: "Infrastructure", category: "Operations", description: "Servers" },
    ],
  ])("accepts %s", (_, input) => {
    expect(ResponsibilitySchema.safeParse(input)).toStrictEqual({ success: true, data: input });
  });

  it.each<[string, unknown, string[]]>([
    ["an empty id", { id: "", name: "N" }, ["id"]],
    ["an empty name", { id: "infra", name: "" }, ["name"]],
    ["a 201-character name", { id: "infra", name: "x".repeat(201) }, ["name"]],
    ["a numeric description", { id: "infra", name: "N", description: 0 }, ["description"]],
    ["an unknown key", { id: "infra", name: "N", owner: "cio" }, [""]],
  ])("rejects %s", (_, input, paths) => {
    expect(pathsOf(ResponsibilitySchema, input)).toEqual(paths);
  });
});

describe("RaciCodeSchema", () => {
  it.each<[unknown, boolean]>([
    ["R", true],
    ["A", true],
    ["C", true],
    ["I", true],
    ["S", true],
    ["X", false],
    ["a", false],
    ["r", false],
    ["RA", false],
    ["", false],
    [1, false],
  ])("parses %o as valid: %s", (input, valid) => {
    expect(RaciCodeSchema.safeParse(input).success).toBe(valid);
  });
});

describe("AssignmentSchema", () => {
  it.each<[string, unknown, string[]]>([
    ["a valid assignment", { role: "cio", responsibility: "infra", code: "A" }, []],
    ["a missing role", { responsibility: "infra", code: "A" }, ["role"]],
    ["an empty responsibility", { role: "cio", responsibility: "", code: "A" }, ["responsibility"]],
    ["a bad code", { role: "cio", responsibility: "infra", code: "X" }, ["code"]],
    ["an unknown key", { role: "cio", responsibility: "infra", code: "A", since: 1 }, [""]],
  ])("gives %s the issue paths %j", (_, input, paths) => {
    expect(pathsOf(AssignmentSchema, input)).toEqual(paths);
  });
});

describe("SettingsSchema", () => {
  it.each<[string, unknown]>([
    ["no keys", {}],
    [
      "the defaults",
      { maxResponsible: 3, maxConsulted: 4, maxAccountablePerRole: 10, maxSpanOfControl: 8 },
    ],
    [
      "the minimums",
      { maxResponsible: 1, maxConsulted: 0, maxAccountablePerRole: 1, maxSpanOfControl: 1 },
    ],
    ["large values", { maxSpanOfControl: 1000 }],
  ])("accepts %s", (_, input) => {
    expect(SettingsSchema.safeParse(input)).toStrictEqual({ success: true, data: input });
  });

  it.each<[string, unknown, string[]]>([
    ["maxResponsible 0", { maxResponsible: 0 }, ["maxResponsible"]],
    ["maxConsulted -1", { maxConsulted: -1 }, ["maxConsulted"]],
    ["maxAccountablePerRole 0", { maxAccountablePerRole: 0 }, ["maxAccountablePerRole"]],
    ["maxSpanOfControl 0", { maxSpanOfControl: 0 }, ["maxSpanOfControl"]],
    ["a fraction", { maxConsulted: 1.5 }, ["maxConsulted"]],
    ["Infinity", { maxResponsible: Number.POSITIVE_INFINITY }, ["maxResponsible"]],
    ["NaN", { maxResponsible: Number.NaN }, ["maxResponsible"]],
    ["a string", { maxResponsible: "3" }, ["maxResponsible"]],
    ["an unknown key", { maxInformed: 3 }, [""]],
  ])("rejects %s", (_, input, paths) => {
    expect(pathsOf(SettingsSchema, input)).toEqual(paths);
  });
});
