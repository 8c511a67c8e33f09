import { describe, expect, it } from "vitest";
import { scanSource } from "./purity";

describe("scanSource", () => {
  it("finds every module a file loads and the platform globals it touches", () => {
    const sample = [
      'import { z } from "zod";',
      'import type { Role } from "@rolemap/contract";',
      'export { x } from "./x";',
      'const later = () => import("react");',
      'const fs = require("node:fs");',
      "const size = Buffer.byteLength('x') + window.innerWidth;",
      "const ok = { process: 1 }.process;",
      "interface Shape { document: string }",
      "export const text = (id: string) => 'from \"express\" process' + id;",
    ].join("\n");
    const { imports, globals } = scanSource("sample.ts", sample);
    expect(imports).toEqual([
      { specifier: "zod", typeOnly: false },
      { specifier: "@rolemap/contract", typeOnly: true },
      { specifier: "./x", typeOnly: false },
      { specifier: "react", typeOnly: false },
      { specifier: "node:fs", typeOnly: false },
    ]);
    expect(globals).toEqual(["require", "Buffer", "window"]);
  });
});
