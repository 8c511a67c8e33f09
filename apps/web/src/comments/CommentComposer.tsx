import { COMMENT_BODY_MAX } from "@rolemap/contract";
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import styles from "./Comments.module.css";
import {
  insertMention,
  type MentionableRole,
  type MentionQuery,
  mentionAt,
  suggestRoles,
} from "./mentions";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
export const SEND_KEYS = isMac ? "⌘+Enter" : "Ctrl+Enter";

/** Characters, not UTF-16 units: what the server counts. */
const lengthOf = (text: string) => [...text].length;

export interface ComposerProps {
  /** The field's accessible name: "Comment on CTO", "Reply to Ana", "Edit your comment". */
  label: string;
  placeholder: string;
  submitLabel: string;
  /** "Sending…", "Saving…". */
  pendingLabel: string;
  initialValue?: string;
  roles: readonly MentionableRole[];
  isPending: boolean;
  /** The request's failure, in words. */
  error: string | null;
  /** Resolves true when sent: the field is emptied. */
  onSubmit(body: string): Promise<boolean>;
  onCancel?(): void;
  autoFocus?: boolean;
  testId: string;
}

/**
 * A comment field: plain Enter makes a new line, Ctrl/Cmd+Enter sends. Typing `@` offers
 * the chart's roles by title (arrows to choose, Enter or Tab to take, Escape to close);
 * the chosen title is written into the text as `@Title`.
 */
export function CommentComposer({
  label,
  placeholder,
  submitLabel,
  pendingLabel,
  initialValue = "",
  roles,
  isPending,
  error,
  onSubmit,
  onCancel,
  autoFocus = false,
  testId,
}: ComposerProps) {
  const [text, setText] = useState(initialValue);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const field = useRef<HTMLTextAreaElement>(null);
  const ids = { field: useId(), list: useId(), hint: useId() };
  const suggestions = mention === null ? [] : suggestRoles(roles, mention.query);
  const isListOpen = suggestions.length > 0;
  const length = lengthOf(text);
  const isTooLong = length > COMMENT_BODY_MAX;
  const canSend = text.trim() !== "" && !isTooLong && !isPending;

  const follow = (value: string, caret: number) => {
    setText(value);
    const next = mentionAt(value, caret);
    if (next?.start !== mention?.start || next?.query !== mention?.query) setActive(0);
    setMention(next);
  };

  // Where the caret goes once an inserted mention is on screen: before the next key press
  // (a fast typist's next letter lands after the mention, not before it).
  const caretAfterInsert = useRef<number | null>(null);
  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null) return;
    caretAfterInsert.current = null;
    field.current?.focus();
    field.current?.setSelectionRange(caret, caret);
  });

  const take = (role: MentionableRole) => {
    if (mention === null) return;
    const inserted = insertMention(text, mention, role.title);
    caretAfterInsert.current = inserted.caret;
    setText(inserted.text);
    setMention(null);
  };

  const send = async () => {
    if (!canSend) return;
    if (await onSubmit(text)) {
      setText("");
      setMention(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys typed here are the text's: no page or canvas shortcut.
    event.stopPropagation();
    if (isListOpen) {
      const count = suggestions.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((at) => (at + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        const role = suggestions[Math.min(active, count - 1)];
        if (role !== undefined) take(role);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className={styles.composer}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={ids.field} className="visually-hidden">
        {label}
      </label>
      <div className={styles.fieldWrap}>
        <textarea
          ref={field}
          id={ids.field}
          className={`input ${styles.field}`}
          value={text}
          placeholder={placeholder}
          rows={3}
          // biome-ignore lint/a11y/noAutofocus: opened by the person to write (reply, edit)
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={isListOpen}
          aria-controls={ids.list}
          aria-activedescendant={isListOpen ? `${ids.list}-${active}` : undefined}
          aria-describedby={ids.hint}
          aria-invalid={isTooLong || undefined}
          data-testid="comment-field"
          onChange={(event) =>
            follow(event.target.value, event.target.selectionStart ?? event.target.value.length)
          }
          onSelect={(event) => {
            const target = event.currentTarget;
            const next = mentionAt(target.value, target.selectionStart ?? 0);
            if (next?.start !== mention?.start) setMention(next);
          }}
          onBlur={() => setMention(null)}
          onKeyDown={onKeyDown}
        />
        <div
          id={ids.list}
          role="listbox"
          aria-label="Roles to mention"
          className={styles.suggestions}
          hidden={!isListOpen}
          data-testid="mention-suggestions"
        >
          {suggestions.map((role, i) => (
            <div
              key={role.id}
              id={`${ids.list}-${i}`}
              role="option"
              // The field keeps the focus (aria-activedescendant); a click takes the role.
              tabIndex={-1}
              aria-selected={i === active}
              className={styles.suggestion}
              // Taken on mouse down: a click would blur the field first and close the list.
              onMouseDown={(event) => {
                event.preventDefault();
                take(role);
              }}
            >
              @{role.title}
            </div>
          ))}
        </div>
      </div>
      <div className={styles.composerFoot}>
        <span id={ids.hint} className={styles.hint} data-too-long={isTooLong || undefined}>
          {isTooLong
            ? `${length - COMMENT_BODY_MAX} characters too long (at most ${COMMENT_BODY_MAX})`
            : "Type @ to mention a role"}
        </span>
        {onCancel !== undefined && (
          <button type="button" className="button button-small button-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={!canSend}
          data-testid={`${testId}-submit`}
        >
          {isPending ? pendingLabel : submitLabel}
        </button>
      </div>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
