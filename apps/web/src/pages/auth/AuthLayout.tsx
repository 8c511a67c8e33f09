import { type ReactNode, useEffect } from "react";
import styles from "./AuthPage.module.css";

/** The frame of the pages for people without a session: one card, centred, with a title. */
export function AuthLayout({
  title,
  intro,
  children,
  testId,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  useEffect(() => {
    document.title = `${title} – Rolemap`;
  }, [title]);
  return (
    <main className={styles.page}>
      <div className={styles.card} data-testid={testId}>
        <span className={styles.brand}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Rolemap
        </span>
        <h1>{title}</h1>
        {intro !== undefined && <p className={styles.intro}>{intro}</p>}
        {children}
      </div>
    </main>
  );
}
