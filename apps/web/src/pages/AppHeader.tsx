import type { ReactNode } from "react";
import { Link } from "react-router";
import styles from "./AppHeader.module.css";

/** The bar at the top of every page: the product name (home link) and page controls. */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className={styles.header}>
      <Link to="/" className={styles.brand} aria-label="Rolemap: all charts">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>Rolemap</span>
      </Link>
      {children}
    </header>
  );
}
