import { useEffect } from "react";
import { accountOf, useSession } from "../../auth/hooks";
import { AppHeader } from "../AppHeader";
import { AccountsSection } from "./AccountsSection";
import styles from "./AdminPage.module.css";
import { InvitesSection } from "./InvitesSection";

/** `/admin`, for the instance's owner: invites and accounts. */
export function AdminPage() {
  const me = accountOf(useSession().data);
  useEffect(() => {
    document.title = "Administration – Rolemap";
  }, []);
  return (
    <>
      <AppHeader />
      <main className={styles.main} data-testid="admin-page">
        <h1>Administration</h1>
        <InvitesSection />
        <AccountsSection myId={me?.id ?? ""} />
      </main>
    </>
  );
}
