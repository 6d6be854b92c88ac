// One meeting. Its header (title, date and time in the viewer's zone, length, facilitator,
// status) and, by status and role: the facilitator's agenda planner or the published agenda
// (drafts are the facilitators'); meeting mode for the facilitator or the live agenda for
// everyone else (following every change as it happens); the minutes once it is closed. A planned
// meeting can be cancelled (after a confirmation); a cancelled one says so.
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { MEETING_CONTEXT, MeetingChangedSubscription, MeetingPageQuery, type MeetingDetail } from './documents';
import { meetingHref } from './paths';
import { BackToMeetings } from './components/BackToMeetings';
import { MeetingStatusBadge } from './components/MeetingStatusBadge';
import { AgendaPlanner } from './components/AgendaPlanner';
import { AgendaView } from './components/AgendaView';
import { AgendaChanges } from './components/AgendaChanges';
import { ExportCard } from './components/ExportCard';
import { CancelMeetingCard, CancelledNotice } from './components/CancelMeeting';
import { MeetingRunner } from './components/MeetingRunner';
import { ActionItems } from './components/ActionItems';
import { Minutes, heldIn } from './components/Minutes';
import { ItemReason, KindTag } from './components/AgendaBits';
import { ItemTimer } from './components/Timers';
import { errorCode, errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { Interpolate } from '../../ui/Interpolate';
import { RelativeTime } from '../../ui/RelativeTime';
import { formatDeadline, formatNumber } from '../../ui/format';
import { useLatest } from '../../ui/useLatest';
import './meetings.css';

export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const variables = useMemo(() => ({ id }), [id]);
  const [{ data, fetching, error, stale }, reexecute] = useQuery({ query: MeetingPageQuery, variables, context: MEETING_CONTEXT });
  const node = data?.node;
  const queried = node && node.__typename === 'Meeting' ? node : null;
  // Attendees follow the meeting as it changes: the agenda being published, the meeting starting,
  // the current item moving on, without a reload. Facilitators make those changes: their page
  // refreshes after each of their own, and meeting mode's optimistic "next item" must not be
  // overtaken by an event read before it was saved.
  const attendee = !!queried && !queried.viewerCanManage;
  const [live] = useSubscription({ query: MeetingChangedSubscription, variables, pause: !attendee });
  const pushed = attendee && live.data?.meetingChanged.id === id ? live.data.meetingChanged : null;
  const meeting = useLatest(queried, pushed);
  useDocumentTitle(meeting?.title ?? t('meetings.page.loadingTitle'));

  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // The meeting this person just cancelled here: its notice says that it worked.
  const [cancelledHere, setCancelledHere] = useState<string | null>(null);

  if (!data && fetching) return <Loading label={t('meetings.page.loading')} />;
  if (errorCode(error) === 'NOT_FOUND' || (data && !meeting)) return <NotFoundPage />;
  if (!meeting) return <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={reload} />;

  return (
    <div className="page meeting-page">
      <BackToMeetings />
      <MeetingHeader meeting={meeting} />
      {meeting.status === 'CANCELLED' ? (
        <CancelledNotice title={meeting.title} justCancelled={cancelledHere === meeting.id} />
      ) : (
        <MeetingBody meeting={meeting} refreshing={stale || fetching} reload={reload} />
      )}
      {meeting.status === 'PLANNED' && meeting.viewerCanCancel ? (
        <CancelMeetingCard key={meeting.id} meetingId={meeting.id} title={meeting.title} onCancelled={() => setCancelledHere(meeting.id)} />
      ) : null}
    </div>
  );
}

function MeetingHeader({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const held = heldIn(meeting, i18n.language);
  const published = meeting.status === 'PLANNED' && !!meeting.agendaPublishedAt;
  return (
    <header className="issue-head meeting-head">
      <div className="issue-head__badges">
        <MeetingStatusBadge status={meeting.status} testId="meeting-status" />
        {published ? (
          <span className="agenda-state agenda-state--published" data-testid="agenda-published">
            <span aria-hidden="true">✓ </span>
            {t('meetings.page.published')} <RelativeTime iso={meeting.agendaPublishedAt!} inSentence />
          </span>
        ) : null}
      </div>
      <h1 className="issue-head__title" data-testid="meeting-heading">
        {meeting.title}
      </h1>
      <dl className="meeting-facts">
        <div className="meeting-facts__item">
          <dt>{t('meetings.page.when')}</dt>
          <dd>
            <time dateTime={meeting.startsAt}>{formatDeadline(meeting.startsAt)}</time>
          </dd>
        </div>
        <div className="meeting-facts__item">
          <dt>{t('meetings.page.duration')}</dt>
          <dd>{t('meetings.minutes', { formatted: formatNumber(meeting.durationMinutes) })}</dd>
        </div>
        <div className="meeting-facts__item">
          <dt>{t('meetings.page.facilitator')}</dt>
          <dd>{meeting.facilitator.name}</dd>
        </div>
        {meeting.startedAt ? (
          <div className="meeting-facts__item">
            <dt>{t('meetings.page.held')}</dt>
            <dd data-testid="meeting-held">
              {held
                ? held.to
                  ? t('meetings.page.heldOn', { date: held.date, from: held.from, to: held.to, zone: meeting.timeZone })
                  : t('meetings.page.heldOnSince', { date: held.date, from: held.from, zone: meeting.timeZone })
                : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {meeting.previousMeeting ? (
        <p className="issue-head__meta">
          <Interpolate
            text={(slot) => t('meetings.page.previous', { title: slot })}
            element={<Link to={meetingHref(meeting.previousMeeting.id)}>{meeting.previousMeeting.title}</Link>}
          />
        </p>
      ) : null}
    </header>
  );
}

function MeetingBody({ meeting, refreshing, reload }: { meeting: MeetingDetail; refreshing: boolean; reload: () => void }) {
  const { t } = useTranslation();
  if (meeting.status === 'CLOSED') return <Minutes meeting={meeting} />;
  if (meeting.status === 'IN_PROGRESS') return meeting.viewerCanManage ? <MeetingRunner meeting={meeting} onStale={reload} /> : <FollowMeeting meeting={meeting} />;
  if (meeting.viewerCanManage) return <AgendaPlanner meeting={meeting} refreshing={refreshing} />;
  if (!meeting.viewerCanReadAgenda) {
    return (
      <EmptyState title={t('meetings.page.notPublished')}>
        <p className="muted">{t('meetings.page.notPublishedHint')}</p>
      </EmptyState>
    );
  }
  return (
    <div className="meeting-layout">
      <div className="meeting-layout__main">
        <AgendaView meeting={meeting} />
      </div>
      <aside className="meeting-layout__side" aria-label={t('meetings.page.sideLabel')}>
        <AgendaChanges changes={meeting.changesSincePublication} />
        <ExportCard meeting={meeting} />
      </aside>
    </div>
  );
}

/** Attendees during the meeting: what is being discussed now, and the agenda around it. */
function FollowMeeting({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const currentId = meeting.currentItem?.id ?? null;
  const index = meeting.agenda.findIndex((i) => i.id === currentId);
  const current = index >= 0 ? meeting.agenda[index] : null;
  return (
    <div className="meeting-layout">
      <div className="meeting-layout__main">
        <p className="visually-hidden" aria-live="polite">
          {current ? t('meetings.run.nowDiscussing', { title: current.title }) : ''}
        </p>
        <section className="card current current--follow" aria-labelledby="current-label">
          {current ? (
            <>
              <div className="current__top">
                <p id="current-label" className="current__eyebrow">
                  {t('meetings.run.now', { number: formatNumber(index + 1), total: formatNumber(meeting.agenda.length) })}
                </p>
                <KindTag kind={current.kind} />
              </div>
              <h2 className="current__title" data-testid="current-item">
                {current.title}
              </h2>
              <ItemReason reason={current.reason} />
              {current.startedAt ? <ItemTimer startedAt={current.startedAt} minutes={current.minutes} /> : null}
            </>
          ) : (
            <p id="current-label" className="muted">
              {t('meetings.run.noCurrent')}
            </p>
          )}
          <p className="actions__hint current__live">{t('meetings.run.following')}</p>
        </section>
        <AgendaView meeting={meeting} currentId={currentId} showTotal={false} />
      </div>
      <aside className="meeting-layout__side" aria-label={t('meetings.page.sideLabel')}>
        <ActionItems meetingId={meeting.id} items={meeting.actionItems} canCreate={false} />
        <ExportCard meeting={meeting} />
      </aside>
    </div>
  );
}
