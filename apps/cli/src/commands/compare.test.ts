import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChartDocument, Comparison } from "@rolemap/contract";
import pc from "picocolors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanChart } from "../../test/charts";
import { EXIT } from "../exit-codes";
import type { CommandIO } from "../io";
import { formatComparison, runCompare } from "./compare";

/**
 * `rolemap compare A B` in-process, with files served from memory: the scenario moves the
 * CTO under the CFO and leaves platform engineering without an accountable role.
 */
const scenario: ChartDocument = {
  ...cleanChart,
  name: "CTO under CFO",
  reportingLines: [
    { manager: "ceo", report: "cfo", kind: "solid" },
    { manager: "cfo", report: "cto", kind: "solid" },
  ],
  assignments: cleanChart.assignments.filter(
    (cell) => !(cell.responsibility === "platform" && cell.code === "A"),
  ),
};

interface Run {
  code: number;
  stdout: string;
  bytes: Uint8Array;
  stderr: string;
}

async function compare(args: [string, string], flags = {}, tty = false): Promise<Run> {
  const files: Record<string, string> = {
    "chart.json": JSON.stringify(cleanChart),
    "scenario.json": JSON.stringify(scenario),
    "broken.json": "{ not json",
  };
  const out: Uint8Array[] = [];
  let stderr = "";
  const io: CommandIO = {
    stdout: (chunk) =>
      out.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk),
    stderr: (chunk) => {
      stderr += String(chunk);
    },
    colors: pc.createColors(false),
    stdoutIsTTY: tty,
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      return text;
    },
    readStdin: async () => JSON.stringify(scenario),
  };
  const code = await runCompare(args[0], args[1], flags, io);
  const bytes = new Uint8Array(Buffer.concat(out));
  return { code, stdout: new TextDecoder().decode(bytes), bytes, stderr };
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rolemap-compare-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("rolemap compare", { timeout: 60_000 }, () => {
  it("prints what B changes in words, and exits 1 when B opens an error finding", async () => {
    const run = await compare(["chart.json", "scenario.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(EXIT.findings);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Clean chart → CTO under CFO");
    expect(run.stdout).toContain("  ↳ Moved    CTO: CEO → CFO");
    expect(run.stdout).toContain("  Δ Changed  Platform engineering: CTO A/R → R");
    expect(run.stdout).toMatch(/ {2}✗ New {6}error {4}raci\/no-accountable {2}Nobody/);
    expect(run.stdout.endsWith("\n")).toBe(true);
  });

  it("exits 0 when B opens no error, and says when nothing changed", async () => {
    const back = await compare(["scenario.json", "chart.json"]);
    expect(back.code).toBe(EXIT.ok);
    expect(back.stdout).toContain("✓ Fixed");
    const same = await compare(["chart.json", "chart.json"]);
    expect(same.code).toBe(EXIT.ok);
    expect(same.stdout).toContain("No changes: the two charts are the same.");
  });

  it("prints the diff as JSON, the API's compare diff", async () => {
    const run = await compare(["chart.json", "-"], { format: "json" });
    const diff = JSON.parse(run.stdout) as Comparison;
    expect(diff.roles.moved).toEqual([{ id: "cto", title: "CTO", from: "ceo", to: "cfo" }]);
    expect(diff.findings.new.map((finding) => finding.rule)).toEqual(["raci/no-accountable"]);
  });

  it("writes the PDF for a deck to --out, and an SVG to stdout", async () => {
    const out = join(dir, "comparison.pdf");
    const run = await compare(["chart.json", "scenario.json"], { format: "pdf", out }, true);
    expect(run.stdout).toBe("");
    expect((await readFile(out)).subarray(0, 5).toString()).toBe("%PDF-");
    const svg = await compare(["chart.json", "scenario.json"], { format: "svg" });
    expect(svg.stdout).toMatch(/^<svg /);
    expect(svg.stdout).toContain('data-change="moved"');
  });

  it.each([
    [["chart.json", "scenario.json"], { format: "gif" }, false, "--format: format must be one of"],
    [["-", "-"], {}, false, "only one of the two charts"],
    [
      ["chart.json", "scenario.json"],
      { format: "png" },
      true,
      "not writing a PNG file to the terminal",
    ],
    [["chart.json", "nope.json"], {}, false, "nope.json: cannot read file: no such file"],
    [["broken.json", "chart.json"], {}, false, "broken.json: not valid JSON"],
  ] as const)("exits 2 with nothing on stdout for %j %j", async (args, flags, tty, message) => {
    const run = await compare([...args], flags, tty);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it("reports a file it cannot write", async () => {
    const run = await compare(["chart.json", "scenario.json"], {
      format: "svg",
      out: join(dir, "no-such-dir", "x.svg"),
    });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain("cannot write file");
  });
});

describe("formatComparison", () => {
  it("colours each kind of change when colour is on, and only then", async () => {
    const { compareCharts } = await import("@rolemap/domain");
    const diff = compareCharts(cleanChart, scenario);
    const coloured = formatComparison(cleanChart, scenario, diff, pc.createColors(true));
    const plain = formatComparison(cleanChart, scenario, diff, pc.createColors(false));
    expect(coloured).toContain("\u001b[");
    expect(plain).not.toContain("\u001b[");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing colour codes is the point
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });
});
