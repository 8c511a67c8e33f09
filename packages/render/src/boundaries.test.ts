import { relative } from "node:path";
import { type ModuleUse, scanFile, shippedSourceFiles } from "@rolemap/domain/testing/purity";
import { describe, expect, it } from "vitest";

/**
 * packages/render runs in the browser and in Node, so its shipped source may import only
 * its own modules (the generated metrics included), the pure engine (@rolemap/domain), the
 * contract's zod-free constants and *types* from the contract. No DOM, React or Node APIs:
 * neither imports of them nor their globals.
 */
const root = import.meta.dirname;

const allowed = ({ specifier, typeOnly }: ModuleUse) =>
  specifier.startsWith(".") ||
  specifier === "@rolemap/domain" ||
  specifier === "@rolemap/contract/constants" ||
  (typeOnly && specifier === "@rolemap/contract");

describe("packages/render boundaries", () => {
  const files = shippedSourceFiles(root);

  it("has source files to check, the generated metrics among them", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((file) => file.endsWith("generated/inter-metrics.ts"))).toBe(true);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    "%s imports nothing impure and uses no platform globals",
    (_, file) => {
      const { imports, globals } = scanFile(file);
      expect(imports.filter((use) => !allowed(use))).toEqual([]);
      expect(globals).toEqual([]);
    },
  );

  it("refuses React, zod and Node modules", () => {
    for (const specifier of ["react", "zod", "node:fs", "@resvg/resvg-js"])
      expect(allowed({ specifier, typeOnly: false })).toBe(false);
  });
});
