import type { ReactNode } from "react";
import { Link } from "react-router";
import { AccountMenu } from "../auth/AccountMenu";
import styles from "./AppHeader.module.css";

/**
 * The bar at the top of every page: the product name (home link), page controls, and who
 * is signed in with the way out.
 */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className={styles.header}>
      <Link
        to="/"
        className={children === undefined ? styles.brand : `${styles.brand} ${styles.compactBrand}`}
        aria-label="Rolemap: all charts"
      >
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>Rolemap</span>
      </Link>
      {children}
      <AccountMenu isCompact={children !== undefined} />
    </header>
  );
}
