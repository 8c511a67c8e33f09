import type { Finding, Severity } from "@rolemap/contract";
import { useId } from "react";
import styles from "./ComparePage.module.css";

const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  error: "Error",
  warning: "Warning",
  info: "Note",
};

/**
 * The findings delta by name: what the second chart fixes (in the first, not in it) and
 * what it opens (in it, not in the first), each finding's message with its severity.
 */
export function FindingsDelta({
  fixed,
  opened,
}: {
  fixed: readonly Finding[];
  opened: readonly Finding[];
}) {
  return (
    <div className={styles.delta} data-testid="findings-delta">
      <FindingGroup
        title="Fixed"
        symbol="✓"
        tone="fixed"
        findings={fixed}
        empty="Fixes no finding."
        testId="findings-fixed"
      />
      <FindingGroup
        title="New"
        symbol="!"
        tone="new"
        findings={opened}
        empty="Opens no new finding."
        testId="findings-new"
      />
    </div>
  );
}

function FindingGroup({
  title,
  symbol,
  tone,
  findings,
  empty,
  testId,
}: {
  title: string;
  symbol: string;
  tone: "fixed" | "new";
  findings: readonly Finding[];
  empty: string;
  testId: string;
}) {
  const id = useId();
  return (
    <section
      className={styles.deltaGroup}
      data-tone={tone}
      aria-labelledby={id}
      data-testid={testId}
    >
      <h4 id={id} className={styles.deltaTitle}>
        <span aria-hidden="true">{symbol}</span> {title}{" "}
        <span className={styles.sectionCount}>{findings.length}</span>
      </h4>
      {findings.length === 0 ? (
        <p className={styles.quiet}>{empty}</p>
      ) : (
        <ul className={styles.changeItems}>
          {findings.map((finding) => (
            <li
              key={`${finding.rule}|${finding.roles.join(",")}|${finding.responsibilities.join(",")}|${finding.message}`}
              className={styles.finding}
              data-severity={finding.severity}
              data-rule={finding.rule}
            >
              <span className={styles.severity} data-severity={finding.severity}>
                {SEVERITY_WORDS[finding.severity]}
              </span>
              <span>{finding.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
