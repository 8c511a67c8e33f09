import type { AdminAccount } from "@rolemap/contract";
import { useId, useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { QueryState } from "../../components/QueryState";
import { RelativeTime } from "../../components/RelativeTime";
import styles from "./AdminPage.module.css";
import { useAccounts, useDeleteAccount } from "./admin-queries";

/** Every account of the instance; any but one's own can be removed, after a confirmation. */
export function AccountsSection({ myId }: { myId: string }) {
  const accounts = useAccounts();
  const [toRemove, setToRemove] = useState<AdminAccount | null>(null);
  const headingId = useId();

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="accounts">
      <h2 id={headingId}>Accounts</h2>
      <QueryState
        query={accounts}
        loading="Loading the accounts…"
        errorTitle="The accounts could not be loaded."
      >
        {(data) => (
          <ul className="item-list" aria-label="Accounts">
            {data.accounts.map((account) => (
              <li
                key={account.id}
                className="item-row"
                data-testid="account-row"
                data-email={account.email}
              >
                <span className="item-text">
                  <strong>{account.name}</strong>
                  <span className="item-meta">
                    {" "}
                    {account.email} · joined <RelativeTime iso={account.createdAt} />
                  </span>
                </span>
                {account.admin && <span className="badge badge-info">Administrator</span>}
                {account.id === myId ? (
                  <span className="item-meta">You</span>
                ) : (
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => setToRemove(account)}
                    aria-label={`Remove ${account.name}`}
                    data-testid="remove-account"
                  >
                    Remove…
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {toRemove !== null && (
        <RemoveAccountDialog account={toRemove} onClose={() => setToRemove(null)} />
      )}
    </section>
  );
}

function RemoveAccountDialog({ account, onClose }: { account: AdminAccount; onClose(): void }) {
  const remove = useDeleteAccount();
  return (
    <ConfirmDialog
      title={`Remove ${account.name}?`}
      onClose={onClose}
      onConfirm={() => remove.mutate(account.id, { onSuccess: onClose })}
      confirmLabel="Remove account"
      pendingLabel="Removing…"
      isPending={remove.isPending}
      error={remove.error}
      failure="Removing failed"
      testId="remove-account-dialog"
      confirmTestId="confirm-remove-account"
    >
      <p>
        {account.name} ({account.email}) will no longer be able to sign in. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
