// A question before an action that is hard to take back (closing a meeting, a decision, starting a
// meeting early): a native modal <dialog> that says what will happen, with the safe choice focused
// first. Escape and the cancel button leave everything as it was; focus returns to where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy = false,
  busyLabel,
  danger = false,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: {
  open: boolean;
  title: string;
  /** What will happen, in words. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  busyLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      // Back where the person was, if that is still on the page.
      if (opener.current?.isConnected) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {title}
          </h2>
          <div id={`${id}-body`} className="confirm-dialog__body">
            {children}
          </div>
          <div className="confirm-dialog__actions">
            <button type="button" ref={cancelRef} className="btn btn--ghost" disabled={busy} onClick={onCancel} data-testid={`${testId}-cancel`}>
              {cancelLabel}
            </button>
            <button type="button" className={danger ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy} onClick={onConfirm} data-testid={`${testId}-confirm`}>
              {busy && busyLabel ? busyLabel : confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
