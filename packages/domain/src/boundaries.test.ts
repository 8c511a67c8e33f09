import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * packages/domain is the pure engine: data in, data out. Its shipped source may import
 * only its own modules, the contract's zod-free constants, and *types* from the contract
 * (erased at build time). No React, Express, Prisma, zod or Node APIs.
 */
const root = join(import.meta.dirname, ".");
const isShipped = (path: string) => !/\.test\.ts$/.test(path) && !path.includes("/testing/");

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && isShipped(path) ? [path] : [];
  });

const importPattern =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']|^\s*import\s*\(?\s*["']([^"']+)["']/gm;

const allowed = (specifier: string, typeOnly: boolean) =>
  specifier.startsWith(".") ||
  specifier === "@rolemap/contract/constants" ||
  (typeOnly && specifier === "@rolemap/contract");

describe("packages/domain boundaries", () => {
  const files = sourceFiles(root);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    "%s imports nothing impure",
    (_, file) => {
      const text = readFileSync(file, "utf8");
      const offending = [...text.matchAll(importPattern)]
        .map((match) => ({
          specifier: match[3] ?? match[4] ?? "",
          typeOnly: match[2] !== undefined,
        }))
        .filter(({ specifier, typeOnly }) => !allowed(specifier, typeOnly))
        .map(({ specifier }) => specifier);
      expect(offending).toEqual([]);
    },
  );

  it("recognises a forbidden import", () => {
    const sample = 'import { z } from "zod";\nimport type { Role } from "@rolemap/contract";';
    const found = [...sample.matchAll(importPattern)].map((m) => [m[3], m[2] !== undefined]);
    expect(found).toEqual([
      ["zod", false],
      ["@rolemap/contract", true],
    ]);
  });
});
