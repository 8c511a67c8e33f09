import type { ChartDocument, RaciCode } from "@rolemap/contract";
import { useId } from "react";
import { shortTitle, sortCodes } from "../matrix/codes";
import styles from "./ComparePage.module.css";
import { type CellChange, cellKey, type Names } from "./describe-changes";

type CodeState = "kept" | "added" | "removed";

/** Each code of a changed cell, before and after together, in display order. */
export function codesOfChange(change: CellChange): { code: RaciCode; state: CodeState }[] {
  const added = new Set(change.added);
  const removed = new Set(change.removed);
  return sortCodes([...change.before, ...change.after]).map((code) => ({
    code,
    state: added.has(code) ? "added" : removed.has(code) ? "removed" : "kept",
  }));
}

/** "was R, now A/R (A added)" for people and screen readers. */
export function describeCellChange(change: CellChange): string {
  const codes = (list: readonly RaciCode[]) =>
    list.length === 0 ? "none" : sortCodes(list).join("/");
  const parts = [
    ...change.added.map((code) => `${code} added`),
    ...change.removed.map((code) => `${code} removed`),
  ];
  return `was ${codes(change.before)}, now ${codes(change.after)} (${parts.join(", ")})`;
}

const unique = (ids: Iterable<string>) => [...new Set(ids)];

/** The ids in the order the documents list them (the second chart's first). */
function inOrder(ids: ReadonlySet<string>, ...orders: readonly (readonly { id: string }[])[]) {
  return unique(orders.flatMap((list) => list.map((item) => item.id)).filter((id) => ids.has(id)));
}

/**
 * The matrix where it changed: the rows and roles with a changed cell, each changed cell
 * marked code by code (+A added, −R removed, struck through), the others as they are in
 * the second chart.
 */
export function CellChanges({
  changes,
  before,
  after,
  names,
}: {
  changes: readonly CellChange[];
  before: ChartDocument;
  after: ChartDocument;
  names: Names;
}) {
  const captionId = useId();
  const rows = inOrder(
    new Set(changes.map((change) => change.responsibility)),
    after.responsibilities,
    before.responsibilities,
  );
  const roles = inOrder(new Set(changes.map((change) => change.role)), after.roles, before.roles);
  const changed = new Map(
    changes.map((change) => [cellKey(change.role, change.responsibility), change]),
  );
  const current = new Map<string, RaciCode[]>();
  for (const { role, responsibility, code } of after.assignments) {
    const key = cellKey(role, responsibility);
    current.set(key, [...(current.get(key) ?? []), code]);
  }

  return (
    // A wide table scrolls: its region is reached by keyboard to scroll it.
    <section
      className={styles.matrixScroller}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be keyboard-reachable (WCAG 2.1.1).
      tabIndex={0}
      aria-labelledby={captionId}
      data-testid="cell-changes"
    >
      <table className={styles.matrix}>
        <caption id={captionId} className="visually-hidden">
          Changed matrix cells: the rows and roles with a change
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              Responsibility
            </th>
            {roles.map((role) => (
              <th key={role} scope="col" title={names.role(role)} className={styles.roleHeader}>
                {shortTitle(names.role(role))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              <th scope="row" className={styles.rowHeader}>
                {names.responsibility(row)}
              </th>
              {roles.map((role) => {
                const key = cellKey(role, row);
                const change = changed.get(key);
                if (change === undefined)
                  return (
                    <td key={role} className={styles.cell}>
                      {sortCodes(current.get(key) ?? []).join("/")}
                    </td>
                  );
                return (
                  <td
                    key={role}
                    className={`${styles.cell} ${styles.changedCell}`}
                    data-testid={`changed-cell-${role}-${row}`}
                    title={`${names.role(role)} – ${names.responsibility(row)}: ${describeCellChange(change)}`}
                  >
                    <span className="visually-hidden">
                      {names.role(role)} – {names.responsibility(row)}: {describeCellChange(change)}
                    </span>
                    <span aria-hidden="true" className={styles.codes}>
                      {codesOfChange(change).map(({ code, state }) => (
                        <span key={code} className={styles.code} data-state={state}>
                          {state === "added" ? "+" : state === "removed" ? "−" : ""}
                          {code}
                        </span>
                      ))}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
