import { csvField } from "../csv/write-csv";

/**
 * A deterministic, realistic org list for tests and the benchmark: one solid tree built
 * breadth first with spans of 3–8, about 2% vacant positions, unique names, quoted
 * departments with commas, and managers referenced in one "Reports To" column by
 * employee ID, work email or name in turn, so every kind of lookup is exercised.
 */
export interface GenerateOrgCsvOptions {
  rows: number;
  seed: number;
}

const FIRST = ["Ana", "Ben", "Chloé", "Dev", "Emma", "Femi", "Gus", "Hana", "Ivo", "Jon"];
const LAST = ["Alvarez", "Brown", "Chen", "Dubois", "Evans", "Fischer", "García", "Huang"];
const TITLES = ["Engineer", "Analyst", "Team Lead", 'Architect "Platform"', "Manager"];
const DEPARTMENTS = ["IT", "Data", "Sales, EMEA", "Security", "Finance"];
const INITIALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** mulberry32: a small seeded generator of floats in [0, 1). */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The person at an index; unique for up to 10 × 8 × 26 × 100 people. */
function personName(index: number): string {
  const first = FIRST[index % FIRST.length];
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length];
  const initial = INITIALS[Math.floor(index / (FIRST.length * LAST.length)) % INITIALS.length];
  const round = Math.floor(index / (FIRST.length * LAST.length * INITIALS.length));
  return `${first} ${initial}. ${last}${round === 0 ? "" : ` ${round + 1}`}`;
}

export function generateOrgCsv({ rows, seed }: GenerateOrgCsvOptions): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = ["Employee ID,Name,Job Title,Reports To,Department,Work Email"];
  const people: { id: string; name: string; email: string }[] = [];
  let manager = 0;
  let span = 0;
  let spanLimit = 3 + Math.floor(random() * 6);
  for (let index = 0; index < rows; index += 1) {
    const vacant = index > 0 && random() < 0.02;
    const name = vacant ? "" : personName(index);
    const id = `E${String(index + 1).padStart(6, "0")}`;
    const email = vacant ? "" : `${id.toLowerCase()}@example.com`;
    people.push({ id, name, email });
    let reportsTo = "";
    if (index > 0) {
      const boss = people[manager];
      if (boss === undefined) throw new Error(`no manager at ${manager}`);
      const byName = index % 3 === 2 && boss.name !== "";
      const byEmail = index % 3 === 1 && boss.email !== "";
      reportsTo = byName ? boss.name : byEmail ? boss.email : boss.id;
      span += 1;
      if (span === spanLimit) {
        manager += 1;
        span = 0;
        spanLimit = 3 + Math.floor(random() * 6);
      }
    }
    const title = index === 0 ? "CEO" : pick(TITLES);
    lines.push([id, name, title, reportsTo, pick(DEPARTMENTS), email].map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
