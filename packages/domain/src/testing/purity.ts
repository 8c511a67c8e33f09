import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/**
 * The purity check of the pure packages (domain, render, interchange): every module a
 * shipped source file loads and every platform global it touches, found with the
 * TypeScript parser (not by searching text, so strings and comments never count). Each
 * package's `boundaries.test.ts` decides what it allows.
 */

export interface ModuleUse {
  specifier: string;
  typeOnly: boolean;
}

export interface SourceScan {
  /** Static imports, re-exports, `import()` and `require()`, in source order. */
  imports: ModuleUse[];
  /** Identifiers of `globals` used as values (property names like `x.process` do not count). */
  globals: string[];
}

/**
 * Globals of a browser or of Node that pure code must not touch. Names only: the scan does
 * not resolve scopes, so words the code uses for its own variables (`document` for a chart
 * document) cannot be listed.
 */
export const PLATFORM_GLOBALS: ReadonlySet<string> = new Set([
  "window",
  "self",
  "globalThis",
  "navigator",
  "DOMParser",
  "XMLSerializer",
  "HTMLElement",
  "FileReader",
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

/** Source files that ship: `.ts` under `root`, not tests and not test helpers. */
export function shippedSourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : shippedSourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

export function scanSource(
  fileName: string,
  text: string,
  globals: ReadonlySet<string> = PLATFORM_GLOBALS,
): SourceScan {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: SourceScan = { imports: [], globals: [] };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      found.imports.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly ?? false,
      });
    else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.imports.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    else if (ts.isCallExpression(node)) {
      const [argument] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isImport) && argument !== undefined && ts.isStringLiteral(argument))
        found.imports.push({ specifier: argument.text, typeOnly: false });
    }
    if (ts.isIdentifier(node) && globals.has(node.text) && !isPropertyName(node))
      found.globals.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `x.process`, `{ process: 1 }` and `{ process: string }` name a property, not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node)
  );
}

/** Reads and scans a file. */
export const scanFile = (path: string, globals?: ReadonlySet<string>) =>
  scanSource(path, readFileSync(path, "utf8"), globals);
