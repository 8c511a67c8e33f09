import { describe, expect, it } from "vitest";
import exampleJson from "../test/fixtures/spec-example.chart.json";
import { describeIssue, type InputIssue } from "./issues";
import { parseChart } from "./parse-chart";

// Inputs are built as plain JSON-like data and edited by JSON path, so a table row can say
// exactly which field it breaks: `withValue("roles[0].id", "")`.
type Container = Record<string | number, unknown>;

const keysOf = (path: string): (string | number)[] =>
  (path.match(/[^.[\]]+/g) ?? []).map((key) => (/^\d+$/.test(key) ? Number(key) : key));

const edit = (
  doc: Container,
  path: string,
  apply: (parent: Container, key: string | number) => void,
) => {
  const keys = keysOf(path);
  const last = keys.pop() ?? "";
  let node = doc;
  for (const key of keys) node = node[key] as Container;
  apply(node, last);
  return doc;
};

/** A fresh copy of the example document of chart-format.md. */
const example = (): Container => structuredClone(exampleJson) as Container;

/** The smallest valid chart: no roles, lines, responsibilities or assignments. */
const emptyChart = (): Container => ({
  format: "rolemap.chart/v1",
  name: "Empty",
  roles: [],
  reportingLines: [],
  responsibilities: [],
  assignments: [],
});

const withValue = (path: string, value: unknown, doc = example()) =>
  edit(doc, path, (parent, key) => {
    parent[key] = value;
  });

const without = (path: string, doc = example()) =>
  edit(doc, path, (parent, key) => {
    delete parent[key];
  });

const withAdded = (list: string, item: unknown, doc = example()) => {
  (doc[list] as unknown[]).push(item);
  return doc;
};

const issuesOf = (input: unknown): InputIssue[] => {
  const result = parseChart(input);
  if (result.ok) throw new Error(`expected invalid input, got ok: ${JSON.stringify(input)}`);
  return result.issues;
};

const keyOf = (issue: InputIssue) => `${issue.path}\u0000${issue.message}`;

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

const n = (length: number, char = "x") => char.repeat(length);

describe("parseChart", () => {
  it("accepts the example document of chart-format.md and returns it unchanged", () => {
    const input = example();
    const result = parseChart(input);
    expect(result).toStrictEqual({ ok: true, value: exampleJson });
    expect(result.ok && JSON.stringify(result.value)).toBe(JSON.stringify(exampleJson));
  });

  it("accepts the example after a JSON round trip", () => {
    expect(parseChart(JSON.parse(JSON.stringify(exampleJson))).ok).toBe(true);
  });

  it("accepts an empty chart without adding settings or any other field", () => {
    expect(parseChart(emptyChart())).toStrictEqual({ ok: true, value: emptyChart() });
  });

  it("does not touch its input (a deep-frozen document parses)", () => {
    const input = deepFreeze(example());
    expect(parseChart(input)).toStrictEqual({ ok: true, value: exampleJson });
  });

  it.each<[string, Container]>([
    ["a one-character name", withValue("name", "x")],
    ["a 200-character name", withValue("name", n(200))],
    ["a 200-character name with surrounding spaces", withValue("name", `  ${n(200)}\t `)],
    ["a 100-character role id", withValue("roles", [{ id: n(100), title: "T" }], emptyChart())],
    ["a 200-character role title", withValue("roles[0].title", n(200))],
    ["a 200-character title of astral characters", withValue("roles[0].title", n(200, "😀"))],
    [
      "a 100-character id of astral characters",
      withValue("roles", [{ id: n(100, "😀"), title: "T" }], emptyChart()),
    ],
    ["a role without holder", without("roles[0].holder")],
    ["a vacant role with a blank holder", withValue("roles[0].holder", "   ")],
    ["a role with notes", withValue("roles[0].notes", "Reports to the board")],
    ["a fractional, negative position", withValue("roles[1].position", { x: -12.5, y: 1e-3 })],
    ["non-ASCII ids", withValue("roles", [{ id: "résumé-負責人", title: "T" }], emptyChart())],
    [
      "a role and a responsibility with the same id",
      withAdded("roles", { id: "infra", title: "T" }),
    ],
    [
      "the same manager and report with both kinds",
      withAdded("reportingLines", { manager: "cto", report: "cio", kind: "solid" }),
    ],
    [
      "the same role holding A and R on one responsibility",
      withAdded("assignments", { role: "cio", responsibility: "infra", code: "R" }),
    ],
    [
      "every code on one responsibility",
      withValue("assignments", [
        { role: "ceo", responsibility: "infra", code: "R" },
        { role: "ceo", responsibility: "infra", code: "A" },
        { role: "cio", responsibility: "infra", code: "C" },
        { role: "cio", responsibility: "infra", code: "I" },
        { role: "cto", responsibility: "infra", code: "S" },
      ]),
    ],
    ["a responsibility with a description", withValue("responsibilities[0].description", "…")],
    ["a responsibility with no assignment", withValue("assignments", [])],
    ["no settings", without("settings")],
    ["empty settings", withValue("settings", {})],
    ["some settings", withValue("settings", { maxSpanOfControl: 12 })],
    [
      "every setting at its minimum (maxConsulted 0)",
      withValue("settings", {
        maxResponsible: 1,
        maxConsulted: 0,
        maxAccountablePerRole: 1,
        maxSpanOfControl: 1,
      }),
    ],
    [
      "a reporting cycle (a finding, not invalid input)",
      withAdded("reportingLines", { manager: "cio", report: "ceo", kind: "solid" }),
    ],
  ])("accepts %s and returns it unchanged", (_, input) => {
    const expected = structuredClone(input);
    expect(parseChart(input)).toStrictEqual({ ok: true, value: expected });
  });

  // [what is wrong, input, every expected issue as [path, part of the message]]
  it.each<[string, unknown, [string, string][]]>([
    // format
    ["another format", withValue("format", "rolemap.chart/v2"), [["format", "rolemap.chart/v1"]]],
    ["a missing format", without("format"), [["format", "rolemap.chart/v1"]]],
    ["a format that is not a string", withValue("format", 1), [["format", "rolemap.chart/v1"]]],
    // name
    ["an empty name", withValue("name", ""), [["name", "blank"]]],
    ["a whitespace name", withValue("name", " \t\n\u00a0"), [["name", "blank"]]],
    ["a missing name", without("name"), [["name", "must be a string"]]],
    ["a name that is not a string", withValue("name", 42), [["name", "must be a string"]]],
    ["a 201-character name", withValue("name", n(201)), [["name", "at most 200"]]],
    [
      "a 201-character name inside spaces",
      withValue("name", ` ${n(201)} `),
      [["name", "at most 200"]],
    ],
    // the four arrays
    ...(["roles", "reportingLines", "responsibilities", "assignments"] as const).flatMap(
      (key): [string, unknown, [string, string][]][] => [
        [`missing ${key}`, without(key, emptyChart()), [[key, "must be an array"]]],
        [`${key} as an object`, withValue(key, {}, emptyChart()), [[key, "must be an array"]]],
        [`${key} as null`, withValue(key, null, emptyChart()), [[key, "must be an array"]]],
      ],
    ),
    // roles
    ["an empty role id", withAdded("roles", { id: "", title: "T" }), [["roles[3].id", "empty"]]],
    [
      "a 101-character role id",
      withAdded("roles", { id: n(101), title: "T" }),
      [["roles[3].id", "at most 100"]],
    ],
    ["a numeric role id", withAdded("roles", { id: 7, title: "T" }), [["roles[3].id", "string"]]],
    [
      "a duplicate role id",
      withAdded("roles", { id: "cio", title: "Other CIO" }),
      [["roles[3].id", 'duplicate role id "cio"']],
    ],
    ["an empty title", withValue("roles[0].title", ""), [["roles[0].title", "empty"]]],
    [
      "a 201-character title",
      withValue("roles[0].title", n(201)),
      [["roles[0].title", "at most 200"]],
    ],
    ["a missing title", without("roles[2].title"), [["roles[2].title", "must be a string"]]],
    ["a numeric holder", withValue("roles[0].holder", 42), [["roles[0].holder", "string or null"]]],
    [
      "a numeric department",
      withValue("roles[1].department", 1),
      [["roles[1].department", "string"]],
    ],
    [
      "notes that are not a string",
      withValue("roles[0].notes", []),
      [["roles[0].notes", "string"]],
    ],
    [
      "position x = Infinity",
      withValue("roles[1].position.x", Number.POSITIVE_INFINITY),
      [["roles[1].position.x", "finite"]],
    ],
    [
      "position y = -Infinity",
      withValue("roles[1].position.y", Number.NEGATIVE_INFINITY),
      [["roles[1].position.y", "finite"]],
    ],
    [
      "position x = NaN",
      withValue("roles[1].position.x", Number.NaN),
      [["roles[1].position.x", "finite"]],
    ],
    [
      "a position x as a string",
      withValue("roles[1].position.x", "0"),
      [["roles[1].position.x", "finite"]],
    ],
    ["a position without y", without("roles[1].position.y"), [["roles[1].position.y", "finite"]]],
    [
      "a position with an extra key",
      withValue("roles[1].position.z", 0),
      [["roles[1].position", '"z"']],
    ],
    [
      "an unknown key in a role",
      withValue("roles[0].manager", "board"),
      [["roles[0]", '"manager"']],
    ],
    ["a role that is not an object", withAdded("roles", "cfo"), [["roles[3]", "object"]]],
    // reporting lines
    [
      "a line from an unknown manager",
      withValue("reportingLines[0].manager", "cxo"),
      [["reportingLines[0].manager", 'unknown role "cxo"']],
    ],
    [
      "a line to an unknown report",
      withValue("reportingLines[1].report", "cxo"),
      [["reportingLines[1].report", 'unknown role "cxo"']],
    ],
    [
      "a self-line",
      withAdded("reportingLines", { manager: "cio", report: "cio", kind: "dotted" }),
      [["reportingLines[3]", '"cio" cannot report to itself']],
    ],
    [
      "the same (manager, report, kind) twice",
      withAdded("reportingLines", { manager: "ceo", report: "cio", kind: "solid" }),
      [["reportingLines[3]", "reportingLines[0]"]],
    ],
    [
      "an unknown kind",
      withValue("reportingLines[2].kind", "matrix"),
      [["reportingLines[2].kind", '"solid" or "dotted"']],
    ],
    [
      "a capitalised kind",
      withValue("reportingLines[0].kind", "Solid"),
      [["reportingLines[0].kind", '"solid" or "dotted"']],
    ],
    [
      "a missing kind",
      without("reportingLines[0].kind"),
      [["reportingLines[0].kind", '"solid" or "dotted"']],
    ],
    [
      "an empty manager id",
      withValue("reportingLines[0].manager", ""),
      [
        ["reportingLines[0].manager", "empty"],
        ["reportingLines[0].manager", 'unknown role ""'],
      ],
    ],
    [
      "an unknown key in a line",
      withValue("reportingLines[0].since", "2024"),
      [["reportingLines[0]", '"since"']],
    ],
    // responsibilities
    [
      "a duplicate responsibility id",
      withAdded("responsibilities", { id: "infra", name: "Infrastructure again" }),
      [["responsibilities[2].id", 'duplicate responsibility id "infra"']],
    ],
    [
      "an empty responsibility id",
      withAdded("responsibilities", { id: "", name: "N" }),
      [["responsibilities[2].id", "empty"]],
    ],
    [
      "a 101-character responsibility id",
      withAdded("responsibilities", { id: n(101), name: "N" }),
      [["responsibilities[2].id", "at most 100"]],
    ],
    [
      "an empty responsibility name",
      withValue("responsibilities[0].name", ""),
      [["responsibilities[0].name", "empty"]],
    ],
    [
      "a 201-character responsibility name",
      withValue("responsibilities[1].name", n(201)),
      [["responsibilities[1].name", "at most 200"]],
    ],
    [
      "a numeric category",
      withValue("responsibilities[0].category", 3),
      [["responsibilities[0].category", "string"]],
    ],
    [
      "an unknown key in a responsibility",
      withValue("responsibilities[0].owner", "cio"),
      [["responsibilities[0]", '"owner"']],
    ],
    // assignments
    [
      "an assignment to an unknown role",
      withValue("assignments[0].role", "cxo"),
      [["assignments[0].role", 'unknown role "cxo"']],
    ],
    [
      "an assignment to an unknown responsibility",
      withValue("assignments[1].responsibility", "sec"),
      [["assignments[1].responsibility", 'unknown responsibility "sec"']],
    ],
    ["code X", withValue("assignments[0].code", "X"), [["assignments[0].code", "one of"]]],
    [
      "a lower-case code",
      withValue("assignments[0].code", "a"),
      [["assignments[0].code", "one of"]],
    ],
    [
      "a two-letter code",
      withValue("assignments[0].code", "AR"),
      [["assignments[0].code", "one of"]],
    ],
    ["a missing code", without("assignments[1].code"), [["assignments[1].code", "one of"]]],
    [
      "the same (role, responsibility, code) twice",
      withAdded("assignments", { role: "cio", responsibility: "infra", code: "A" }),
      [["assignments[2]", "assignments[0]"]],
    ],
    [
      "an unknown key in an assignment",
      withValue("assignments[0].note", "temporary"),
      [["assignments[0]", '"note"']],
    ],
    // settings
    [
      "a fractional setting",
      withValue("settings.maxResponsible", 2.5),
      [["settings.maxResponsible", "integer"]],
    ],
    [
      "a setting as a string",
      withValue("settings.maxConsulted", "4"),
      [["settings.maxConsulted", "integer"]],
    ],
    [
      "a null setting",
      withValue("settings.maxSpanOfControl", null),
      [["settings.maxSpanOfControl", "integer"]],
    ],
    [
      "maxResponsible 0",
      withValue("settings.maxResponsible", 0),
      [["settings.maxResponsible", "at least 1"]],
    ],
    [
      "maxConsulted -1",
      withValue("settings.maxConsulted", -1),
      [["settings.maxConsulted", "at least 0"]],
    ],
    [
      "maxAccountablePerRole 0",
      withValue("settings.maxAccountablePerRole", 0),
      [["settings.maxAccountablePerRole", "at least 1"]],
    ],
    [
      "maxSpanOfControl 0",
      withValue("settings.maxSpanOfControl", 0),
      [["settings.maxSpanOfControl", "at least 1"]],
    ],
    ["an unknown setting", withValue("settings.maxInformed", 5), [["settings", '"maxInformed"']]],
    ["settings as an array", withValue("settings", []), [["settings", "object"]]],
    ["settings as null", withValue("settings", null), [["settings", "object"]]],
    // the document itself
    ["an unknown top-level key", withValue("version", 3), [["", '"version"']]],
    [
      "a __proto__ key from JSON.parse",
      JSON.parse(
        '{"format":"rolemap.chart/v1","name":"x","roles":[],"reportingLines":[],"responsibilities":[],"assignments":[],"__proto__":{}}',
      ),
      [["", '"__proto__"']],
    ],
  ])("rejects %s", (_, input, expected) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(expected.length);
    expect(issues).toEqual(
      expect.arrayContaining(
        expected.map(([path, message]) => ({ path, message: expect.stringContaining(message) })),
      ),
    );
  });

  it.each([
    ["reportingLines[0].manager", "cxo", 'reportingLines[0].manager: unknown role "cxo"'],
    ["reportingLines[2].report", "cxo", 'reportingLines[2].report: unknown role "cxo"'],
    ["assignments[0].role", "cxo", 'assignments[0].role: unknown role "cxo"'],
    [
      "assignments[1].responsibility",
      "sec",
      'assignments[1].responsibility: unknown responsibility "sec"',
    ],
  ])("names the unknown id in the message of %s", (path, id, line) => {
    expect(issuesOf(withValue(path, id)).map(describeIssue)).toEqual([line]);
  });

  it('reports the spec\'s own example line: assignments[3].role: unknown role "cxo"', () => {
    const input = example();
    withAdded("assignments", { role: "ceo", responsibility: "infra", code: "R" }, input);
    withAdded("assignments", { role: "cxo", responsibility: "infra", code: "C" }, input);
    expect(issuesOf(input).map(describeIssue)).toEqual(['assignments[3].role: unknown role "cxo"']);
  });

  it.each<[string, string, unknown, string]>([
    ["a value of the wrong type", "roles[0].title", 5, "roles[0].title"],
    ["an empty string", "roles[0].title", "", "roles[0].title"],
    ["a name that is too long", "name", n(201), "name"],
    ["a bad enum value", "reportingLines[0].kind", "matrix", "reportingLines[0].kind"],
    ["a bad code", "assignments[1].code", "X", "assignments[1].code"],
    ["a non-finite number", "roles[1].position.x", Number.NaN, "roles[1].position.x"],
    ["an unknown key", "roles[2].extra", true, "roles[2]"],
    ["a wrong format", "format", "v1", "format"],
    ["a bad setting", "settings.maxResponsible", 0, "settings.maxResponsible"],
  ])(
    "reports both %s and an unknown reference, each once",
    (_, brokenPath, brokenValue, issuePath) => {
      const input = withValue(brokenPath, brokenValue, withValue("assignments[0].role", "cxo"));
      const issues = issuesOf(input);
      expect(issues).toHaveLength(2);
      expect(issues.map((issue) => issue.path).sort()).toEqual(
        ["assignments[0].role", issuePath].sort(),
      );
      expect(issues).toContainEqual({ path: "assignments[0].role", message: 'unknown role "cxo"' });
    },
  );

  it("reports every problem of a badly broken document, without duplicates", () => {
    const input = example();
    withValue("name", "", input);
    withValue("roles[0].title", 9, input);
    withAdded("roles", { id: "cio", title: "Again" }, input);
    withValue("reportingLines[0].kind", "matrix", input);
    withValue("reportingLines[1].report", "ghost", input);
    withAdded("reportingLines", { manager: "cto", report: "cto", kind: "solid" }, input);
    withValue("assignments[0].code", "Z", input);
    withAdded("assignments", { role: "cto", responsibility: "product", code: "A" }, input);
    withAdded("assignments", { role: "ceo", responsibility: "nothing", code: "I" }, input);
    withValue("settings.maxConsulted", -2, input);
    const issues = issuesOf(input);
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        "name",
        "roles[0].title",
        "roles[3].id",
        "reportingLines[0].kind",
        "reportingLines[1].report",
        "reportingLines[3]",
        "assignments[0].code",
        "assignments[2]",
        "assignments[3].responsibility",
        "settings.maxConsulted",
      ].sort(),
    );
    expect(new Set(issues.map(keyOf)).size).toBe(issues.length);
  });

  it("still knows the id of a malformed role, so references to it are not reported", () => {
    const issues = issuesOf(withValue("roles[1].title", ""));
    expect(issues).toEqual([{ path: "roles[1].title", message: expect.stringContaining("empty") }]);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["an array", [exampleJson]],
    ["a string", JSON.stringify(exampleJson)],
    ["a number", 42],
    ["a boolean", true],
  ])("gives one issue at the document root for %s", (_, input) => {
    const issues = issuesOf(input);
    expect(issues).toEqual([{ path: "", message: expect.stringContaining("object") }]);
    expect(describeIssue(issues[0] as InputIssue)).toMatch(/^\(document\): /);
  });

  it("gives one issue per missing field for an empty object", () => {
    expect(issuesOf({}).map((issue) => issue.path)).toEqual([
      "format",
      "name",
      "roles",
      "reportingLines",
      "responsibilities",
      "assignments",
    ]);
  });

  it("counts the chart name in characters like every other limit", () => {
    expect(parseChart(withValue("name", n(200, "😀"))).ok).toBe(true);
    expect(parseChart(withValue("name", n(201, "😀"))).ok).toBe(false);
  });
});
