import { useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { describeError } from "../api/client";
import styles from "../pages/AppHeader.module.css";
import { accountOf, guestOf, useSession, useSignOut } from "./hooks";
import { ADMIN_ROUTE, SIGN_IN_ROUTE } from "./paths";

/** "Olivia Owner" → "OO": what the header shows where there is no room for the name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...(word ?? "")][0]?.toUpperCase() ?? "").join("") || "?";
}

/**
 * The header's right end: who is signed in (an account, or a share-link guest), as a button
 * that opens a small panel with the administration page (for the instance's owner) and
 * signing out. `isCompact`: initials only (the chart page's header is full of tools).
 */
export function AccountMenu({ isCompact = false }: { isCompact?: boolean }) {
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const account = accountOf(session.data);
  const guest = guestOf(session.data);
  const person = account ?? guest;
  if (person === null) return null;

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and leaving the button and its panel close the panel; the button is the control.
    <div
      className={isCompact ? styles.account : `${styles.account} ${styles.pushed}`}
      data-testid="account-menu"
      onKeyDown={(event) => {
        if (event.key === "Escape" && isOpen) {
          event.stopPropagation();
          close();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={styles.accountButton}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
        title={isCompact ? person.name : undefined}
        data-testid="account-button"
      >
        <span className={styles.initials} aria-hidden="true">
          {initialsOf(person.name)}
        </span>
        <span data-testid="signed-in-as" className={isCompact ? "visually-hidden" : styles.who}>
          <span className="visually-hidden">Signed in as </span>
          {person.name}
          {guest !== null && " (guest)"}
        </span>
      </button>
      {isOpen && (
        <div id={panelId} className={styles.accountPanel} data-testid="account-panel">
          <p className={styles.panelWho}>
            <strong>{person.name}</strong>
            <span>{account?.email ?? "Guest, through a share link"}</span>
          </p>
          {account?.admin === true && (
            <Link to={ADMIN_ROUTE} className="button button-small" data-testid="admin-link">
              Administration
            </Link>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, {
                onSuccess: () => navigate(SIGN_IN_ROUTE, { replace: true }),
              })
            }
            data-testid="sign-out"
          >
            {guest !== null ? "Leave the chart" : "Sign out"}
          </button>
          {signOut.isError && (
            <p className="field-error" role="alert">
              Signing out failed: {describeError(signOut.error)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
