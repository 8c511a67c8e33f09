import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * packages/domain is the pure engine: data in, data out. Its shipped source may import
 * only its own modules, the contract's zod-free constants, and *types* from the contract
 * (erased at build time). No React, Express, Prisma, zod or Node APIs.
 */
const root = import.meta.dirname;
const isShipped = (path: string) => !path.endsWith(".test.ts") && !path.includes("/testing/");

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && isShipped(path) ? [path] : [];
  });

interface ImportUse {
  specifier: string;
  typeOnly: boolean;
}

/** Every module a file loads: static imports, re-exports, `import()` and `require()`. */
function importsOf(fileName: string, text: string): ImportUse[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const uses: ImportUse[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      uses.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly ?? false,
      });
    else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      uses.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    else if (ts.isCallExpression(node)) {
      const [argument] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isImport) && argument !== undefined && ts.isStringLiteral(argument))
        uses.push({ specifier: argument.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

const allowed = ({ specifier, typeOnly }: ImportUse) =>
  specifier.startsWith(".") ||
  specifier === "@rolemap/contract/constants" ||
  // A pure layout library (tidy trees): data in, positions out; no DOM, no I/O.
  specifier === "d3-hierarchy" ||
  (typeOnly && specifier === "@rolemap/contract");

describe("packages/domain boundaries", () => {
  const files = sourceFiles(root);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    "%s imports nothing impure",
    (_, file) => {
      const offending = importsOf(file, readFileSync(file, "utf8")).filter((use) => !allowed(use));
      expect(offending).toEqual([]);
    },
  );

  it("recognises forbidden imports and ignores look-alike text", () => {
    const sample = [
      'import { z } from "zod";',
      'import type { Role } from "@rolemap/contract";',
      'export { x } from "./x";',
      'const later = () => import("react");',
      "export const text = (id: string) => 'line from \"' + id + '\" from \"express\"';",
    ].join("\n");
    expect(importsOf("sample.ts", sample)).toEqual([
      { specifier: "zod", typeOnly: false },
      { specifier: "@rolemap/contract", typeOnly: true },
      { specifier: "./x", typeOnly: false },
      { specifier: "react", typeOnly: false },
    ]);
  });
});
