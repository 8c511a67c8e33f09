import {
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import styles from "./ResponsibilityMatrix.module.css";

export interface MenuItem {
  key: string;
  label: ReactNode;
  /** Accessible name when the label is not plain text. */
  ariaLabel?: string;
  hint?: string;
  /** For toggles: shown as a check mark and as aria-checked. */
  checked?: boolean;
  /** A key that picks the item directly (case-insensitive). */
  shortcut?: string;
  tone?: "danger";
  disabled?: boolean;
  onSelect(): void;
  testId?: string;
}

export interface PopupMenuProps {
  /** The element the menu opens next to. */
  anchor: HTMLElement;
  label: string;
  items: readonly MenuItem[];
  /** The item focused first. */
  initialKey?: string;
  /** Closing by Escape, Tab or a click elsewhere; focus goes back to the anchor for Escape. */
  onClose(reason: "escape" | "outside" | "tab"): void;
  testId?: string;
}

const MARGIN = 6;

/**
 * A small menu in a portal (so no scrolling container clips it), placed below its anchor
 * or above it when there is no room. Arrow keys move, Enter or Space picks, a shortcut key
 * picks at once, Escape closes.
 */
export function PopupMenu({ anchor, label, items, initialKey, onClose, testId }: PopupMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const enabled = items.filter((item) => item.disabled !== true);
  const [focused, setFocused] = useState(
    () => enabled.find((item) => item.key === initialKey)?.key ?? enabled[0]?.key ?? "",
  );

  useLayoutEffect(() => {
    const box = anchor.getBoundingClientRect();
    const own = menu.current?.getBoundingClientRect();
    const width = own?.width ?? 0;
    const height = own?.height ?? 0;
    const below = box.bottom + MARGIN;
    const top =
      below + height > window.innerHeight && box.top - MARGIN - height >= 0
        ? box.top - MARGIN - height
        : below;
    const left = Math.max(MARGIN, Math.min(box.left, window.innerWidth - width - MARGIN));
    setPosition({ top, left });
  }, [anchor]);

  // Focus once placed: a menu still hidden (being measured) cannot take the focus.
  useEffect(() => {
    if (position === null) return;
    menu.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }, [focused, position]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target !== null && !menu.current?.contains(target) && !anchor.contains(target))
        onClose("outside");
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [anchor, onClose]);

  const move = (step: number) => {
    if (enabled.length === 0) return;
    const at = enabled.findIndex((item) => item.key === focused);
    const next = enabled[(at + step + enabled.length) % enabled.length];
    if (next !== undefined) setFocused(next.key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { key } = event;
    if (key === "ArrowDown" || key === "ArrowUp") move(key === "ArrowDown" ? 1 : -1);
    else if (key === "Home") setFocused(enabled[0]?.key ?? "");
    else if (key === "End") setFocused(enabled.at(-1)?.key ?? "");
    else if (key === "Escape") onClose("escape");
    else if (key === "Tab") onClose("tab");
    else if (key === "Enter" || key === " ")
      enabled.find((item) => item.key === focused)?.onSelect();
    else {
      const picked = enabled.find(
        (item) => item.shortcut !== undefined && item.shortcut.toLowerCase() === key.toLowerCase(),
      );
      if (picked === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
      picked.onSelect();
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className={styles.menu}
      style={
        position === null
          ? { visibility: "hidden", top: 0, left: 0 }
          : { top: position.top, left: position.left }
      }
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {items.map((item) => (
        // biome-ignore lint/a11y/useAriaPropsSupportedByRole: toggles get role menuitemcheckbox, which has aria-checked.
        <button
          key={item.key}
          type="button"
          role={item.checked === undefined ? "menuitem" : "menuitemcheckbox"}
          aria-checked={item.checked}
          aria-label={item.ariaLabel ?? (typeof item.label === "string" ? item.label : undefined)}
          aria-keyshortcuts={item.shortcut}
          tabIndex={item.key === focused ? 0 : -1}
          disabled={item.disabled}
          data-key={item.key}
          data-testid={item.testId}
          className={`${styles.menuItem} ${item.tone === "danger" ? styles.menuItemDanger : ""}`}
          onClick={() => item.onSelect()}
          onMouseEnter={() => item.disabled !== true && setFocused(item.key)}
        >
          <span className={styles.menuCheck} aria-hidden="true">
            {item.checked === true ? "✓" : ""}
          </span>
          <span className={styles.menuLabel}>{item.label}</span>
          {item.hint !== undefined && <span className={styles.menuHint}>{item.hint}</span>}
        </button>
      ))}
    </div>,
    document.body,
  );
}
