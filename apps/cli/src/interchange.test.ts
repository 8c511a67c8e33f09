/**
 * `rolemap export` and `rolemap import`, run as the real command in a child process on files
 * in a fresh temporary directory: exit codes, stdout bytes and stderr.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseChart } from "@rolemap/contract";
import { getTemplate } from "@rolemap/domain";
import { exportMatrixCsv } from "@rolemap/interchange";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const binPath = fileURLToPath(new URL("../bin/rolemap.js", import.meta.url));
let dir = "";

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function rolemap(args: string[], input = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [binPath, ...args],
      { cwd: dir, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && child.exitCode === null) reject(error);
        else resolve({ code: child.exitCode, stdout, stderr: stderr.toString("utf8") });
      },
    );
    child.stdin?.end(input);
  });
}

const template = getTemplate("classic-split")?.document;
if (template === undefined) throw new Error("no classic-split template");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rolemap-cli-interchange-"));
  await writeFile(join(dir, "chart.json"), JSON.stringify(template, null, 2));
  await writeFile(
    join(dir, "people.csv"),
    "\uFEFFEmployee name;Job title;Manager email;Email;Dept\r\n" +
      "Dana Smith;CEO;;dana@example.com;Board\r\n" +
      "Alex Ng;CIO;dana@example.com;alex@example.com;IT\r\n" +
      ";CISO;alex@example.com;;Security\r\n",
  );
  await writeFile(
    join(dir, "bad-people.csv"),
    "Name,Title,Reports to\nDana Smith,CEO,Alex Ng\nAlex Ng,CIO,Dana Smith\nKim,CTO,J. Doe\n",
  );
  const edited = structuredClone(template);
  edited.assignments = edited.assignments.filter((a) => a.responsibility !== "cybersecurity");
  edited.assignments.push({ role: "cto", responsibility: "cybersecurity", code: "A" });
  await writeFile(join(dir, "raci.csv"), exportMatrixCsv(edited));
});

afterAll(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

describe("rolemap export", { timeout: 60_000 }, () => {
  it("writes the chart as JSON that round-trips exactly", async () => {
    const run = await rolemap(["export", "chart.json", "--format", "json"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout.toString("utf8"))).toEqual(template);
  });

  it.each([
    ["svg", (b: Buffer) => b.toString("utf8").includes("<svg")],
    ["png", (b: Buffer) => b.subarray(1, 4).toString("latin1") === "PNG"],
    ["pdf", (b: Buffer) => b.subarray(0, 5).toString() === "%PDF-"],
    ["pptx", (b: Buffer) => b.subarray(0, 2).toString() === "PK"],
    ["xlsx", (b: Buffer) => b.subarray(0, 2).toString() === "PK"],
    ["csv", (b: Buffer) => b.toString("utf8").includes("Responsibility")],
  ])("writes %s bytes to stdout", async (format, looksRight) => {
    const run = await rolemap(["export", "chart.json", "--format", format]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(looksRight(run.stdout)).toBe(true);
  });

  it("takes PNG scale and PDF page options, and reads the chart from stdin", async () => {
    const small = await rolemap(
      ["export", "-", "--format", "png", "--scale", "1"],
      JSON.stringify(template),
    );
    const large = await rolemap(
      ["export", "-", "--format", "png", "--scale", "2"],
      JSON.stringify(template),
    );
    expect(large.stdout.readUInt32BE(16)).toBeGreaterThan(1.9 * small.stdout.readUInt32BE(16));
    const pdf = await rolemap([
      "export",
      "chart.json",
      "--format",
      "pdf",
      "--page",
      "a3",
      "--fit",
      "one-page",
    ]);
    expect(pdf.code).toBe(0);
  });

  it.each([
    [["--format", "gif"], "--format: format must be one of svg, png, pdf, pptx, json, csv, xlsx"],
    [["--format", "png", "--scale", "9"], "--scale: scale must be a number from 1 to 4"],
    [["--format", "pdf", "--page", "a5"], "--page: page must be one of a4, letter, a3"],
  ])("exits 2 for bad options %j and writes nothing", async (flags, message) => {
    const run = await rolemap(["export", "chart.json", ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toContain(message);
  });

  it("exits 2 for a missing or invalid chart file", async () => {
    const missing = await rolemap(["export", "nope.json", "--format", "svg"]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain("nope.json: cannot read file: no such file");
    const invalid = await rolemap(["export", "people.csv", "--format", "svg"]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("not valid JSON");
  });
});

describe("rolemap import", { timeout: 60_000 }, () => {
  it("makes a chart from an HR export, guessing the format", async () => {
    const run = await rolemap(["import", "people.csv", "--name", "From HR"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const parsed = parseChart(JSON.parse(run.stdout.toString("utf8")));
    if (!parsed.ok) throw new Error("import printed an invalid chart");
    expect(parsed.value.name).toBe("From HR");
    expect(parsed.value.roles.map((role) => [role.title, role.holder])).toEqual([
      ["CEO", "Dana Smith"],
      ["CIO", "Alex Ng"],
      ["CISO", null],
    ]);
    expect(parsed.value.reportingLines).toHaveLength(2);
  });

  it("names every problem with its line and prints nothing on stdout", async () => {
    const run = await rolemap(["import", "bad-people.csv"]);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toMatch(/^bad-people\.csv: cannot import as org-csv \(\d+ problems\)/);
    expect(run.stderr).toContain('"J. Doe" matches no one');
    expect(run.stderr).toMatch(/line 4/);
    expect(run.stderr).toMatch(/cycle/i);
  });

  it("merges a matrix into a chart with --into", async () => {
    const run = await rolemap(["import", "raci.csv", "--into", "chart.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const merged = JSON.parse(run.stdout.toString("utf8"));
    expect(merged.roles).toEqual(template.roles);
    expect(merged.assignments).toContainEqual({
      role: "cto",
      responsibility: "cybersecurity",
      code: "A",
    });
  });

  it("round-trips a chart through export --format json and import", async () => {
    const exported = await rolemap(["export", "chart.json", "--format", "json"]);
    const imported = await rolemap(["import", "-", "--format", "json"], exported.stdout.toString());
    expect(JSON.parse(imported.stdout.toString("utf8"))).toEqual(template);
  });

  it("exits 2 for an unknown format and for --into with an org list", async () => {
    const format = await rolemap(["import", "people.csv", "--format", "xls"]);
    expect(format).toMatchObject({ code: 2 });
    expect(format.stderr).toContain("--format must be one of org-csv, matrix-csv, json");
    const into = await rolemap([
      "import",
      "people.csv",
      "--format",
      "org-csv",
      "--into",
      "chart.json",
    ]);
    expect(into.code).toBe(2);
    expect(into.stderr).toContain("--into merges a matrix");
  });
});
