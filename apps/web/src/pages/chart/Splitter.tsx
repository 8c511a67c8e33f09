import type { KeyboardEvent, PointerEvent } from "react";
import { useRef } from "react";
import styles from "./Splitter.module.css";

export interface SplitterProps {
  /** Accessible name: what it resizes. */
  label: string;
  /** Height in px of the panel below the splitter. */
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
}

const STEP = 24;

/**
 * A horizontal bar that resizes the panel below it: drag it, or focus it and use the arrow
 * keys (Shift for bigger steps), Home and End.
 */
export function Splitter({ label, value, min, max, onChange }: SplitterProps) {
  const drag = useRef<{ startY: number; startValue: number } | null>(null);
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)));

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? STEP * 4 : STEP;
    const next =
      event.key === "ArrowUp"
        ? value + step
        : event.key === "ArrowDown"
          ? value - step
          : event.key === "Home"
            ? max
            : event.key === "End"
              ? min
              : null;
    if (next === null) return;
    event.preventDefault();
    onChange(clamp(next));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startValue: value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    onChange(clamp(drag.current.startValue + drag.current.startY - event.clientY));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <hr> cannot take focus or be dragged.
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={styles.splitter}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
