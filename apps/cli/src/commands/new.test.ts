import { parseChart } from "@rolemap/contract";
import { listTemplates } from "@rolemap/domain";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import type { Output } from "../io";
import { checkChartName, runNew } from "./new";

const capture = () => {
  const written = { stdout: "", stderr: "" };
  const output: Output = {
    stdout: (text) => {
      written.stdout += text;
    },
    stderr: (text) => {
      written.stderr += text;
    },
    colors: pc.createColors(false),
  };
  return { output, written };
};

describe("checkChartName", () => {
  it.each<[string, string | undefined]>([
    ["Acme", undefined],
    ["  Acme  ", undefined],
    ["", "--name must not be blank"],
    [" \t ", "--name must not be blank"],
    ["x".repeat(200), undefined],
    ["x".repeat(201), "--name must be at most 200 characters (got 201)"],
  ])("%j", (name, expected) => {
    expect(checkChartName(name)).toBe(expected);
  });
});

describe("runNew", () => {
  const ids = listTemplates().map((template) => template.id);

  it("has templates to test", () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  it.each(ids)("prints template %s as a valid, pretty chart document", (id) => {
    const { output, written } = capture();
    expect(runNew({ template: id }, output)).toBe(0);
    expect(written.stderr).toBe("");
    expect(written.stdout.endsWith("}\n")).toBe(true);
    const document: unknown = JSON.parse(written.stdout);
    expect(written.stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(parseChart(document).ok).toBe(true);
  });

  it("replaces the name, trimmed", () => {
    const { output, written } = capture();
    expect(runNew({ template: ids[0] ?? "", name: "  Acme tech  " }, output)).toBe(0);
    expect(JSON.parse(written.stdout).name).toBe("Acme tech");
  });

  it("rejects a blank name", () => {
    const { output, written } = capture();
    expect(runNew({ template: ids[0] ?? "", name: "  " }, output)).toBe(2);
    expect(written).toEqual({ stdout: "", stderr: "--name must not be blank\n" });
  });

  it("lists the valid ids for an unknown template", () => {
    const { output, written } = capture();
    expect(runNew({ template: "nope" }, output)).toBe(2);
    expect(written.stdout).toBe("");
    expect(written.stderr).toBe(`unknown template "nope"; valid ids: ${ids.join(", ")}\n`);
  });
});
