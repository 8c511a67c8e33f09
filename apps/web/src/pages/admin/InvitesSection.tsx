import { useId, useState } from "react";
import { describeError } from "../../api/client";
import { CopyField } from "../../components/CopyField";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { RelativeTime } from "../../components/RelativeTime";
import { absoluteUrl } from "../../lib/copy-text";
import styles from "./AdminPage.module.css";
import { useCreateInvite, useInvites, useRevokeInvite } from "./admin-queries";

/** Invite someone by email (the link is shown once), and the invites not yet used. */
export function InvitesSection() {
  const invites = useInvites();
  const create = useCreateInvite();
  const revoke = useRevokeInvite();
  const [email, setEmail] = useState("");
  const headingId = useId();

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="invites">
      <h2 id={headingId}>Invite people</h2>
      <p className={styles.hint}>
        An invite is a link for one email address. Send it to the person yourself: they open it and
        choose their name and password.
      </p>
      <form
        className={styles.inviteForm}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (email.trim() !== "") create.mutate(email.trim(), { onSuccess: () => setEmail("") });
        }}
      >
        <Field
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            if (create.isError) create.reset();
          }}
          error={
            create.isError ? `The invite could not be made: ${describeError(create.error)}` : null
          }
          testId="invite-email"
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || email.trim() === ""}
          data-testid="create-invite"
        >
          {create.isPending ? "Inviting…" : "Create invite"}
        </button>
      </form>
      {create.data !== undefined && (
        <CopyField
          label={`Invite link for ${create.data.email}`}
          value={absoluteUrl(create.data.url)}
          testId="created-invite"
        />
      )}
      <h3>Pending invites</h3>
      <QueryState
        query={invites}
        loading="Loading the invites…"
        errorTitle="The invites could not be loaded."
        isEmpty={(data) => data.invites.length === 0}
        empty="No pending invites."
        emptyTestId="invites-empty"
      >
        {(data) => (
          <ul className="item-list" aria-label="Pending invites">
            {data.invites.map((invite) => (
              <li key={invite.id} className="item-row" data-testid="invite-row">
                <span className="item-text">
                  <strong>{invite.email}</strong>
                  <span className="item-meta">
                    {" "}
                    · invited <RelativeTime iso={invite.createdAt} /> · expires{" "}
                    <RelativeTime iso={invite.expiresAt} />
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={revoke.isPending && revoke.variables === invite.id}
                  onClick={() => revoke.mutate(invite.id)}
                  aria-label={`Revoke the invite for ${invite.email}`}
                  data-testid="revoke-invite"
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {revoke.isError && (
        <p className="field-error" role="alert">
          The invite could not be revoked: {describeError(revoke.error)}
        </p>
      )}
    </section>
  );
}
