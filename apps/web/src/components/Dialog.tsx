import {
  type DOMAttributes,
  type FormEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
} from "react";

/** For a dialog that takes dropped files: a drop anywhere on it must not open the file. */
export type DialogDropHandlers = Pick<
  DOMAttributes<HTMLDialogElement>,
  "onDragOver" | "onDragLeave" | "onDrop"
>;

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
  dropHandlers?: DialogDropHandlers;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus and closes on Escape; the
 * focus goes back to where it was when it closes. The content is only rendered while open.
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
  dropHandlers,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  // close() gives the focus back by itself; a dialog that is removed while open (its owner
  // unmounts it) does not, so the opener gets it here, if it is still on the page.
  useEffect(
    () => () => {
      const element = opener.current;
      if (element instanceof HTMLElement && element.isConnected) element.focus();
    },
    [],
  );

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
      {...dropHandlers}
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
