import type { Finding } from "@rolemap/contract";
import { useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { cx } from "./cx";
import styles from "./ResponsibilityMatrix.module.css";
import { SEVERITY_SYMBOLS, SEVERITY_WORDS } from "./severity";

const GAP = 6;

/**
 * The findings of the focused cell or row, shown next to it while it has the keyboard
 * focus (hovering shows the same text as a native tooltip). Screen readers get it through
 * the cell's aria-describedby, so this one is hidden from them.
 */
export function FocusTooltip({
  findAnchor,
  findings,
  scroll,
}: {
  /** The focused cell, looked up after each render (cells move when rows do). */
  findAnchor(): HTMLElement | null | undefined;
  findings: readonly Finding[];
  /** The grid's scroll position: the tooltip follows its cell. */
  scroll: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll and findings move or resize the tooltip.
  useLayoutEffect(() => {
    const anchor = findAnchor();
    if (anchor === null || anchor === undefined) {
      setPosition(null);
      return;
    }
    const target = anchor.getBoundingClientRect();
    const own = box.current?.getBoundingClientRect();
    const height = own?.height ?? 0;
    const width = own?.width ?? 0;
    const below = target.bottom + GAP;
    const top =
      below + height > window.innerHeight ? Math.max(GAP, target.top - GAP - height) : below;
    const left = Math.max(GAP, Math.min(target.left, window.innerWidth - width - GAP));
    setPosition({ top, left });
  }, [findAnchor, scroll, findings]);

  return createPortal(
    <div
      ref={box}
      className={styles.tooltip}
      aria-hidden="true"
      style={position ?? { visibility: "hidden", top: 0, left: 0 }}
      data-testid="matrix-tooltip"
    >
      {findings.map((finding) => (
        <p
          key={`${finding.rule}|${finding.roles.join(",")}|${finding.responsibilities.join(",")}`}
          className={cx(styles.tooltipLine, styles[`badge-${finding.severity}`])}
        >
          <span className={styles.tooltipSymbol}>{SEVERITY_SYMBOLS[finding.severity]}</span>
          <span>
            <span className="visually-hidden">{SEVERITY_WORDS[finding.severity]}: </span>
            {finding.message}
          </span>
        </p>
      ))}
    </div>,
    document.body,
  );
}
