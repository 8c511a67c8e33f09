import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The package runs in the browser (the editor's import preview) and in Node (API, CLI),
 * so its shipped source may load only its own modules, the contract and papaparse, and
 * may not touch Node or browser globals. The type check cannot catch the latter:
 * @types/papaparse pulls in Node's types.
 */
const root = import.meta.dirname;
const isShipped = (path: string) => !path.endsWith(".test.ts") && !path.includes("/testing/");
const ALLOWED_MODULES = new Set(["@rolemap/contract", "@rolemap/contract/constants", "papaparse"]);
const FORBIDDEN_GLOBALS = new Set([
  "Buffer",
  "process",
  "require",
  "__dirname",
  "window",
  "navigator",
  "localStorage",
  "FileReader",
]);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && isShipped(path) ? [path] : [];
  });

/** Modules loaded and forbidden globals named (as identifiers, not property names). */
function usesOf(fileName: string): { modules: string[]; globals: string[] } {
  const source = ts.createSourceFile(
    fileName,
    readFileSync(fileName, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const modules: string[] = [];
  const globals: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      modules.push(node.moduleSpecifier.text);
    else if (
      ts.isIdentifier(node) &&
      FORBIDDEN_GLOBALS.has(node.text) &&
      !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
    )
      globals.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { modules, globals };
}

describe("packages/interchange boundaries", () => {
  const files = sourceFiles(root);

  it("finds the shipped source", () => {
    expect(files.map((file) => relative(root, file))).toContain("index.ts");
  });

  it.each(files.map((file) => [relative(root, file), file]))("%s stays portable", (_, file) => {
    const { modules, globals } = usesOf(file);
    expect(
      modules.filter((specifier) => !specifier.startsWith(".") && !ALLOWED_MODULES.has(specifier)),
    ).toEqual([]);
    expect(globals).toEqual([]);
  });
});
