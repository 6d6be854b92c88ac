// Loading, empty and error states shared by the pages; announced to screen readers.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorNotice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="notice notice--error" role="alert" data-testid={testId}>
      {children}
    </div>
  );
}

/** A query that failed: its message and a button to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorNotice>
      <p>{message}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </ErrorNotice>
  );
}

/**
 * Grey placeholders in the shape of what is coming (a heading, unless the page shows its own, and
 * `rows` list rows), shown while a page's code or first data loads; announced once by its label.
 */
export function Skeleton({ label, rows = 5, heading = true, testId }: { label: string; rows?: number; heading?: boolean; testId?: string }) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true" data-testid={testId}>
      <span className="visually-hidden">{label}</span>
      {heading ? <div className="skeleton__heading" aria-hidden="true" /> : null}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" aria-hidden="true">
          <div className="skeleton__line" />
          <div className="skeleton__line skeleton__line--short" />
        </div>
      ))}
    </div>
  );
}
