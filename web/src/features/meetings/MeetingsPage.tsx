// The meetings: upcoming ones (soonest first) and past ones (latest first), each with its date
// and time in the viewer's language and time zone, length, status and whether its agenda is
// published. Facilitators schedule new meetings from here.
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MeetingListQuery, type MeetingSummary } from './documents';
import { NEW_MEETING_HREF, meetingHref } from './paths';
import { MeetingStatusBadge } from './components/MeetingStatusBadge';
import { useViewer } from '../auth/viewer';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { formatNumber, formatWhen, viewerTimeZone } from '../../ui/format';
import './meetings.css';

const LIST_CONTEXT = { additionalTypenames: ['Meeting'] };

export function MeetingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('meetings.list.title'));
  const viewer = useViewer();
  const schedules = viewer.canScheduleMeeting.allowed;
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeetingListQuery, context: LIST_CONTEXT });

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('meetings.list.title')}</h1>
          <p className="page-head__lead">{t('meetings.list.lead')}</p>
        </div>
        {schedules ? (
          <Link to={NEW_MEETING_HREF} className="btn btn--primary" data-testid="schedule-meeting-link">
            <span aria-hidden="true">+</span>
            {t('meetings.list.schedule')}
          </Link>
        ) : null}
      </div>

      {!data && fetching ? <Loading label={t('meetings.list.loading')} /> : null}
      {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}

      {data ? (
        <>
          <section className="meeting-section" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading" className="meeting-section__title">
              {t('meetings.list.upcoming')}
            </h2>
            {data.upcoming.length === 0 ? (
              <EmptyState title={t('meetings.list.emptyUpcoming')}>
                <p className="muted">{schedules ? t('meetings.list.emptyUpcomingHint') : t('meetings.list.emptyUpcomingHintOther')}</p>
              </EmptyState>
            ) : (
              <ul className="feed__list" aria-labelledby="upcoming-heading">
                {data.upcoming.map((m) => (
                  <MeetingRow key={m.id} meeting={m} />
                ))}
              </ul>
            )}
          </section>

          <section className="meeting-section" aria-labelledby="past-heading">
            <h2 id="past-heading" className="meeting-section__title">
              {t('meetings.list.past')}
            </h2>
            {data.past.length === 0 ? (
              <EmptyState title={t('meetings.list.emptyPast')} />
            ) : (
              <ul className="feed__list" aria-labelledby="past-heading">
                {data.past.map((m) => (
                  <MeetingRow key={m.id} meeting={m} />
                ))}
              </ul>
            )}
          </section>
          <p className="muted meeting-section__zone">{t('meetings.list.timeZone', { zone: viewerTimeZone() })}</p>
        </>
      ) : null}
    </div>
  );
}

function MeetingRow({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  const published = !!meeting.agendaPublishedAt;
  let agendaState: { text: string; className: string } | null = null;
  if (meeting.status === 'PLANNED') {
    if (published) agendaState = { text: t('meetings.list.published'), className: 'agenda-state agenda-state--published' };
    else if (meeting.viewerCanReadAgenda && meeting.agendaGeneratedAt) agendaState = { text: t('meetings.list.draft'), className: 'agenda-state' };
    else agendaState = { text: meeting.viewerCanManage ? t('meetings.list.noAgenda') : t('meetings.list.notPublished'), className: 'agenda-state' };
  }
  return (
    <li className="issue-row meeting-row" data-testid="meeting-item" data-status={meeting.status}>
      <div className="issue-row__main">
        <div className="issue-row__top">
          <MeetingStatusBadge status={meeting.status} />
          {agendaState ? (
            <span className={agendaState.className}>
              {published ? <span aria-hidden="true">✓ </span> : null}
              {agendaState.text}
            </span>
          ) : null}
        </div>
        <h3 className="issue-row__title">
          <Link to={meetingHref(meeting.id)}>{meeting.title}</Link>
        </h3>
        <p className="issue-row__meta">
          <span>{t('meetings.list.facilitatedBy', { name: meeting.facilitator.name })}</span>
        </p>
      </div>
      <div className="meeting-row__when">
        <time dateTime={meeting.startsAt} className="meeting-row__date">
          {formatWhen(meeting.startsAt)}
        </time>
        <span className="meeting-row__duration">{t('meetings.minutes', { formatted: formatNumber(meeting.durationMinutes) })}</span>
      </div>
    </li>
  );
}
