import styles from "./ChartWorkspace.module.css";

/** Grey lines in a panel whose content comes a frame after the canvas's cards. */
export function PanelPlaceholder({ label }: { label: string }) {
  return (
    <div className={styles.placeholder} aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <span className="skeleton" aria-hidden="true" />
      <span className="skeleton" aria-hidden="true" />
      <span className="skeleton" aria-hidden="true" />
    </div>
  );
}
