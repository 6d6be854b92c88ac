// A meeting's status as a labelled badge (the text says it; colour and dot only help), with the
// status in `data-status` for scripts and tests.
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../documents';

type MeetingStatus = MeetingDetail['status'];

export function MeetingStatusBadge({ status, testId }: { status: MeetingStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--m-${status.toLowerCase().replace('_', '-')}`} data-status={status} data-testid={testId}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`meetings.status.${status}`)}
    </span>
  );
}
