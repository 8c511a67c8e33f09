import type { Finding, Severity } from "@rolemap/contract";
import { type KeyboardEvent, useMemo, useState } from "react";
import {
  type ChartEditor,
  type Selection,
  selectFindings,
  selectSelection,
  useEditorSelector,
} from "../editor";
import styles from "./FindingsPanel.module.css";
import { countBySeverity, findingKey, groupFindings } from "./group-findings";
import { RULE_HINTS } from "./rule-hints";

/** Selections made here; the canvas and the matrix scroll to what a finding selects. */
export const FINDINGS_ORIGIN = "findings";

/** Findings listed per category before "Show all": keeps a 1,000-role chart's panel fast. */
export const FINDINGS_PER_CATEGORY = 30;

const SYMBOLS: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

const isSelectedFinding = (finding: Finding, selection: Selection) =>
  selection.origin === FINDINGS_ORIGIN &&
  sameIds(finding.roles, [...selection.roles].sort()) &&
  sameIds(finding.responsibilities, [...selection.responsibilities].sort());

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The chart's findings, errors first, by category. Clicking a finding (or Enter on it)
 * selects its roles and responsibilities everywhere; clicking it again clears that.
 */
export function FindingsPanel({ editor }: { editor: ChartEditor }) {
  const findings = useEditorSelector(editor, selectFindings);
  const selection = useEditorSelector(editor, selectSelection);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const choose = (finding: Finding) => {
    if (isSelectedFinding(finding, editor.getState().selection)) editor.clearSelection();
    else
      editor.setSelection({
        roles: finding.roles,
        responsibilities: finding.responsibilities,
        origin: FINDINGS_ORIGIN,
      });
  };

  // Up and Down move between findings (Tab still goes through them one by one).
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const panel = event.currentTarget.closest("[data-testid='findings-panel']");
    const buttons = [...(panel?.querySelectorAll<HTMLElement>("[data-rule]") ?? [])];
    const at = buttons.indexOf(event.currentTarget);
    if (at === -1) return;
    event.preventDefault();
    buttons[
      Math.min(buttons.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))
    ]?.focus();
  };

  const summary =
    findings.length === 0
      ? "No findings"
      : [
          plural(counts.error, "error", "errors"),
          plural(counts.warning, "warning", "warnings"),
          plural(counts.info, "note", "notes"),
        ].join(", ");

  return (
    <div className={styles.panel} data-testid="findings-panel">
      <p className="visually-hidden" aria-live="polite" data-testid="findings-summary">
        {summary}
      </p>
      {findings.length === 0 ? (
        <div className={styles.empty} data-testid="findings-empty">
          <span className={styles.emptyIcon} aria-hidden="true">
            ✓
          </span>
          <p className={styles.emptyTitle}>No findings</p>
          <p>
            Every area has exactly one accountable role and someone responsible, nobody is
            overloaded, and the reporting lines form one clear hierarchy.
          </p>
        </div>
      ) : (
        groups.map((group) => (
          <section
            key={group.severity}
            className={`${styles.group} ${styles[group.severity] ?? ""}`}
            aria-label={`${group.title}: ${group.count}`}
            data-testid={`findings-${group.severity}`}
          >
            <h3 className={styles.groupTitle}>
              <span className={styles.symbol} aria-hidden="true">
                {SYMBOLS[group.severity]}
              </span>
              {group.title}
              <span className={styles.groupCount}>{group.count}</span>
            </h3>
            {group.categories.map((category) => {
              const key = `${group.severity}/${category.category}`;
              const isExpanded = expanded.has(key);
              const shown = isExpanded
                ? category.findings
                : category.findings.slice(0, FINDINGS_PER_CATEGORY);
              const seen = new Map<string, number>();
              return (
                <div key={category.category} className={styles.category}>
                  <h4 className={styles.categoryTitle}>
                    {category.title}{" "}
                    <span className={styles.categoryCount}>{category.findings.length}</span>
                  </h4>
                  <ul className={styles.list}>
                    {shown.map((finding) => {
                      const base = findingKey(finding);
                      const n = (seen.get(base) ?? 0) + 1;
                      seen.set(base, n);
                      const isSelected = isSelectedFinding(finding, selection);
                      return (
                        <li key={`${base}#${n}`}>
                          <button
                            type="button"
                            className={styles.finding}
                            aria-pressed={isSelected}
                            data-rule={finding.rule}
                            data-severity={finding.severity}
                            data-testid="finding"
                            onClick={() => choose(finding)}
                            onKeyDown={onKeyDown}
                          >
                            <span className={styles.message}>{finding.message}</span>
                            <span className={styles.hint}>{RULE_HINTS[finding.rule]}</span>
                            <span className={styles.rule}>{finding.rule}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                  {category.findings.length > shown.length && (
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      onClick={() => setExpanded(new Set([...expanded, key]))}
                    >
                      Show all {category.findings.length}
                    </button>
                  )}
                </div>
              );
            })}
          </section>
        ))
      )}
    </div>
  );
}
