// The breadcrumb back to the list of meetings.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { MEETINGS_HREF } from '../paths';

export function BackToMeetings() {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('issues.page.breadcrumbs')}>
      <Link to={MEETINGS_HREF}>
        <span aria-hidden="true">← </span>
        {t('meetings.page.back')}
      </Link>
    </nav>
  );
}
