import { describe, expect, it } from "vitest";
import type { ChartSource } from "./io";
import { describeJsonError, lineAndColumn, readChartFile, sourceLabel } from "./read-chart-file";

const validJson = JSON.stringify({
  format: "rolemap.chart/v1",
  name: "Acme",
  roles: [{ id: "ceo", title: "CEO" }],
  reportingLines: [],
  responsibilities: [],
  assignments: [],
});

/** A fake file system holding one file, `chart.json`, and a standard input. */
const source = (file: string | Error, stdin = ""): ChartSource => ({
  readFile: async (path) => {
    if (path !== "chart.json")
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    if (file instanceof Error) throw file;
    return file;
  },
  readStdin: async () => stdin,
});

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe("readChartFile", () => {
  it.each<[string, string, ChartSource]>([
    ["a file", "chart.json", source(validJson)],
    ["standard input", "-", source("", validJson)],
    ["a file with a byte-order mark", "chart.json", source(`\uFEFF${validJson}`)],
  ])("reads a valid chart from %s", async (_name, file, from) => {
    const result = await readChartFile(file, from);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.name).toBe("Acme");
  });

  it.each<[string, string, ChartSource, string]>([
    [
      "a missing file",
      "missing.json",
      source(validJson),
      "missing.json: cannot read file: no such file\n",
    ],
    [
      "a directory",
      "chart.json",
      source(errno("EISDIR")),
      "chart.json: cannot read file: is a directory\n",
    ],
    [
      "an unreadable file",
      "chart.json",
      source(errno("EACCES")),
      "chart.json: cannot read file: permission denied\n",
    ],
    ["an empty file", "chart.json", source(""), "chart.json: not valid JSON: the input is empty\n"],
    [
      "empty standard input",
      "-",
      source(validJson, " \n"),
      "<stdin>: not valid JSON: the input is empty\n",
    ],
    [
      "a missing comma",
      "chart.json",
      source('{\n  "a": 1\n  "b": 2\n}'),
      "chart.json: not valid JSON: Expected ',' or '}' after property value in JSON at position 13 (line 3, column 3)\n",
    ],
    [
      "a JSON array",
      "chart.json",
      source("[]"),
      "chart.json: invalid chart document (1 problem)\n  (document): Invalid input: expected object, received array\n",
    ],
  ])("reports %s", async (_name, file, from, message) => {
    expect(await readChartFile(file, from)).toEqual({
      ok: false,
      label: sourceLabel(file),
      message,
    });
  });

  it("names every problem of an invalid chart with its path", async () => {
    const document = {
      format: "rolemap.chart/v1",
      name: " ",
      roles: [{ id: "cio", title: "CIO" }],
      reportingLines: [],
      responsibilities: [{ id: "infra", name: "Infrastructure" }],
      assignments: [
        { role: "cxo", responsibility: "infra", code: "A" },
        { role: "cio", responsibility: "infra", code: "A" },
        { role: "cio", responsibility: "infra", code: "A" },
      ],
    };
    const result = await readChartFile("org/chart.json", {
      ...source(""),
      readFile: async () => JSON.stringify(document),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.message.trimEnd().split("\n");
    expect(lines[0]).toBe("org/chart.json: invalid chart document (3 problems)");
    expect(lines.slice(1).sort()).toEqual(
      [
        "  name: name must not be blank",
        '  assignments[0].role: unknown role "cxo"',
        '  assignments[2]: duplicate assignment of "A" to role "cio" on "infra" (same as assignments[1])',
      ].sort(),
    );
  });
});

describe("describeJsonError", () => {
  const parseError = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return error;
    }
    throw new Error("expected a parse error");
  };

  it.each<[string, string, RegExp]>([
    ["trailing comma", '{"a":1,}', /at position 7 \(line 1, column 8\)$/],
    [
      "unterminated string",
      '{\n"a":"x',
      /^Unterminated string in JSON at position 8 \(line 2, column 7\)$/,
    ],
    ["end of input", '{"a":', /^Unexpected end of JSON input$/],
    ["bad token", "nope", /^Unexpected token/],
  ])("%s", (_name, text, expected) => {
    expect(describeJsonError(text, parseError(text))).toMatch(expected);
  });

  it("keeps the message on one line", () => {
    const text = '{\n  "list": [ }\n    1\n  ]\n}';
    expect(describeJsonError(text, parseError(text))).not.toContain("\n");
  });
});

describe("lineAndColumn", () => {
  it.each<[string, number, number, number]>([
    ["abc", 0, 1, 1],
    ["abc", 2, 1, 3],
    ["ab\ncd", 3, 2, 1],
    ["ab\ncd\nef", 7, 3, 2],
  ])("%j at %i is line %i, column %i", (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });
});
