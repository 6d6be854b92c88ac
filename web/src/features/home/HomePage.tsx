// Home, the landing page after sign-in: what needs the viewer, in the order their roles make
// urgent (an executive's decision queue first, a facilitator's next meeting, a coordinator's
// votes), each entry one click from acting. Which sections a person has is the server's answer
// (a section they do not have is null); an empty home says what is happening instead. The page
// is read again whenever the viewer's unread count changes (a new update, a vote opened…).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { HomeQuery, type HomeData, type HomeSummary } from './documents';
import { ISSUES_HREF, PROPOSALS_HREF } from './paths';
import {
  ActionItemsSection,
  AwaitingSubmissionSection,
  DecisionQueueSection,
  NextMeetingSection,
  OverdueRolloutsSection,
  RegionRolloutsSection,
  RollingOutSection,
  UnmarkedIssuesSection,
  UpdatesSection,
  VotesSection,
} from './components/Sections';
import { UnreadCountSubscription } from '../notifications/documents';
import { PoliciesToConfirmSection, RegionsBehindSection } from '../policies/components/Acknowledgements';
import { OutcomesToReportSection } from '../proposals/components/Outcomes';
import { OverdueReferralsSection, ReferralsToAnswerSection } from '../departments/components/HomeReferrals';
import { meetingHref } from '../meetings/paths';
import { useViewer } from '../auth/viewer';
import { FlowGuide } from '../issues/components/FlowGuide';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, Loading, LoadFailed } from '../../ui/States';
import { Interpolate } from '../../ui/Interpolate';
import { formatNumber, formatWhen } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import './home.css';

/** Every kind of thing the home shows: a change to any of them reads the page again. */
const HOME_CONTEXT = { additionalTypenames: ['Proposal', 'Issue', 'Notification', 'ActionItem', 'Meeting', 'Rollout', 'Policy', 'Referral'] };

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.nav'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: HomeQuery, context: HOME_CONTEXT, requestPolicy: 'cache-and-network' });
  const [done, setDone] = useState('');
  useRefetchOnUpdates(() => reexecute({ requestPolicy: 'network-only' }));
  const viewer = useViewer();
  const facilitates = viewer.canScheduleMeeting.allowed;
  // A department's contact: only their questions; the council's summary and guide are not theirs.
  const readsWorkspace = viewer.canReadWorkspace.allowed;
  const home = data?.home;
  const tasks = home ? waiting(home, facilitates) : 0;

  return (
    <div className="page home">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('home.title')}</h1>
          {home && tasks > 0 ? (
            <p className="page-head__lead" data-testid="home-lead">
              {t('home.waiting', { count: tasks, formatted: formatNumber(tasks) })}
            </p>
          ) : null}
        </div>
      </div>

      <div className="live home__done" role="status" aria-live="polite" data-testid="home-done">
        {done ? <p className="notice notice--info">{done}</p> : null}
      </div>

      {!home && fetching ? <Loading label={t('home.loading')} /> : null}
      {!home && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}

      {home ? (
        <>
          {tasks === 0 ? (
            <div data-testid="home-empty">
              {readsWorkspace ? (
                <EmptyState title={t('home.nothing')}>
                  <SummaryText summary={home.summary} />
                  <p className="muted">{t('home.nothingHint')}</p>
                  <SummaryLinks />
                  <FlowGuide />
                </EmptyState>
              ) : (
                <EmptyState title={t('departments.home.nothing')}>
                  <p className="muted">{t('departments.home.nothingHint')}</p>
                </EmptyState>
              )}
            </div>
          ) : null}
          <Sections home={home} facilitates={facilitates} onDone={setDone} />
          {tasks > 0 && readsWorkspace ? <Summary summary={home.summary} /> : null}
        </>
      ) : null}
    </div>
  );
}

/** How many things wait for the viewer: entries to act on (a published agenda is no task, changes being rolled out are news). */
function waiting(home: HomeData, facilitates: boolean): number {
  const lists = [
    home.decisionQueue,
    home.awaitingSubmission,
    home.overdueRollouts,
    home.overdueReferrals,
    home.regionsBehind,
    home.votesToCast,
    home.policiesToConfirm,
    home.outcomesToReport,
    home.myRegionRollouts,
    home.myActionItems,
    home.updates,
  ];
  // For who runs the meetings: an agenda to generate or publish, or a meeting to schedule.
  const meeting = home.nextMeeting ? (home.nextMeeting.agendaState === 'PUBLISHED' ? 0 : 1) : facilitates ? 1 : 0;
  // The unmarked issues count as many as are shown: marking them all is no duty, picking some is.
  // Questions for the viewer's department: those still unanswered (an answered one may be corrected, it is no duty).
  const toAnswer = home.referralsToAnswer?.filter((r) => r.status === 'OPEN').length ?? 0;
  return lists.reduce((n, list) => n + (list?.length ?? 0), 0) + meeting + toAnswer + (home.unmarkedIssues?.nodes.length ?? 0);
}

function Sections({ home, facilitates, onDone }: { home: HomeData; facilitates: boolean; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const now = useNow(60_000);
  // In priority order: the sections of a role that has them come first (decisions, then the
  // running of meetings, then one's own votes and region), then what is the viewer's own.
  const sections: [string, ReactNode][] = [];
  const add = (key: string, show: boolean, node: () => ReactNode) => {
    if (show) sections.push([key, node()]);
  };
  add('referralsToAnswer', !!home.referralsToAnswer?.length, () => <ReferralsToAnswerSection referrals={home.referralsToAnswer!} />);
  add('decisionQueue', !!home.decisionQueue?.length, () => <DecisionQueueSection proposals={home.decisionQueue!} />);
  add('rollingOut', !!home.rollingOut?.length, () => <RollingOutSection proposals={home.rollingOut!} />);
  add('nextMeeting', !!home.nextMeeting || facilitates, () => <NextMeetingSection next={home.nextMeeting} canSchedule={facilitates} />);
  add('awaitingSubmission', !!home.awaitingSubmission?.length, () => <AwaitingSubmissionSection proposals={home.awaitingSubmission!} />);
  add('overdueRollouts', !!home.overdueRollouts?.length, () => <OverdueRolloutsSection rollouts={home.overdueRollouts!} />);
  add('overdueReferrals', !!home.overdueReferrals?.length, () => <OverdueReferralsSection referrals={home.overdueReferrals!} />);
  add('regionsBehind', !!home.regionsBehind?.length, () => <RegionsBehindSection regions={home.regionsBehind!} />);
  add('votesToCast', !!home.votesToCast?.length, () => (
    <VotesSection
      proposals={home.votesToCast!}
      onCast={(p, choice) => onDone(t('home.done.vote', { choice: t(`voteChoice.${choice}`), title: p.title }))}
    />
  ));
  add('policiesToConfirm', !!home.policiesToConfirm?.length, () => (
    <PoliciesToConfirmSection
      policies={home.policiesToConfirm!}
      onConfirmed={(p) => onDone(t('followUp.upToDate.home.done', { title: p.title, version: p.currentVersion }))}
    />
  ));
  add('outcomesToReport', !!home.outcomesToReport?.length && !!viewer.region, () => (
    <OutcomesToReportSection
      proposals={home.outcomesToReport!}
      regionId={viewer.region!.id}
      onReported={(p, verdict) => onDone(t('followUp.outcomes.home.done', { title: p.title, verdict: t(`followUp.outcomes.verdict.${verdict}`) }))}
    />
  ));
  add('myRegionRollouts', !!home.myRegionRollouts?.length, () => <RegionRolloutsSection rollouts={home.myRegionRollouts!} />);
  add('myActionItems', home.myActionItems.length > 0, () => <ActionItemsSection items={home.myActionItems} now={now} />);
  add('updates', home.updates.length > 0, () => <UpdatesSection updates={home.updates} />);
  add('unmarkedIssues', !!home.unmarkedIssues?.nodes.length, () => (
    <UnmarkedIssuesSection
      issues={home.unmarkedIssues!.nodes}
      totalCount={home.unmarkedIssues!.totalCount}
      onMarked={(issue) => onDone(t('home.done.marked', { title: issue.title }))}
    />
  ));
  return (
    <div className="home__sections">
      {sections.map(([key, node]) => (
        <div key={key} className="home__slot">
          {node}
        </div>
      ))}
    </div>
  );
}

/** What is happening in the council, under the sections. */
function Summary({ summary }: { summary: HomeSummary }) {
  const { t } = useTranslation();
  return (
    <section className="home-summary" aria-labelledby="home-summary-title">
      <h2 id="home-summary-title" className="home-summary__title">
        {t('home.summary.label')}
      </h2>
      <SummaryText summary={summary} />
      <SummaryLinks />
    </section>
  );
}

/** "3 votes are open. 12 issues are open. Next meeting: …": open votes and issues, changes rolling out, the next meeting. */
function SummaryText({ summary }: { summary: HomeSummary }) {
  const { t } = useTranslation();
  const votes = summary.openVoteCount;
  const issues = summary.openIssueCount;
  const rollouts = summary.implementingCount;
  const next = summary.nextMeeting;
  return (
    <p className="home-summary__text" data-testid="home-summary">
      <span data-testid="home-summary-votes">
        {votes > 0 ? t('home.summary.votes', { count: votes, formatted: formatNumber(votes) }) : t('home.summary.noVotes')}
      </span>{' '}
      <span>{t('home.summary.issues', { count: issues, formatted: formatNumber(issues) })}</span>{' '}
      {rollouts > 0 ? <span>{t('home.summary.rollouts', { count: rollouts, formatted: formatNumber(rollouts) })} </span> : null}
      <span>
        {next ? (
          <Interpolate
            text={(slot) => t('home.summary.nextMeeting', { title: slot, date: formatWhen(next.startsAt) })}
            element={<Link to={meetingHref(next.id)}>{next.title}</Link>}
          />
        ) : (
          t('home.summary.noMeeting')
        )}
      </span>
    </p>
  );
}

function SummaryLinks() {
  const { t } = useTranslation();
  return (
    <p className="home-summary__links">
      <Link to={ISSUES_HREF}>{t('home.summary.browseIssues')}</Link>
      <span aria-hidden="true"> · </span>
      <Link to={PROPOSALS_HREF}>{t('home.summary.browseProposals')}</Link>
    </p>
  );
}

/** Calls `refetch` each time the viewer's unread count changes after the first reading (something happened for them). */
function useRefetchOnUpdates(refetch: () => void) {
  const [live] = useSubscription({ query: UnreadCountSubscription });
  const count = live.data?.unreadNotificationCount;
  const last = useRef<number | undefined>(undefined);
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    if (count === undefined) return;
    if (last.current !== undefined && last.current !== count) latest.current();
    last.current = count;
  }, [count]);
}
