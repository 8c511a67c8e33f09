import type { Severity } from "@rolemap/contract";
import { useMemo } from "react";
import { type ChartEditor, selectFindings, useEditorSelector } from "../editor";
import styles from "./FindingsStrip.module.css";
import { countBySeverity, findingKey } from "./group-findings";

/** Findings whose messages the strip shows: what a room reads at a glance. */
export const STRIP_FINDINGS = 3;

const SYMBOLS: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };
const WORDS: Record<Severity, [string, string]> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The findings in large type along the bottom of the presentation view: the counts by
 * severity and the first findings' messages (errors first, the contract's order). Live:
 * it reads the editor state, so a change anyone makes shows here at once.
 */
export function FindingsStrip({ editor }: { editor: ChartEditor }) {
  const findings = useEditorSelector(editor, selectFindings);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const top = findings.slice(0, STRIP_FINDINGS);
  return (
    <section className={styles.strip} aria-label="Findings" data-testid="findings-strip">
      <p className={styles.counts} aria-live="polite" data-testid="findings-strip-counts">
        {findings.length === 0 ? (
          <span className={`${styles.count} ${styles.ok}`}>
            <span aria-hidden="true">✓</span> No findings
          </span>
        ) : (
          SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
            <span key={severity} className={styles.count} data-severity={severity}>
              <span aria-hidden="true">{SYMBOLS[severity]}</span> {counts[severity]}{" "}
              {WORDS[severity][counts[severity] === 1 ? 0 : 1]}
            </span>
          ))
        )}
      </p>
      {top.length > 0 && (
        <ol className={styles.list}>
          {top.map((finding) => (
            <li
              key={findingKey(finding)}
              className={styles.finding}
              data-severity={finding.severity}
              title={finding.message}
            >
              <span className={styles.symbol} aria-hidden="true">
                {SYMBOLS[finding.severity]}
              </span>
              <span className={styles.message}>{finding.message}</span>
            </li>
          ))}
          {findings.length > top.length && (
            <li className={styles.more}>and {findings.length - top.length} more</li>
          )}
        </ol>
      )}
    </section>
  );
}
