import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { type ModuleUse, scanFile, shippedSourceFiles } from "./testing/purity";

/**
 * packages/domain is the pure engine: data in, data out. Its shipped source may import
 * only its own modules, the contract's zod-free constants, *types* from the contract
 * (erased at build time) and d3-hierarchy (pure tidy-tree maths). No React, Express,
 * Prisma, zod or Node APIs, and no browser or Node globals.
 */
const root = import.meta.dirname;

const allowed = ({ specifier, typeOnly }: ModuleUse) =>
  specifier.startsWith(".") ||
  specifier === "@rolemap/contract/constants" ||
  specifier === "d3-hierarchy" ||
  (typeOnly && specifier === "@rolemap/contract");

describe("packages/domain boundaries", () => {
  const files = shippedSourceFiles(root);

  it("has source files to check, and not the test helpers", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.some((file) => file.includes("/testing/"))).toBe(false);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    "%s imports nothing impure and uses no platform globals",
    (_, file) => {
      const { imports, globals } = scanFile(file);
      expect(imports.filter((use) => !allowed(use))).toEqual([]);
      expect(globals).toEqual([]);
    },
  );

  it("refuses what the engine must not load", () => {
    for (const specifier of ["zod", "react", "express", "@prisma/client", "node:fs"])
      expect(allowed({ specifier, typeOnly: false })).toBe(false);
    expect(allowed({ specifier: "@rolemap/contract", typeOnly: false })).toBe(false);
    expect(allowed({ specifier: "@rolemap/contract", typeOnly: true })).toBe(true);
  });
});
