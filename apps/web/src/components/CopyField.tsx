import { useRef, useState } from "react";
import { copyText } from "../lib/copy-text";

/**
 * An address shown once (a share link, an invite): read-only, selected on focus, with a
 * Copy button that says when it has copied.
 */
export function CopyField({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="copy-field">
      <label className="field-label" htmlFor={`${testId}-input`}>
        {label}
      </label>
      <div className="copy-field-row">
        <input
          ref={input}
          id={`${testId}-input`}
          className="input"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={async () => setCopied(await copyText(value, input.current))}
          data-testid={`${testId}-copy`}
        >
          Copy
        </button>
      </div>
      <span className="field-hint" aria-live="polite">
        {copied === true
          ? "Copied. It is shown only this once."
          : copied === false
            ? "Could not copy: select the address and copy it yourself."
            : "Copy it now: it is shown only this once."}
      </span>
    </div>
  );
}
