import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import styles from "./ScenarioSwitcher.module.css";

export interface SwitcherItem {
  key: string;
  label: ReactNode;
  /** A quiet second line: "the chart itself", "promoted". */
  hint?: string;
  /** Charts are radio items (the open one checked); actions are plain items. */
  checked?: boolean;
  /** Starts a group with a line above it. */
  separated?: boolean;
  onSelect(): void;
  testId?: string;
}

const itemsOf = (menu: HTMLElement | null) => [
  ...(menu?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? []),
];

/**
 * The switcher's menu: a list of charts to open (menuitemradio, the open one checked) and
 * actions (menuitem). Arrow keys, Home and End move; Enter or Space picks; Escape closes
 * and gives the focus back to the button; Tab closes.
 */
export function SwitcherMenu({
  id,
  label,
  items,
  onClose,
}: {
  id: string;
  label: string;
  items: readonly SwitcherItem[];
  onClose(refocus: boolean): void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  // The open chart's item first, or the first item.
  useEffect(() => {
    const all = itemsOf(menu.current);
    (all.find((button) => button.getAttribute("aria-checked") === "true") ?? all[0])?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = itemsOf(menu.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => all[(index + all.length) % all.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        focus(at + 1);
        break;
      case "ArrowUp":
        focus(at - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(all.length - 1);
        break;
      case "Escape":
        onClose(true);
        break;
      case "Tab":
        onClose(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={menu}
      id={id}
      role="menu"
      aria-label={label}
      className={styles.menu}
      onKeyDown={onKeyDown}
      data-testid="scenario-menu"
    >
      {items.map((item) => (
        <div key={item.key} role="none" className={item.separated ? styles.separated : undefined}>
          {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: charts get role menuitemradio, which has aria-checked. */}
          <button
            type="button"
            role={item.checked === undefined ? "menuitem" : "menuitemradio"}
            aria-checked={item.checked}
            tabIndex={-1}
            className={styles.item}
            data-testid={item.testId}
            onClick={() => {
              onClose(false);
              item.onSelect();
            }}
          >
            <span className={styles.check} aria-hidden="true">
              {item.checked === true ? "✓" : ""}
            </span>
            <span className={styles.itemText}>
              <span className={styles.itemLabel}>{item.label}</span>
              {item.hint !== undefined && <span className={styles.itemHint}>{item.hint}</span>}
            </span>
          </button>
        </div>
      ))}
    </div>
  );
}
