import type {
  Assignment,
  ChartDocument,
  RaciCode,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";

/**
 * A deterministic, realistic large chart for benchmarks (no Math.random: the same options
 * give the same document, byte for byte):
 * - roles form one solid tree, built breadth first with spans of 3–8 (so role i's
 *   managers all have smaller numbers), about 2% of them vacant;
 * - about 5% extra dotted lines, each from a role to someone earlier in the tree
 *   (never a cycle), never doubling the role's solid line;
 * - responsibilities with a few near-duplicate names, so the catalogue rule has work;
 * - assignments: nearly every responsibility has one A (a few have none or two) held by a
 *   manager, 1–3 R roles, two thirds of them below the A in the tree and the rest
 *   anywhere (mostly outside the A's chain), then C, I and S roles (mostly I, and
 *   seldom a role that both does and is told) up to the requested total. No (role, responsibility,
 *   code) repeats, so the document is valid input.
 */
export interface GenerateChartOptions {
  roles: number;
  responsibilities: number;
  assignments: number;
  seed: number;
}

/** mulberry32: a small, fast, seeded 32-bit generator; floats in [0, 1). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max], both included. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };
  return { next, int, pick, chance: (probability: number) => next() < probability };
}

const LEVEL_TITLES = [
  "Chief Executive",
  "Vice President",
  "Director",
  "Head",
  "Manager",
  "Lead",
  "Engineer",
];
const AREAS = [
  "Infrastructure",
  "Security",
  "Data",
  "Platform",
  "Product",
  "Finance",
  "Operations",
  "Architecture",
];
const TOPICS = [
  "governance",
  "incident response",
  "capacity planning",
  "vendor management",
  "budgeting",
  "hiring",
  "compliance",
  "roadmap",
];

export function generateChart(options: GenerateChartOptions): ChartDocument {
  const { roles: roleCount, responsibilities: responsibilityCount, assignments: total } = options;
  const random = createRandom(options.seed);
  const roleId = (i: number) => `role-${i}`;

  // Solid tree, breadth first.
  const parent = new Int32Array(roleCount).fill(-1);
  const depth = new Int32Array(roleCount);
  const children: number[][] = Array.from({ length: roleCount }, () => []);
  const lines: ReportingLine[] = [];
  for (let manager = 0, next = 1; next < roleCount; manager++) {
    const span = random.int(3, 8);
    for (let k = 0; k < span && next < roleCount; k++, next++) {
      parent[next] = manager;
      depth[next] = (depth[manager] ?? 0) + 1;
      children[manager]?.push(next);
      lines.push({ manager: roleId(manager), report: roleId(next), kind: "solid" });
    }
  }

  const roles: Role[] = Array.from({ length: roleCount }, (_, i) => {
    const level = LEVEL_TITLES[Math.min(depth[i] ?? 0, LEVEL_TITLES.length - 1)];
    const role: Role = {
      id: roleId(i),
      title: i === 0 ? "Chief Executive" : `${level} of ${random.pick(AREAS)} ${i}`,
      holder: random.chance(0.02) ? null : `Person ${i}`,
    };
    if (random.chance(0.5)) role.department = random.pick(AREAS);
    return role;
  });

  // Dotted lines: about 5% of roles get one to an earlier role that is not their manager.
  const dotted = new Set<string>();
  for (let tries = 0; dotted.size < Math.round(roleCount * 0.05) && tries < roleCount; tries++) {
    const report = random.int(1, roleCount - 1);
    const manager = random.int(0, report - 1);
    const key = `${manager}>${report}`;
    if (manager === parent[report] || dotted.has(key)) continue;
    dotted.add(key);
    lines.push({ manager: roleId(manager), report: roleId(report), kind: "dotted" });
  }

  const responsibilities: Responsibility[] = Array.from({ length: responsibilityCount }, (_, i) => {
    const area = random.pick(AREAS);
    const name = `${area} ${random.pick(TOPICS)} ${i}`;
    return { id: `resp-${i}`, name, category: area };
  });
  // A few near duplicates ("Data governance 7" vs "data governance 7!").
  for (let i = 0; i < responsibilityCount; i += 97) {
    const original = responsibilities[i];
    const copy = responsibilities[i + 1];
    if (original !== undefined && copy !== undefined) copy.name = `${original.name.toLowerCase()}!`;
  }

  const managers = roles.map((_, i) => i).filter((i) => (children[i]?.length ?? 0) > 0);
  const below = (from: number) => {
    let node = from;
    for (let steps = random.int(1, 3); steps > 0; steps--) {
      const reports = children[node];
      if (reports === undefined || reports.length === 0) break;
      node = random.pick(reports);
    }
    return node;
  };

  const assignments: Assignment[] = [];
  for (let it = 0; it < responsibilityCount; it++) {
    const responsibility = `resp-${it}`;
    const taken = new Set<string>();
    const doers = new Set<number>();
    const told = new Set<number>();
    const assign = (role: number, code: RaciCode) => {
      const key = `${role}:${code}`;
      if (taken.has(key)) return false;
      taken.add(key);
      if (code === "C" || code === "I") told.add(role);
      else doers.add(role);
      assignments.push({ role: roleId(role), responsibility, code });
      return true;
    };

    const roll = random.next();
    const accountable = managers.length > 0 ? random.pick(managers) : 0;
    if (roleCount > 0 && roll >= 0.02) assign(accountable, "A");
    if (roleCount > 1 && roll >= 0.98) assign(random.int(0, roleCount - 1), "A");

    const responsibleCount = roleCount === 0 || random.chance(0.03) ? 0 : random.int(1, 3);
    for (let k = 0; k < responsibleCount; k++)
      assign(random.chance(2 / 3) ? below(accountable) : random.int(0, roleCount - 1), "R");

    // The rest of the budget, spread evenly over the responsibilities still to come.
    const quota = Math.round((total - assignments.length) / (responsibilityCount - it));
    for (let added = 0, tries = 0; added < quota && tries < quota * 4; tries++) {
      const code = random.chance(0.7) ? "I" : random.chance(0.5) ? "C" : "S";
      const role = random.chance(0.5) ? below(accountable) : random.int(0, roleCount - 1);
      // A role seldom both does (A, R, S) and is told (C, I): raci/conflicting-codes.
      const conflicts = code === "S" ? told.has(role) : doers.has(role);
      if (conflicts && !random.chance(0.05)) continue;
      if (roleCount > 0 && assign(role, code)) added++;
    }
  }

  return {
    format: "rolemap.chart/v1",
    name: `Generated chart (${roleCount} roles, seed ${options.seed})`,
    roles,
    reportingLines: lines,
    responsibilities,
    assignments,
  };
}
