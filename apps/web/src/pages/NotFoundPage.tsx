import { useEffect } from "react";
import { Link } from "react-router";
import { AppHeader } from "./AppHeader";
import styles from "./NotFoundPage.module.css";

export function NotFoundPage({
  title = "Page not found",
  message = "There is nothing at this address.",
}: {
  title?: string;
  message?: string;
}) {
  useEffect(() => {
    document.title = `${title} – Rolemap`;
  }, [title]);
  return (
    <>
      <AppHeader />
      <main className={styles.main} data-testid="not-found">
        <h1>{title}</h1>
        <p>{message}</p>
        <Link to="/" className="button button-primary">
          Go to all charts
        </Link>
      </main>
    </>
  );
}
