// Links to the meeting outside the app: the agenda as Markdown, the calendar event, the printable
// page, and the minutes once the meeting has started.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../documents';
import { exportHref, meetingPrintHref } from '../paths';

export function ExportCard({ meeting }: { meeting: Pick<MeetingDetail, 'id' | 'status'> }) {
  const { t } = useTranslation();
  const started = meeting.status !== 'PLANNED';
  return (
    <section className="card exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading" className="card__title">
        {t('meetings.links.heading')}
      </h2>
      <ul className="exports__list">
        {started ? (
          <li>
            <a href={exportHref(meeting.id, 'minutes.md')} download data-testid="export-minutes">
              {t('meetings.links.minutes')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={exportHref(meeting.id, 'agenda.md')} download data-testid="export-agenda">
            {t('meetings.links.agenda')}
          </a>
        </li>
        <li>
          <a href={exportHref(meeting.id, 'meeting.ics')} download data-testid="export-ics">
            {t('meetings.links.calendar')}
          </a>
        </li>
        <li>
          <Link to={meetingPrintHref(meeting.id)} data-testid="export-print">
            {meeting.status === 'CLOSED' ? t('meetings.links.printMinutes') : t('meetings.links.printAgenda')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
