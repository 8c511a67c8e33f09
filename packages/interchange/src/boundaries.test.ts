import { relative } from "node:path";
import { scanFile, shippedSourceFiles } from "@rolemap/domain/testing/purity";
import { describe, expect, it } from "vitest";

/**
 * The package runs in the browser (the editor's import preview) and in Node (API, CLI),
 * so its shipped source may load only its own modules, the contract and papaparse, and
 * may not touch Node or browser globals. The type check cannot catch the latter:
 * @types/papaparse pulls in Node's types.
 */
const root = import.meta.dirname;
const ALLOWED_MODULES = new Set(["@rolemap/contract", "@rolemap/contract/constants", "papaparse"]);

describe("packages/interchange boundaries", () => {
  const files = shippedSourceFiles(root);

  it("finds the shipped source", () => {
    expect(files.map((file) => relative(root, file))).toContain("index.ts");
  });

  it.each(files.map((file) => [relative(root, file), file]))("%s stays portable", (_, file) => {
    const { imports, globals } = scanFile(file);
    expect(
      imports
        .map((use) => use.specifier)
        .filter((specifier) => !specifier.startsWith(".") && !ALLOWED_MODULES.has(specifier)),
    ).toEqual([]);
    expect(globals).toEqual([]);
  });
});
