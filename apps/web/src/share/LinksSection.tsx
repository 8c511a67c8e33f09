import type { LinkAccess, ShareLink } from "@rolemap/contract";
import { useId, useState } from "react";
import { describeError } from "../api/client";
import { ACCESS_LABELS } from "../auth/access";
import { CopyField } from "../components/CopyField";
import { QueryState } from "../components/QueryState";
import { RelativeTime } from "../components/RelativeTime";
import { absoluteUrl } from "../lib/copy-text";
import styles from "./ShareDialog.module.css";
import { useCreateLink, useLinks, useRevokeLink } from "./share-queries";

const LINK_LEVELS: readonly LinkAccess[] = ["view", "comment", "edit"];

/** The end of the chosen day (local time), as the API takes it; none when no day is chosen. */
export function expiryOf(day: string): string | undefined {
  if (day === "") return undefined;
  const end = new Date(`${day}T23:59:59`);
  return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
}

/** Today as a date input writes it (local time): the earliest day a link can last until. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Links anyone can open, per access level, with an optional last day; revoked at once. */
export function LinksSection({ chartId }: { chartId: string }) {
  const links = useLinks(chartId);
  const create = useCreateLink(chartId);
  const revoke = useRevokeLink(chartId);
  const [access, setAccess] = useState<LinkAccess>("view");
  const [day, setDay] = useState("");
  const headingId = useId();

  const createLink = () => {
    const expiresAt = expiryOf(day);
    create.mutate(expiresAt === undefined ? { access } : { access, expiresAt });
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="share-links">
      <h3 id={headingId}>Share links</h3>
      <p className={styles.hint}>
        Anyone with a link opens the chart as a guest, under a name they give, with the link’s
        access.
      </p>
      <div className={styles.createRow}>
        <label className={styles.inline}>
          <span className="field-label">Access</span>
          <select
            className="select"
            value={access}
            onChange={(event) => setAccess(event.target.value as LinkAccess)}
            data-testid="link-access"
          >
            {LINK_LEVELS.map((level) => (
              <option key={level} value={level}>
                {ACCESS_LABELS[level]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.inline}>
          <span className="field-label">Until (optional)</span>
          <input
            type="date"
            className="input"
            min={today()}
            value={day}
            onChange={(event) => setDay(event.target.value)}
            data-testid="link-expiry"
          />
        </label>
        <button
          type="button"
          className="button button-primary"
          onClick={createLink}
          disabled={create.isPending}
          data-testid="create-link"
        >
          {create.isPending ? "Creating…" : "Create link"}
        </button>
      </div>
      {create.isError && (
        <p className="field-error" role="alert">
          The link could not be created: {describeError(create.error)}
        </p>
      )}
      {create.data !== undefined && (
        <CopyField
          label={`New ${create.data.access} link`}
          value={absoluteUrl(create.data.url)}
          testId="created-link"
        />
      )}
      <QueryState
        query={links}
        loading="Loading the links…"
        errorTitle="The links could not be loaded."
        isEmpty={(data) => data.links.length === 0}
        empty="No links yet."
        emptyTestId="links-empty"
      >
        {(data) => (
          <ul className="item-list" aria-label="Active links">
            {data.links.map((link) => (
              <LinkRow
                key={link.id}
                link={link}
                isRevoking={revoke.isPending && revoke.variables === link.id}
                onRevoke={() => revoke.mutate(link.id)}
              />
            ))}
          </ul>
        )}
      </QueryState>
      {revoke.isError && (
        <p className="field-error" role="alert">
          The link could not be revoked: {describeError(revoke.error)}
        </p>
      )}
    </section>
  );
}

function LinkRow({
  link,
  isRevoking,
  onRevoke,
}: {
  link: ShareLink;
  isRevoking: boolean;
  onRevoke(): void;
}) {
  return (
    <li className="item-row" data-testid="link-row" data-access={link.access}>
      <span className={`badge ${styles.level}`}>{ACCESS_LABELS[link.access]}</span>
      <span className="item-text">
        {link.expired ? (
          <strong>Expired</strong>
        ) : link.expiresAt === null ? (
          "No expiry"
        ) : (
          <>
            Expires <RelativeTime iso={link.expiresAt} />
          </>
        )}
        <span className="item-meta">
          {" "}
          · created <RelativeTime iso={link.createdAt} />
        </span>
      </span>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={onRevoke}
        disabled={isRevoking}
        aria-label={`Revoke the ${link.access} link`}
        data-testid="revoke-link"
      >
        {isRevoking ? "Revoking…" : "Revoke"}
      </button>
    </li>
  );
}
