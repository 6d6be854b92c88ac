// A form field: its label, an optional hint and counter, the control, and its error message
// (announced when it appears). The control gets the ids it must point at.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export function Field({
  label,
  hint,
  error,
  errorTestId,
  counter,
  optionalLabel,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  errorTestId?: string;
  counter?: ReactNode;
  /** Shown after the label for optional fields ("optional", translated by the caller). */
  optionalLabel?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <div className="field__top">
        <label htmlFor={id} className="field__label">
          {label}
          {optionalLabel ? <span className="field__optional"> ({optionalLabel})</span> : null}
        </label>
        {counter ? <span className="field__counter">{counter}</span> : null}
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} className="field__error" role="alert" data-testid={errorTestId}>
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** "120 / 140" — turns to a warning near the limit. */
export function Counter({ length, max }: { length: number; max: number }) {
  const over = length > max;
  return (
    <span className={over ? 'counter counter--over' : length > max * 0.9 ? 'counter counter--near' : 'counter'}>
      {length} / {max}
    </span>
  );
}

/** A form's own error (not a field's), announced when it appears; `children` add other announcements. */
export function FormError({ message, children }: { message: string | null | undefined; children?: ReactNode }) {
  return (
    <div aria-live="polite" className="live">
      {message ? (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      ) : null}
      {children}
    </div>
  );
}
