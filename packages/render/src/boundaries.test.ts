import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * packages/render runs in the browser and in Node, so its shipped source may import only
 * its own modules (the generated metrics included), the pure engine (@rolemap/domain), the
 * contract's zod-free constants and *types* from the contract. No DOM, React or Node APIs:
 * neither imports of them nor their globals.
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

/** Globals of a browser or of Node that a pure module must not touch. */
const PLATFORM_GLOBALS = new Set([
  "window",
  "self",
  "globalThis",
  "navigator",
  "DOMParser",
  "XMLSerializer",
  "HTMLElement",
  "getComputedStyle",
  "requestAnimationFrame",
  "localStorage",
  "fetch",
  "process",
  "Buffer",
  "require",
  "module",
  "__dirname",
  "__filename",
  "setTimeout",
  "setInterval",
  "performance",
  "crypto",
  "Date",
]);

function scan(fileName: string, text: string): { imports: ImportUse[]; globals: string[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const imports: ImportUse[] = [];
  const globals: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      imports.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly ?? false,
      });
    else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    else if (ts.isCallExpression(node)) {
      const [argument] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isImport) && argument !== undefined && ts.isStringLiteral(argument))
        imports.push({ specifier: argument.text, typeOnly: false });
    }
    if (ts.isIdentifier(node) && PLATFORM_GLOBALS.has(node.text)) {
      const parent = node.parent;
      // `x.process` or `{ process: 1 }` name a property, not the global.
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node);
      if (!isPropertyName) globals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, globals };
}

const allowed = ({ specifier, typeOnly }: ImportUse) =>
  specifier.startsWith(".") ||
  specifier === "@rolemap/domain" ||
  specifier === "@rolemap/contract/constants" ||
  (typeOnly && specifier === "@rolemap/contract");

describe("packages/render boundaries", () => {
  const files = sourceFiles(root);

  it("has source files to check, the generated metrics among them", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((file) => file.endsWith("generated/inter-metrics.ts"))).toBe(true);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    "%s imports nothing impure and uses no platform globals",
    (_, file) => {
      const { imports, globals } = scan(file, readFileSync(file, "utf8"));
      expect(imports.filter((use) => !allowed(use))).toEqual([]);
      expect(globals).toEqual([]);
    },
  );

  it("recognises forbidden imports and globals and ignores look-alike text", () => {
    const sample = [
      'import { z } from "zod";',
      'import type { Role } from "@rolemap/contract";',
      'import { validateChart } from "@rolemap/domain";',
      'export { x } from "./x";',
      'const later = () => import("react");',
      "const size = Buffer.byteLength('x') + window.innerWidth;",
      "const ok = { process: 1 }.process;",
      "export const text = (id: string) => 'from \"express\" process';",
    ].join("\n");
    const { imports, globals } = scan("sample.ts", sample);
    expect(imports.filter((use) => !allowed(use))).toEqual([
      { specifier: "zod", typeOnly: false },
      { specifier: "react", typeOnly: false },
    ]);
    expect(globals).toEqual(["Buffer", "window"]);
  });
});
