import type { AccessLevel, Member } from "@rolemap/contract";
import { useId, useState } from "react";
import { ApiError, describeError } from "../api/client";
import { ACCESS_LABELS } from "../auth/access";
import { QueryState } from "../components/QueryState";
import styles from "./ShareDialog.module.css";
import { useAddMember, useMembers, useRemoveMember, useSetMemberAccess } from "./share-queries";

/** What a member can be given here: ownership stays with the chart's one owner. */
const MEMBER_LEVELS: readonly AccessLevel[] = ["view", "comment", "edit"];

function addFailure(error: unknown): string {
  if (error instanceof ApiError && error.issues.some((issue) => issue.path === "email"))
    return "No account has this email. An administrator can invite them to Rolemap first.";
  return `The person could not be added: ${describeError(error)}`;
}

function LevelSelect({
  value,
  onChange,
  label,
  disabled,
  testId,
}: {
  value: AccessLevel;
  onChange(level: AccessLevel): void;
  label: string;
  disabled?: boolean;
  testId: string;
}) {
  const levels = MEMBER_LEVELS.includes(value) ? MEMBER_LEVELS : [...MEMBER_LEVELS, value];
  return (
    <select
      className="select"
      value={value}
      aria-label={label}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as AccessLevel)}
      data-testid={testId}
    >
      {levels.map((level) => (
        <option key={level} value={level}>
          {ACCESS_LABELS[level]}
        </option>
      ))}
    </select>
  );
}

/** People with an account: the owner, the members with their levels, and adding one by email. */
export function MembersSection({ chartId }: { chartId: string }) {
  const members = useMembers(chartId);
  const add = useAddMember(chartId);
  const setAccess = useSetMemberAccess(chartId);
  const remove = useRemoveMember(chartId);
  const [email, setEmail] = useState("");
  const [level, setLevel] = useState<AccessLevel>("view");
  const headingId = useId();
  const emailId = useId();

  const addMember = () => {
    if (email.trim() === "") return;
    add.mutate({ email: email.trim(), access: level }, { onSuccess: () => setEmail("") });
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="share-members">
      <h3 id={headingId}>People</h3>
      <div className={styles.createRow}>
        <div className={`${styles.inline} ${styles.grow}`}>
          <label className="field-label" htmlFor={emailId}>
            Add a person by email
          </label>
          <input
            id={emailId}
            type="email"
            className="input"
            value={email}
            autoComplete="off"
            placeholder="name@example.com"
            aria-invalid={add.isError || undefined}
            onChange={(event) => {
              setEmail(event.target.value);
              if (add.isError) add.reset();
            }}
            onKeyDown={(event) => {
              if (event.key !== "Enter") return;
              event.preventDefault();
              addMember();
            }}
            data-testid="member-email"
          />
        </div>
        <div className={styles.inline}>
          <span className="field-label" aria-hidden="true">
            Access
          </span>
          <LevelSelect
            value={level}
            onChange={setLevel}
            label="Access of the new member"
            testId="member-access"
          />
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={addMember}
          disabled={add.isPending || email.trim() === ""}
          data-testid="add-member"
        >
          {add.isPending ? "Adding…" : "Add"}
        </button>
      </div>
      {add.isError && (
        <p className="field-error" role="alert" data-testid="member-error">
          {addFailure(add.error)}
        </p>
      )}
      <QueryState
        query={members}
        loading="Loading the people…"
        errorTitle="The people could not be loaded."
      >
        {(data) => (
          <ul className="item-list" aria-label="People with access">
            <li className="item-row" data-testid="owner-row">
              <span className="item-text">
                <strong>{data.owner.name}</strong>
                <span className="item-meta"> {data.owner.email}</span>
              </span>
              <span className={`badge ${styles.level}`}>Owner</span>
            </li>
            {data.members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                isBusy={
                  (setAccess.isPending && setAccess.variables?.accountId === member.id) ||
                  (remove.isPending && remove.variables === member.id)
                }
                onChange={(access) => setAccess.mutate({ accountId: member.id, access })}
                onRemove={() => remove.mutate(member.id)}
              />
            ))}
            {data.members.length === 0 && (
              <li className="item-empty" data-testid="members-empty">
                No one else yet.
              </li>
            )}
          </ul>
        )}
      </QueryState>
      {(setAccess.isError || remove.isError) && (
        <p className="field-error" role="alert">
          The change could not be saved: {describeError(setAccess.error ?? remove.error)}
        </p>
      )}
    </section>
  );
}

function MemberRow({
  member,
  isBusy,
  onChange,
  onRemove,
}: {
  member: Member;
  isBusy: boolean;
  onChange(access: AccessLevel): void;
  onRemove(): void;
}) {
  return (
    <li className="item-row" data-testid="member-row" data-email={member.email}>
      <span className="item-text">
        <strong>{member.name}</strong>
        <span className="item-meta"> {member.email}</span>
      </span>
      <LevelSelect
        value={member.access}
        onChange={onChange}
        disabled={isBusy}
        label={`Access of ${member.name}`}
        testId="member-level"
      />
      <button
        type="button"
        className="button button-small button-danger"
        onClick={onRemove}
        disabled={isBusy}
        aria-label={`Remove ${member.name}`}
        data-testid="remove-member"
      >
        Remove
      </button>
    </li>
  );
}
