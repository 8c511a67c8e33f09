import type { AdminAccount } from "@rolemap/contract";
import { useId, useState } from "react";
import { describeError } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { ErrorState } from "../../components/ErrorState";
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
      {accounts.isPending ? (
        <p aria-busy="true" className={styles.hint}>
          Loading the accounts…
        </p>
      ) : accounts.isError ? (
        <ErrorState
          title="The accounts could not be loaded."
          error={accounts.error}
          onRetry={() => void accounts.refetch()}
        />
      ) : (
        <ul className="item-list" aria-label="Accounts">
          {accounts.data.accounts.map((account) => (
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
      {toRemove !== null && (
        <RemoveAccountDialog account={toRemove} onClose={() => setToRemove(null)} />
      )}
    </section>
  );
}

function RemoveAccountDialog({ account, onClose }: { account: AdminAccount; onClose(): void }) {
  const remove = useDeleteAccount();
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Remove ${account.name}?`}
      testId="remove-account-dialog"
      onSubmit={() => remove.mutate(account.id, { onSuccess: onClose })}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-danger"
            disabled={remove.isPending}
            data-testid="confirm-remove-account"
          >
            {remove.isPending ? "Removing…" : "Remove account"}
          </button>
        </>
      }
    >
      <p>
        {account.name} ({account.email}) will no longer be able to sign in. This cannot be undone.
      </p>
      {remove.isError && (
        <p className="field-error" role="alert">
          Removing failed: {describeError(remove.error)}
        </p>
      )}
    </Dialog>
  );
}
