import type {
  Assignment,
  ChartDocument,
  LineKind,
  RaciCode,
  ReportingLine,
  Responsibility,
  Role,
  Settings,
} from "@rolemap/contract";
import { CHART_FORMAT, LINE_KINDS, RACI_CODES } from "@rolemap/contract/constants";
import fc from "fast-check";

/**
 * fast-check arbitraries for VALID `rolemap.chart/v1` documents (every one passes the
 * contract's `parseChart`), biased towards the corners the rules care about: vacant roles
 * (holder null, missing or blank), repeated titles, cycles, several solid managers,
 * several roots, a solid and a dotted line between the same pair, responsibility names
 * that collide after normalisation, roles holding several codes on one responsibility
 * and small settings so the load rules fire.
 */

/** Every generated role id starts with this, so a test can spot an id leaking into a message. */
export const ROLE_ID_PREFIX = "rid_";
/** Every generated responsibility id starts with this. */
export const RESPONSIBILITY_ID_PREFIX = "res_";

export interface ChartArbitraryOptions {
  /** Most roles in a chart (the least is 0). */
  maxRoles?: number;
  /** Most responsibilities in a chart (the least is 0). */
  maxResponsibilities?: number;
  /** Most reporting lines on top of the (partial) solid tree. */
  maxExtraLines?: number;
  /** Most assignments. */
  maxAssignments?: number;
}

/**
 * Characters of id suffixes: upper case sorts before lower case and "_" between them in
 * plain string order but not in locale order, so a locale sort shows up in the findings.
 * No "n", "e" or "w": tests rely on ids like `rid_new1` never being generated.
 */
const ID_CHARS = ["a", "b", "B", "Z", "_", "0", "9", "-", "é", "Ä"] as const;

const idSuffix = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 4 });

/** Titles repeat on purpose: the engine then tells roles apart by holder. */
const TITLES = [
  "CEO",
  "CIO",
  "CTO",
  "CISO",
  "Head of Data",
  "Engineering Manager",
  "Engineer",
  "Analyst",
] as const;

const HOLDERS = ["Dana Smith", "Alex Ng", "Sam Lee", "Kim Park", "Jo Müller"] as const;

const DEPARTMENTS = ["IT", "Security", "Data", "Finance"] as const;

/** A holder for every flavour of the contract: named, null, missing or blank (all vacant but the first). */
type HolderChoice =
  | { kind: "named"; name: string }
  | { kind: "null" }
  | { kind: "missing" }
  | { kind: "blank"; text: string };

const holderArb: fc.Arbitrary<HolderChoice> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...HOLDERS).map((name): HolderChoice => ({ kind: "named", name })),
  },
  { weight: 1, arbitrary: fc.constant<HolderChoice>({ kind: "null" }) },
  { weight: 1, arbitrary: fc.constant<HolderChoice>({ kind: "missing" }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("", "  ", "\t")
      .map((text): HolderChoice => ({ kind: "blank", text })),
  },
);

const roleFieldsArb = fc.record({
  title: fc.constantFrom(...TITLES),
  holder: holderArb,
  department: fc.option(fc.constantFrom(...DEPARTMENTS), { freq: 2 }),
  notes: fc.option(fc.constantFrom("Interim", "Shared with the group"), { freq: 4 }),
  position: fc.option(
    fc.record({
      x: fc.integer({ min: -2000, max: 2000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
    }),
    { freq: 2 },
  ),
});

type RoleFields = typeof roleFieldsArb extends fc.Arbitrary<infer T> ? T : never;

function buildRole(id: string, fields: RoleFields): Role {
  const role: Role = { id, title: fields.title };
  const { holder } = fields;
  if (holder.kind === "named") role.holder = holder.name;
  else if (holder.kind === "null") role.holder = null;
  else if (holder.kind === "blank") role.holder = holder.text;
  if (fields.department !== null) role.department = fields.department;
  if (fields.notes !== null) role.notes = fields.notes;
  if (fields.position !== null) role.position = fields.position;
  return role;
}

/**
 * Bases and decorations of responsibility names. Decorations that only change case,
 * punctuation or whitespace give the same normalised name ("Data governance",
 * "DATA  governance!", " data governance. "); "-" and "_" are removed rather than turned
 * into spaces, so "data-governance" is a near miss ("datagovernance"), not a duplicate.
 */
const NAME_BASES = [
  "Data governance",
  "Incident response",
  "Vendor management",
  "Budget",
  "Données clients",
  "Hiring",
] as const;

const NAME_DECORATIONS: readonly ((base: string) => string)[] = [
  (base) => base,
  (base) => base,
  (base) => base.toUpperCase(),
  (base) => `${base.toLowerCase()}!`,
  (base) => ` ${base.replace(" ", "  ")}. `,
  (base) => base.replace(" ", ", "),
  (base) => base.toLowerCase().replace(" ", "-"),
  (base) => base.replace(" ", "_"),
  (base) => `${base} 2`,
];

/** Names made of punctuation or blanks only: all normalise to "". */
const ODD_NAMES = ["?", "---", "  "] as const;

const responsibilityFieldsArb = fc.record({
  name: fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(fc.constantFrom(...NAME_BASES), fc.nat(NAME_DECORATIONS.length - 1))
        .map(([base, decoration]) => (NAME_DECORATIONS[decoration] ?? String)(base)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES) },
  ),
  category: fc.option(fc.constantFrom("Operations", "Innovation", "Risk"), { freq: 2 }),
  description: fc.option(fc.constant("What it covers"), { freq: 4 }),
});

type ResponsibilityFields =
  typeof responsibilityFieldsArb extends fc.Arbitrary<infer T> ? T : never;

function buildResponsibility(id: string, fields: ResponsibilityFields): Responsibility {
  const responsibility: Responsibility = { id, name: fields.name };
  if (fields.category !== null) responsibility.category = fields.category;
  if (fields.description !== null) responsibility.description = fields.description;
  return responsibility;
}

/**
 * Reporting lines over role indexes 0..count-1: a partial solid tree (role i may get a
 * solid manager below index i, so most charts look like org charts and shrink towards a
 * star under role 0) plus extra lines of both kinds anywhere (cycles, several managers,
 * both kinds between one pair). manager ≠ report by construction; repeats are dropped.
 */
function linesArb(
  count: number,
  maxExtraLines: number,
): fc.Arbitrary<[number, number, LineKind][]> {
  if (count < 2) return fc.constant([]);
  const tree = fc.array(fc.option(fc.nat(), { freq: 5 }), {
    minLength: count - 1,
    maxLength: count - 1,
  });
  const extra = fc.array(
    fc.tuple(
      fc.nat(count - 1),
      fc.integer({ min: 1, max: count - 1 }),
      fc.constantFrom(...LINE_KINDS),
    ),
    { maxLength: maxExtraLines, size: "max" },
  );
  return fc.tuple(tree, extra).map(([parents, extras]) => {
    const lines: [number, number, LineKind][] = [];
    parents.forEach((parent, i) => {
      if (parent !== null) lines.push([parent % (i + 1), i + 1, "solid"]);
    });
    for (const [report, step, kind] of extras) lines.push([(report + step) % count, report, kind]);
    const seen = new Set<string>();
    return lines.filter(([manager, report, kind]) => {
      const key = `${manager}>${report}>${kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
}

function assignmentsArb(
  roles: number,
  responsibilities: number,
  maxAssignments: number,
): fc.Arbitrary<[number, number, RaciCode][]> {
  if (roles === 0 || responsibilities === 0) return fc.constant([]);
  // Never ask for more distinct assignments than there are (role, responsibility, code).
  const maxLength = Math.min(maxAssignments, roles * responsibilities * RACI_CODES.length);
  return fc.uniqueArray(
    fc.tuple(fc.nat(roles - 1), fc.nat(responsibilities - 1), fc.constantFrom(...RACI_CODES)),
    { maxLength, size: "max", selector: ([role, it, code]) => `${role}|${it}|${code}` },
  );
}

/** Every key optional; small values so the load rules fire; always within the minimums. */
const settingsArb: fc.Arbitrary<Settings | null> = fc.option(
  fc.record(
    {
      maxResponsible: fc.integer({ min: 1, max: 4 }),
      maxConsulted: fc.integer({ min: 0, max: 4 }),
      maxAccountablePerRole: fc.integer({ min: 1, max: 4 }),
      maxSpanOfControl: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: [] },
  ),
  { freq: 2 },
);

const chartNameArb = fc.constantFrom(
  "Acme technology leadership",
  "  Padded name  ",
  "Ünïcode org",
);

/** Valid chart documents; see the module comment for what they exercise. */
export function chartArbitrary(options: ChartArbitraryOptions = {}): fc.Arbitrary<ChartDocument> {
  const {
    maxRoles = 12,
    maxResponsibilities = 8,
    maxExtraLines = 16,
    maxAssignments = 40,
  } = options;
  return fc
    .record({
      roleIds: fc.uniqueArray(idSuffix, { maxLength: maxRoles, size: "max" }),
      responsibilityIds: fc.uniqueArray(idSuffix, { maxLength: maxResponsibilities, size: "max" }),
    })
    .chain(({ roleIds, responsibilityIds }) =>
      fc
        .record({
          name: chartNameArb,
          roles: fc.array(roleFieldsArb, { minLength: roleIds.length, maxLength: roleIds.length }),
          responsibilities: fc.array(responsibilityFieldsArb, {
            minLength: responsibilityIds.length,
            maxLength: responsibilityIds.length,
          }),
          lines: linesArb(roleIds.length, maxExtraLines),
          assignments: assignmentsArb(roleIds.length, responsibilityIds.length, maxAssignments),
          settings: settingsArb,
        })
        .map(({ name, roles, responsibilities, lines, assignments, settings }) => {
          const roleId = (i: number) => `${ROLE_ID_PREFIX}${roleIds[i]}`;
          const responsibilityId = (i: number) =>
            `${RESPONSIBILITY_ID_PREFIX}${responsibilityIds[i]}`;
          const document: ChartDocument = {
            format: CHART_FORMAT,
            name,
            roles: roles.map((fields, i) => buildRole(roleId(i), fields)),
            reportingLines: lines.map(
              ([manager, report, kind]): ReportingLine => ({
                manager: roleId(manager),
                report: roleId(report),
                kind,
              }),
            ),
            responsibilities: responsibilities.map((fields, i) =>
              buildResponsibility(responsibilityId(i), fields),
            ),
            assignments: assignments.map(
              ([role, it, code]): Assignment => ({
                role: roleId(role),
                responsibility: responsibilityId(it),
                code,
              }),
            ),
          };
          if (settings !== null) document.settings = settings;
          return document;
        }),
    );
}

/** Small charts (0–12 roles, 0–8 responsibilities): quick to check, shrink well. */
export const smallChartArbitrary: fc.Arbitrary<ChartDocument> = chartArbitrary();

/** Larger charts (0–60 roles, 0–40 responsibilities) for fewer, heavier runs. */
export const largeChartArbitrary: fc.Arbitrary<ChartDocument> = chartArbitrary({
  maxRoles: 60,
  maxResponsibilities: 40,
  maxExtraLines: 90,
  maxAssignments: 400,
});

/** A permutation of `items` (a new array; the input is not touched). */
export function shuffle<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/** The same chart with every array (roles, lines, responsibilities, assignments) shuffled. */
export function shuffledChart(document: ChartDocument): fc.Arbitrary<ChartDocument> {
  return fc
    .record({
      roles: shuffle(document.roles),
      reportingLines: shuffle(document.reportingLines),
      responsibilities: shuffle(document.responsibilities),
      assignments: shuffle(document.assignments),
    })
    .map((arrays) => ({ ...document, ...arrays }));
}
