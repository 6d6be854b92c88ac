// The printable meeting: a clean agenda (planned times, items, reasons, time boxes) or, once
// the meeting is closed, its minutes and action items. No navigation; the toolbar with "Print"
// and the way back is not printed.
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MEETING_CONTEXT, MeetingPageQuery, type MeetingDetail } from './documents';
import { meetingHref } from './paths';
import { plannedStarts } from './components/AgendaBits';
import { isFixed } from './components/MeetingRunner';
import { errorCode, errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { NotFoundPage } from '../../app/RouteError';
import { LoadFailed, Loading } from '../../ui/States';
import { Markdown } from '../../ui/Markdown';
import { formatDate, formatDeadline, formatNumber, formatTime } from '../../ui/format';
import './meetings.css';

export function PrintMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const variables = useMemo(() => ({ id }), [id]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeetingPageQuery, variables, context: MEETING_CONTEXT });
  const node = data?.node;
  const meeting = node && node.__typename === 'Meeting' ? node : null;
  const closed = meeting?.status === 'CLOSED';
  useDocumentTitle(
    meeting ? (closed ? t('meetings.print.minutesTitle', { title: meeting.title }) : t('meetings.print.agendaTitle', { title: meeting.title })) : undefined,
  );

  if (!data && fetching) {
    return (
      <div className="page-center">
        <Loading label={t('meetings.page.loading')} />
      </div>
    );
  }
  if (errorCode(error) === 'NOT_FOUND' || (data && !meeting)) {
    return (
      <main className="main">
        <NotFoundPage />
      </main>
    );
  }
  if (!meeting) {
    return (
      <main className="main">
        <LoadFailed message={error ? errorMessage(error, t) : t('errors.INTERNAL')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  const hidden = !meeting.viewerCanReadAgenda;

  return (
    <div className="print-page">
      <header className="print-page__toolbar">
        <Link to={meetingHref(meeting.id)} className="btn btn--ghost">
          <span aria-hidden="true">← </span>
          {t('meetings.print.back')}
        </Link>
        {!hidden ? (
          <button type="button" className="btn btn--primary" onClick={() => window.print()} data-testid="print-button">
            {t('meetings.print.print')}
          </button>
        ) : null}
      </header>
      <main className="print-page__sheet">
        <header className="print-page__head">
          <p className="print-page__kind">{closed ? t('meetings.print.minutes') : t('meetings.print.agenda')}</p>
          <h1 className="print-page__title">{meeting.title}</h1>
          <p className="print-page__meta">
            {formatDeadline(meeting.startsAt)}
            <span aria-hidden="true"> · </span>
            {t('meetings.minutes', { formatted: formatNumber(meeting.durationMinutes) })}
            <span aria-hidden="true"> · </span>
            {t('meetings.print.facilitator', { name: meeting.facilitator.name })}
          </p>
          {!hidden && meeting.status === 'PLANNED' && !meeting.agendaPublishedAt ? (
            <p className="print-page__draft">{t('meetings.print.draft')}</p>
          ) : null}
        </header>
        {hidden ? <p>{t('meetings.page.notPublished')}</p> : closed ? <PrintMinutes meeting={meeting} /> : <PrintAgenda meeting={meeting} />}
      </main>
    </div>
  );
}

function PrintAgenda({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const starts = plannedStarts(meeting.startsAt, meeting.agenda);
  if (meeting.agenda.length === 0) return <p>{t('meetings.agenda.empty')}</p>;
  return (
    <table className="print-agenda">
      <caption className="visually-hidden">{t('meetings.print.agenda')}</caption>
      <thead>
        <tr>
          <th scope="col" className="print-agenda__time">
            {t('meetings.print.time')}
          </th>
          <th scope="col">{t('meetings.print.item')}</th>
          <th scope="col" className="num">
            {t('meetings.print.minutesColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {meeting.agenda.map((item, i) => (
          <tr key={item.id}>
            <td className="print-agenda__time">{formatTime(starts[i])}</td>
            <td>
              <p className="print-agenda__title">
                {formatNumber(i + 1)}. {item.title} <span className="print-agenda__kind">({t(`meetings.kind.${item.kind}`)})</span>
              </p>
              <p className="print-agenda__reason">{item.reason}</p>
            </td>
            <td className="num">{formatNumber(item.minutes)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {t('meetings.print.total')}
          </th>
          <td className="num">{t('meetings.agenda.total', { planned: formatNumber(meeting.plannedMinutes), duration: formatNumber(meeting.durationMinutes) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function PrintMinutes({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <ol className="print-minutes">
        {meeting.agenda.map((item) => (
          <li key={item.id} className="print-minutes__item">
            <h2 className="print-minutes__title">
              {item.title}{' '}
              <span className="print-minutes__state">
                ({item.done ? t('meetings.minutesView.done') : isFixed(item) ? t('meetings.minutesView.notDone') : t('meetings.minutesView.carriedOver')})
              </span>
            </h2>
            {item.notes ? <Markdown source={item.notes} /> : null}
            {item.outcome ? (
              <p>
                <strong>{t('meetings.minutesView.outcome')}:</strong> {item.outcome}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <h2 className="print-page__section">{t('meetings.actions.heading')}</h2>
      {meeting.actionItems.length === 0 ? (
        <p>{t('meetings.actions.empty')}</p>
      ) : (
        <table className="print-agenda">
          <thead>
            <tr>
              <th scope="col">{t('meetings.actions.title')}</th>
              <th scope="col">{t('meetings.actions.ownerLabel')}</th>
              <th scope="col">{t('meetings.actions.dueLabel')}</th>
              <th scope="col">{t('meetings.print.status')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.actionItems.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{a.owner.name}</td>
                <td>{a.dueOn ? formatDate(a.dueOn) : t('meetings.actions.noDue')}</td>
                <td>{t(`meetings.actionStatus.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
