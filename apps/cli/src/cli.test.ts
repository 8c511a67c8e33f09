/**
 * End-to-end tests: run the real `bin/rolemap.js` in a child process, on files written to a
 * fresh temporary directory, and check exit codes, stdout and stderr.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FindingsResponseSchema, parseChart, SEVERITIES } from "@rolemap/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import {
  cleanChart,
  invalidChart,
  invalidChartPaths,
  manyFindingsChart,
  manyFindingsRules,
  warningsOnlyChart,
} from "../test/charts";

const binPath = fileURLToPath(new URL("../bin/rolemap.js", import.meta.url));
const specExamplePath = fileURLToPath(
  new URL("../test/fixtures/spec-example.json", import.meta.url),
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
const ANSI = /\u001b\[/;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir = "";

/** Runs `rolemap ...args` in the temporary directory; `input` goes to its standard input. */
function rolemap(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  // Colour decisions must come from each test, not from the environment running vitest.
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [binPath, ...args],
      { cwd: dir, env: { ...env, ...options.env }, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error && child.exitCode === null) reject(error);
        else resolve({ code: child.exitCode, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? "");
  });
}

const write = (name: string, content: unknown) =>
  writeFile(
    join(dir, name),
    typeof content === "string" ? content : JSON.stringify(content, null, 2),
  );

const ruleIds = (stdout: string) =>
  FindingsResponseSchema.parse(JSON.parse(stdout)).findings.map((finding) => finding.rule);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rolemap-cli-"));
  await write("spec-example.json", await readFile(specExamplePath, "utf8"));
  await write("clean.json", cleanChart);
  await write("warnings.json", warningsOnlyChart);
  await write("many.json", manyFindingsChart);
  await write("invalid.json", invalidChart);
  await write(
    "broken.json",
    '{\n  "format": "rolemap.chart/v1",\n  "name": "Broken"\n  "roles": []\n}\n',
  );
});

afterAll(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

describe("rolemap validate", { timeout: 30_000 }, () => {
  it("reports the spec's example chart by severity and exits 1 for its errors", async () => {
    const { code, stdout, stderr } = await rolemap(["validate", "spec-example.json"]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Acme technology leadership");
    expect(lines[1]).toBe("3 roles, 3 reporting lines, 2 responsibilities, 2 assignments");
    expect(stdout).toMatch(/^Errors \(2\)\n {2}raci\/no-responsible {2}\S/m);
    expect(stdout).toMatch(/^Warnings \(1\)\n {2}raci\/vacant-accountable {2}\S/m);
    expect(stdout).toMatch(/^Info \(1\)\n {2}role\/no-ownership {2}\S/m);
    expect(stdout.endsWith("\n2 errors, 1 warning, 1 info\n")).toBe(true);
  });

  it("gives the spec example's findings as JSON", async () => {
    const { code, stdout, stderr } = await rolemap(["validate", "--json", "spec-example.json"]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const { findings } = FindingsResponseSchema.parse(JSON.parse(stdout));
    expect(
      findings.map(({ rule, roles, responsibilities }) => ({ rule, roles, responsibilities })),
    ).toEqual([
      { rule: "raci/no-responsible", roles: [], responsibilities: ["infra"] },
      { rule: "raci/no-responsible", roles: [], responsibilities: ["product"] },
      { rule: "raci/vacant-accountable", roles: ["cto"], responsibilities: ["product"] },
      { rule: "role/no-ownership", roles: ["ceo"], responsibilities: [] },
    ]);
  });

  it("says No findings for a clean chart and exits 0", async () => {
    const { code, stdout, stderr } = await rolemap(["validate", "clean.json"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^Clean chart\n/);
    expect(stdout.endsWith("\nNo findings\n")).toBe(true);
  });

  it('prints exactly {"findings":[]} for a clean chart with --json', async () => {
    expect(await rolemap(["validate", "clean.json", "--json"])).toEqual({
      code: 0,
      stdout: '{"findings":[]}\n',
      stderr: "",
    });
  });

  it("exits 0 when there are warnings and info but no errors", async () => {
    const { code, stdout } = await rolemap(["validate", "warnings.json"]);
    expect(code).toBe(0);
    expect(stdout).toContain("raci/vacant-accountable");
    expect(stdout).toContain("role/no-ownership");
    expect(stdout.endsWith("\n0 errors, 1 warning, 1 info\n")).toBe(true);
  });

  it("reports every rule a broken chart breaks and exits 1", async () => {
    const { code, stdout, stderr } = await rolemap(["validate", "many.json", "--json"]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const rules = ruleIds(stdout);
    expect(new Set(rules)).toEqual(new Set(manyFindingsRules));
    const { findings } = FindingsResponseSchema.parse(JSON.parse(stdout));
    const ranks = findings.map((finding) => SEVERITIES.indexOf(finding.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("shows the same findings in the report as in the JSON", async () => {
    const [report, json] = await Promise.all([
      rolemap(["validate", "many.json"]),
      rolemap(["validate", "many.json", "--json"]),
    ]);
    expect(report.code).toBe(1);
    const { findings } = FindingsResponseSchema.parse(JSON.parse(json.stdout));
    for (const finding of findings) expect(report.stdout).toContain(finding.message);
    const errors = findings.filter((finding) => finding.severity === "error").length;
    expect(report.stdout).toContain(`Errors (${errors})`);
  });

  it("names each problem of an invalid document on stderr, prints nothing on stdout and exits 2", async () => {
    for (const args of [
      ["validate", "invalid.json"],
      ["validate", "--json", "invalid.json"],
    ]) {
      const { code, stdout, stderr } = await rolemap(args);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      const [first, ...problems] = stderr.trimEnd().split("\n");
      expect(first).toBe(
        `invalid.json: invalid chart document (${invalidChartPaths.length} problems)`,
      );
      expect(problems.map((line) => line.slice(0, line.indexOf(": ")).trim()).sort()).toEqual(
        [...invalidChartPaths].sort(),
      );
      expect(problems).toContain('  assignments[3].role: unknown role "cxo"');
      expect(problems).toContain('  reportingLines[0].manager: unknown role "boss"');
      for (const line of problems) expect(line).toMatch(/^ {2}\S+: \S/);
    }
  });

  it("rejects a file that is not JSON with the parser's position, and exits 2", async () => {
    const { code, stdout, stderr } = await rolemap(["validate", "broken.json"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^broken\.json: not valid JSON: .*position \d+ \(line 4, column 3\)\n$/);
  });

  it("exits 2 for a missing file", async () => {
    expect(await rolemap(["validate", "missing.json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "missing.json: cannot read file: no such file\n",
    });
  });

  it("reads standard input for -", async () => {
    const input = await readFile(specExamplePath, "utf8");
    const { code, stdout } = await rolemap(["validate", "-", "--json"], { input });
    expect(code).toBe(1);
    expect(ruleIds(stdout)).toContain("raci/no-responsible");
  });

  it("names standard input in messages", async () => {
    const { code, stdout, stderr } = await rolemap(["validate", "-"], { input: "not json" });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^<stdin>: not valid JSON: /);
  });
});

describe("colour", { timeout: 30_000 }, () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["off when stdout is not a terminal", {}, false],
    ["off when not a terminal, even on CI", { CI: "true" }, false],
    ["on with FORCE_COLOR", { FORCE_COLOR: "1" }, true],
    ["off with NO_COLOR, even with FORCE_COLOR", { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
  ])("%s", async (_name, env, coloured) => {
    const { stdout } = await rolemap(["validate", "spec-example.json"], { env });
    expect(ANSI.test(stdout)).toBe(coloured);
  });

  it("never colours --json", async () => {
    const { stdout } = await rolemap(["validate", "--json", "spec-example.json"], {
      env: { FORCE_COLOR: "1" },
    });
    expect(stdout).not.toMatch(ANSI);
  });
});

describe("rolemap templates and new", { timeout: 60_000 }, () => {
  const listTemplates = async () => {
    const { code, stdout, stderr } = await rolemap(["templates", "--json"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    return JSON.parse(stdout) as {
      id: string;
      name: string;
      description: string;
      demonstrates?: string;
    }[];
  };

  it("lists template summaries as JSON", async () => {
    const templates = await listTemplates();
    expect(templates.length).toBeGreaterThan(0);
    expect(new Set(templates.map((template) => template.id)).size).toBe(templates.length);
    for (const template of templates) {
      expect(template).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          description: expect.any(String),
        }),
      );
      expect(template).not.toHaveProperty("document");
    }
  });

  it("lists templates as a table", async () => {
    const [templates, { code, stdout }] = await Promise.all([
      listTemplates(),
      rolemap(["templates"]),
    ]);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split("\n");
    expect(header).toMatch(/^ID +NAME +DESCRIPTION$/);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(
      templates.map((template) => template.id),
    );
    for (const template of templates) expect(stdout).toContain(template.name);
  });

  it("round-trips every template through new and validate", async () => {
    const templates = await listTemplates();
    await Promise.all(
      templates.map(async (template) => {
        const created = await rolemap(["new", "--template", template.id]);
        expect({ id: template.id, code: created.code, stderr: created.stderr }).toEqual({
          id: template.id,
          code: 0,
          stderr: "",
        });
        expect(parseChart(JSON.parse(created.stdout)).ok).toBe(true);
        const checked = await rolemap(["validate", "-", "--json"], { input: created.stdout });
        expect({ id: template.id, stderr: checked.stderr }).toEqual({
          id: template.id,
          stderr: "",
        });
        // Only a template that says what its findings demonstrate may have errors.
        const hasErrors = FindingsResponseSchema.parse(JSON.parse(checked.stdout)).findings.some(
          (finding) => finding.severity === "error",
        );
        expect({ id: template.id, code: checked.code }).toEqual({
          id: template.id,
          code: hasErrors ? 1 : 0,
        });
        if (template.demonstrates === undefined)
          expect({ id: template.id, hasErrors }).toEqual({ id: template.id, hasErrors: false });
      }),
    );
  });

  it("writes a file that validate accepts, with the chart name from --name", async () => {
    const [first] = await listTemplates();
    const { code, stdout } = await rolemap([
      "new",
      "--template",
      first?.id ?? "",
      "--name",
      "Acme tech",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).name).toBe("Acme tech");
    await write("new.json", stdout);
    const checked = await rolemap(["validate", "new.json"]);
    expect(checked.stderr).toBe("");
    expect(checked.stdout).toMatch(/^Acme tech\n/);
  });

  it("lists the valid ids for an unknown template and exits 2", async () => {
    const templates = await listTemplates();
    const { code, stdout, stderr } = await rolemap(["new", "--template", "no-such-template"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain('unknown template "no-such-template"');
    for (const template of templates) expect(stderr).toContain(template.id);
  });

  it("rejects a blank --name", async () => {
    const [first] = await listTemplates();
    expect(await rolemap(["new", "--template", first?.id ?? "", "--name", " "])).toEqual({
      code: 2,
      stdout: "",
      stderr: "--name must not be blank\n",
    });
  });
});

describe("rolemap usage", { timeout: 30_000 }, () => {
  it("prints the version from package.json", async () => {
    expect(await rolemap(["--version"])).toEqual({
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: "",
    });
  });

  it("prints help naming every command", async () => {
    const { code, stdout } = await rolemap(["--help"]);
    expect(code).toBe(0);
    for (const command of ["validate", "templates", "new"]) expect(stdout).toContain(command);
  });

  it.each<[string, string[], RegExp]>([
    ["an unknown option", ["validate", "--bogus", "clean.json"], /unknown option '--bogus'/],
    ["an unknown command", ["frobnicate"], /unknown command 'frobnicate'/],
    ["a missing file argument", ["validate"], /missing required argument 'file'/],
    ["a missing --template", ["new"], /required option '-t, --template <id>' not specified/],
    ["no command at all", [], /Usage: rolemap/],
  ])("exits 2 with commander's error for %s", async (_name, args, message) => {
    const { code, stdout, stderr } = await rolemap(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(message);
  });
});
