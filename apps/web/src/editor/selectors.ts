import type { Finding } from "@rolemap/contract";
import { hasAccess } from "../auth/access";
import type { EditorState } from "./types";

/**
 * Ready-made selectors for `useEditorSelector`. Each returns a value that keeps its identity
 * while the part of the state it reads is unchanged, so components re-render only on
 * changes that concern them.
 */

export const selectDocument = (s: EditorState) => s.document;
export const selectRoles = (s: EditorState) => s.document.roles;
export const selectReportingLines = (s: EditorState) => s.document.reportingLines;
export const selectResponsibilities = (s: EditorState) => s.document.responsibilities;
export const selectAssignments = (s: EditorState) => s.document.assignments;
export const selectChartName = (s: EditorState) => s.document.name;
export const selectFindings = (s: EditorState) => s.findings;
export const selectSelection = (s: EditorState) => s.selection;
export const selectSave = (s: EditorState) => s.save;
export const selectHistory = (s: EditorState) => s.history;
export const selectNotice = (s: EditorState) => s.notice;
export const selectAccess = (s: EditorState) => s.access;
/**
 * `edit` or `owner`, and not locked by the owner against this person: the chart may be
 * changed here now (otherwise the page is read-only).
 */
export const selectCanEdit = (s: EditorState) =>
  hasAccess(s.access, "edit") && (!s.lock.locked || s.access === "owner");
export const selectConnection = (s: EditorState) => s.connection;
export const selectLock = (s: EditorState) => s.lock;
export const selectMe = (s: EditorState) => s.me;
/** Only the owner renames, deletes and shares the chart. */
export const selectIsOwner = (s: EditorState) => s.access === "owner";

/** One role by id (the same object until that role changes), or undefined. */
export const selectRole = (id: string) => (s: EditorState) =>
  s.document.roles.find((role) => role.id === id);

export const selectIsRoleSelected = (id: string) => (s: EditorState) =>
  s.selection.roles.includes(id);

export const selectIsResponsibilitySelected = (id: string) => (s: EditorState) =>
  s.selection.responsibilities.includes(id);

export interface FindingIndex {
  byRole: ReadonlyMap<string, readonly Finding[]>;
  byResponsibility: ReadonlyMap<string, readonly Finding[]>;
}

const EMPTY: readonly Finding[] = [];
const indexes = new WeakMap<readonly Finding[], FindingIndex>();

/** Findings by role id and by responsibility id; computed once per findings list. */
export function selectFindingIndex(s: EditorState): FindingIndex {
  const cached = indexes.get(s.findings);
  if (cached !== undefined) return cached;
  const byRole = new Map<string, Finding[]>();
  const byResponsibility = new Map<string, Finding[]>();
  const add = (map: Map<string, Finding[]>, id: string, finding: Finding) => {
    const list = map.get(id);
    if (list === undefined) map.set(id, [finding]);
    else list.push(finding);
  };
  for (const finding of s.findings) {
    for (const id of finding.roles) add(byRole, id, finding);
    for (const id of finding.responsibilities) add(byResponsibility, id, finding);
  }
  const index = { byRole, byResponsibility };
  indexes.set(s.findings, index);
  return index;
}

/** The findings touching one role; compare with `shallowEqual` (a new array per findings list). */
export const selectFindingsOfRole = (id: string) => (s: EditorState) =>
  selectFindingIndex(s).byRole.get(id) ?? EMPTY;

export const selectFindingsOfResponsibility = (id: string) => (s: EditorState) =>
  selectFindingIndex(s).byResponsibility.get(id) ?? EMPTY;

/** How many findings touch one role: a number, so the default comparison suffices. */
export const selectFindingCountOfRole = (id: string) => (s: EditorState) =>
  selectFindingIndex(s).byRole.get(id)?.length ?? 0;
