// Shown when a page fails to render or a path does not exist.
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
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

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
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
