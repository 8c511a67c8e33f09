import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";

export interface DialogProps {
  open: boolean;
  /** Escape, a click on the backdrop, or a cancel button. */
  onClose(): void;
  title: string;
  /** Submitting the dialog's form (Enter in a field, a submit button). */
  onSubmit?(): void;
  children: ReactNode;
  /** Buttons; the first focusable element of the dialog gets the focus when it opens. */
  footer: ReactNode;
  testId?: string;
  className?: string;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes on Escape and
 * returns focus to where it was. The content is only rendered while open.
 */
export function Dialog({
  open,
  onClose,
  title,
  onSubmit,
  children,
  footer,
  testId,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the dialog natively.
    <dialog
      ref={ref}
      className={`dialog ${className ?? ""}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <form className="dialog-form" onSubmit={submit} noValidate>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
          </header>
          <div className="dialog-body">{children}</div>
          <footer className="dialog-footer">{footer}</footer>
        </form>
      )}
    </dialog>
  );
}
