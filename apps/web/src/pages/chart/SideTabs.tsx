import { type KeyboardEvent, useRef } from "react";
import styles from "./SideTabs.module.css";

export type SideTab = "findings" | "comments" | "history";
const TABS: readonly SideTab[] = ["findings", "comments", "history"];

/** The tab of each side panel and the id of the panel it shows (for aria-controls). */
export const sideTabId = (base: string, tab: SideTab) => `${base}-tab-${tab}`;

/**
 * The side column's tabs: Findings, Comments, History (one column, one panel at a time).
 * Arrows, Home and End move between them and show the one reached (WAI-ARIA tabs).
 */
export function SideTabs({
  tab,
  onSelect,
  idBase,
  panelId,
  labels,
}: {
  tab: SideTab;
  onSelect(tab: SideTab): void;
  idBase: string;
  panelId: string;
  /** Each tab's name and, when it has one, its count ("Findings 3"). */
  labels: Record<SideTab, { name: string; count?: number }>;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const next =
      event.key === "ArrowRight"
        ? TABS[(at + 1) % TABS.length]
        : event.key === "ArrowLeft"
          ? TABS[(at + TABS.length - 1) % TABS.length]
          : event.key === "Home"
            ? TABS[0]
            : event.key === "End"
              ? TABS[TABS.length - 1]
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(sideTabId(idBase, next))}`)?.focus();
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Side panel"
      className={styles.tabs}
      onKeyDown={onKeyDown}
    >
      {TABS.map((each) => (
        <button
          key={each}
          type="button"
          role="tab"
          id={sideTabId(idBase, each)}
          aria-selected={each === tab}
          aria-controls={panelId}
          tabIndex={each === tab ? 0 : -1}
          className={styles.tab}
          onClick={() => onSelect(each)}
          data-testid={`side-tab-${each}`}
        >
          {labels[each].name}
          {labels[each].count !== undefined && (
            <>
              {" "}
              <span className={styles.count}>{labels[each].count}</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
