import styles from "./ComparePage.module.css";
import { type ChangeKind, type ChangeSection, KIND_LABELS } from "./describe-changes";

const ICONS: Readonly<Record<ChangeKind, string>> = {
  added: "+",
  removed: "−",
  moved: "↷",
  changed: "✎",
};

/**
 * Every change in words, section by section: a kind chip (icon and word, coloured), what
 * changed and how ("title: CIO → Chief Information Officer"). Texts are the charts' data,
 * shown as text.
 */
export function ChangeList({
  sections,
  headingLevel = 3,
  testId = "change-list",
}: {
  sections: readonly ChangeSection[];
  headingLevel?: 3 | 4;
  testId?: string;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className={styles.changes} data-testid={testId}>
      {sections.map((section) => (
        <section key={section.id} className={styles.changeSection} data-section={section.id}>
          <Heading className={styles.sectionTitle}>
            {section.title} <span className={styles.sectionCount}>{section.items.length}</span>
          </Heading>
          <ul className={styles.changeItems}>
            {section.items.map((item) => (
              <li
                key={item.key}
                className={styles.change}
                data-kind={item.kind}
                data-testid="change"
              >
                <span className={styles.kind} data-kind={item.kind}>
                  <span aria-hidden="true">{ICONS[item.kind]}</span> {KIND_LABELS[item.kind]}
                </span>
                <span className={styles.changeText}>
                  <strong>{item.subject}</strong>
                  {item.detail !== "" && <span className={styles.detail}>{item.detail}</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
