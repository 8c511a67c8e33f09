import { headerKey } from "../text/cells";

/**
 * Recognises the columns of an org list by their header, in any case, spacing or
 * punctuation ("Job Title", "job_title", "JOB-TITLE" are one name). Each field has a list
 * of header names, most specific first: when a file has two columns for one field (say
 * "Job title" and "Position"), the better-ranked name wins and the other is ignored.
 */

export type OrgField =
  | "id"
  | "name"
  | "firstName"
  | "lastName"
  | "title"
  | "email"
  | "department"
  /** A manager given by ID, email or name, tried in that order. */
  | "manager"
  | "managerId"
  | "managerEmail";

const ALIASES: Record<OrgField, readonly string[]> = {
  id: [
    "employee id",
    "id",
    "employee number",
    "employee no",
    "emp id",
    "emp no",
    "staff id",
    "staff number",
    "person id",
    "personnel number",
    "worker id",
    "user id",
    "position id",
    "role id",
  ],
  name: [
    "name",
    "full name",
    "employee name",
    "employee full name",
    "display name",
    "employee",
    "person",
    "staff name",
    "worker",
    "worker name",
    "holder",
    "incumbent",
  ],
  firstName: ["first name", "firstname", "given name", "forename"],
  lastName: ["last name", "lastname", "surname", "family name"],
  title: [
    "job title",
    "title",
    "position title",
    "business title",
    "role title",
    "job",
    "job name",
    "job role",
    "role",
    "position",
    "designation",
  ],
  email: [
    "work email",
    "email",
    "e mail",
    "email address",
    "e mail address",
    "work email address",
    "business email",
    "corporate email",
    "mail",
  ],
  department: [
    "department",
    "dept",
    "department name",
    "team",
    "division",
    "business unit",
    "org unit",
    "organisational unit",
    "organizational unit",
    "organisation unit",
    "organization unit",
    "unit",
    "function",
    "group",
  ],
  manager: [
    "manager",
    "manager name",
    "reports to",
    "reports to name",
    "reporting to",
    "line manager",
    "line manager name",
    "direct manager",
    "managers name",
    "manager full name",
    "supervisor",
    "supervisor name",
    "boss",
  ],
  managerId: [
    "manager id",
    "manager employee id",
    "manager employee number",
    "manager number",
    "manager no",
    "reports to id",
    "line manager id",
    "supervisor id",
    "manager position id",
    "parent id",
  ],
  managerEmail: [
    "manager email",
    "manager e mail",
    "manager email address",
    "manager work email",
    "reports to email",
    "line manager email",
    "supervisor email",
  ],
};

/** Words HR systems put before a field name ("Employee Email", "Worker Department"). */
const PREFIXES = ["employee ", "worker ", "staff ", "person "];

const BY_ALIAS = new Map<string, { field: OrgField; rank: number }>();
for (const [field, aliases] of Object.entries(ALIASES) as [OrgField, readonly string[]][])
  aliases.forEach((alias, rank) => {
    BY_ALIAS.set(alias, { field, rank });
  });

/** Which field a header names, or undefined for a column the import ignores. */
export function recogniseHeader(header: string): { field: OrgField; rank: number } | undefined {
  const key = headerKey(header);
  const direct = BY_ALIAS.get(key);
  if (direct !== undefined) return direct;
  const prefix = PREFIXES.find((candidate) => key.startsWith(candidate));
  return prefix === undefined ? undefined : BY_ALIAS.get(key.slice(prefix.length));
}

export interface OrgColumn {
  index: number;
  /** The header as the file spells it (trimmed), for problems. */
  header: string;
}

export type OrgColumns = Partial<Record<OrgField, OrgColumn>>;

export function recogniseOrgColumns(headers: readonly string[]): OrgColumns {
  const columns: OrgColumns = {};
  const ranks = new Map<OrgField, number>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const match = recogniseHeader(header);
    if (match === undefined) return;
    const best = ranks.get(match.field);
    if (best !== undefined && best <= match.rank) return;
    ranks.set(match.field, match.rank);
    columns[match.field] = { index, header };
  });
  return columns;
}

/** Header names to suggest when a required column is missing. */
export const TITLE_EXAMPLES = ['"Title"', '"Job title"', '"Position"'] as const;
