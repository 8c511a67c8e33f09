import { Link, useNavigate } from "react-router";
import { describeError } from "../api/client";
import styles from "../pages/AppHeader.module.css";
import { accountOf, guestOf, useSession, useSignOut } from "./hooks";
import { ADMIN_ROUTE, SIGN_IN_ROUTE } from "./paths";

/** The header's right end: who is signed in (account or guest), the admin page, sign out. */
export function AccountMenu({ isPushedRight = false }: { isPushedRight?: boolean }) {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const account = accountOf(session.data);
  const guest = guestOf(session.data);
  if (account === null && guest === null) return null;

  return (
    <div
      className={isPushedRight ? `${styles.account} ${styles.pushed}` : styles.account}
      data-testid="account-menu"
    >
      <span className={styles.who} data-testid="signed-in-as">
        <span className="visually-hidden">Signed in as </span>
        <span className={styles.whoName} title={account?.email}>
          {account?.name ?? guest?.name}
        </span>
        {guest !== null && <span className={styles.guestTag}>guest</span>}
      </span>
      {account?.admin === true && (
        <Link
          to={ADMIN_ROUTE}
          className="button button-small button-ghost"
          data-testid="admin-link"
        >
          Admin
        </Link>
      )}
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, { onSuccess: () => navigate(SIGN_IN_ROUTE, { replace: true }) })
        }
        title={signOut.isError ? `Signing out failed: ${describeError(signOut.error)}` : undefined}
        data-testid="sign-out"
      >
        {guest !== null ? "Leave" : "Sign out"}
      </button>
    </div>
  );
}
