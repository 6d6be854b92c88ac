// An issue's status as a labelled badge: the text always says it, the colour only helps.
import { useTranslation } from 'react-i18next';
import type { IssueStatus } from '@council/shared';

export function StatusBadge({ status }: { status: IssueStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status.toLowerCase().replace('_', '-')}`}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`issueStatus.${status}`)}
    </span>
  );
}
