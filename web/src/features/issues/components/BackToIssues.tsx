// The breadcrumb back to the issue feed, keeping the feed's filters; for who has no feed (a
// department's contact), back to their home.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { feedHref } from '../feedParams';

export function BackToIssues() {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('issues.page.breadcrumbs')}>
      <Link to={feedHref()}>
        <span aria-hidden="true">← </span>
        {t('app.backToIssues')}
      </Link>
    </nav>
  );
}

export function BackHome() {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('issues.page.breadcrumbs')}>
      <Link to="/">
        <span aria-hidden="true">← </span>
        {t('departments.backHome')}
      </Link>
    </nav>
  );
}
