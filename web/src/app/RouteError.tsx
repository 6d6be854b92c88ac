// Shown when a page fails to render (or its code does not load) or a path does not exist.
import { Component, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle';
import { Loading, Skeleton } from '../ui/States';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFound.title'));
  return (
    <div className="page page--narrow">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <Link to="/issues" className="btn">
        {t('app.backToIssues')}
      </Link>
    </div>
  );
}

/** What a crash shows instead of the page (and its frame). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow" role="alert">
      <h1>{t('app.crash.title')}</h1>
      <p>{t('app.crash.body')}</p>
      <a href="/issues" className="btn">
        {t('app.backToIssues')}
      </a>
    </div>
  );
}

/** While a page's code loads on first visit. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-center">
      <Loading label={t('app.loading')} />
    </div>
  );
}

/** While a page's code loads: the page's shape, inside the frame when there is one. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Skeleton label={t('app.loading')} testId="page-skeleton" />
    </div>
  );
}

type BoundaryProps = { pathname: string; children: ReactNode };
type BoundaryState = { failedAt: string | null };

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failedAt: null };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failedAt: '' };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    // the address where it failed; going elsewhere tries again
    if (state.failedAt === '') return { failedAt: props.pathname };
    if (state.failedAt !== null && state.failedAt !== props.pathname) return { failedAt: null };
    return null;
  }

  override render() {
    return this.state.failedAt === null ? this.props.children : <RouteError />;
  }
}

/** A page that throws while rendering shows RouteError, until the person goes to another address. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary pathname={pathname}>{children}</Boundary>;
}
