// The breadcrumb back to the proposals list, keeping its filter.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { proposalListHref } from '../listParams';

export function BackToProposals() {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('issues.page.breadcrumbs')}>
      <Link to={proposalListHref()}>
        <span aria-hidden="true">← </span>
        {t('proposals.backToList')}
      </Link>
    </nav>
  );
}
