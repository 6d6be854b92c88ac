// The sections of the home page, one component each; every entry is one click from acting on
// it (a vote's buttons, "my region too", or a link straight to the page where it is done).
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { VoteChoice } from '@council/shared';
import {
  HomeMarkReadMutation,
  type HomeActionItem,
  type HomeIssue,
  type HomeNextMeeting,
  type HomeProposal,
  type HomeRollingOut,
  type HomeRollout,
  type HomeUpdate,
} from '../documents';
import { ISSUES_HREF, NOTIFICATIONS_HREF, ROLLOUTS_HREF } from '../paths';
import { Entry, EntryList, Section } from './Section';
import { VoteButtons } from './VoteButtons';
import { MarkMine } from './MarkMine';
import { decideHref, proposalHref } from '../../proposals/paths';
import { RolloutStatusLabel } from '../../proposals/components/RolloutStatusLabel';
import { WarningIcon } from '../../proposals/components/Icons';
import { NEW_MEETING_HREF, meetingHref, subjectHref } from '../../meetings/paths';
import { Interpolate } from '../../../ui/Interpolate';
import { RelativeTime } from '../../../ui/RelativeTime';
import { formatDate, formatNumber, formatWhen } from '../../../ui/format';

const issueHref = (id: string) => `${ISSUES_HREF}/${encodeURIComponent(id)}`;

/** A sentence with a relative time ("in 3 days", "2 hours ago") in place of its {{date}}. */
function When({ text, iso }: { text: (slot: string) => string; iso: string }) {
  // Not capitalized unless the sentence starts with it.
  const inSentence = !text('\u0000').trimStart().startsWith('\u0000');
  return <Interpolate text={text} element={<RelativeTime iso={iso} inSentence={inSentence} />} />;
}

function ProposalTitle({ proposal }: { proposal: { id: string; title: string } }) {
  return (
    <h3 className="home-item__title">
      <Link to={proposalHref(proposal.id)}>{proposal.title}</Link>
    </h3>
  );
}

export function DecisionQueueSection({ proposals }: { proposals: readonly HomeProposal[] }) {
  const { t } = useTranslation();
  return (
    <Section name="decisionQueue" title={t('home.decisions.title')} count={proposals.length}>
      <EntryList label={t('home.decisions.title')}>
        {proposals.map((p) => (
          <Entry
            key={p.id}
            testId="home-decision"
            main={
              <>
                <ProposalTitle proposal={p} />
                <p className="home-item__meta">
                  <When text={(slot) => t('home.decisions.submitted', { date: slot, name: p.author.name })} iso={p.submittedAt ?? p.updatedAt} />
                </p>
              </>
            }
            action={
              p.viewerActions.includes('decide') ? (
                <Link to={decideHref(p.id)} className="btn btn--primary btn--small" data-testid="home-decide">
                  {t('home.decisions.decide')}
                  <span className="visually-hidden">: {p.title}</span>
                </Link>
              ) : null
            }
          />
        ))}
      </EntryList>
    </Section>
  );
}

export function RollingOutSection({ proposals }: { proposals: readonly HomeRollingOut[] }) {
  const { t } = useTranslation();
  return (
    <Section name="rollingOut" title={t('home.rollingOut.title')} count={proposals.length} more={{ to: ROLLOUTS_HREF, label: t('home.rollingOut.board') }}>
      <EntryList label={t('home.rollingOut.title')}>
        {proposals.map((p) => {
          const done = p.rollouts.filter((r) => r.status === 'DONE').length;
          const overdue = p.rollouts.filter((r) => r.overdue).map((r) => r.region.name);
          return (
            <Entry
              key={p.id}
              testId="home-rolling-out"
              main={
                <>
                  <ProposalTitle proposal={p} />
                  <p className="home-item__meta">{t('home.rollingOut.progress', { done: formatNumber(done), total: formatNumber(p.rollouts.length) })}</p>
                  {overdue.length > 0 ? (
                    <p className="home-item__warning" data-testid="home-overdue-regions">
                      <WarningIcon />
                      {t('home.rollingOut.overdue', { regions: overdue.join(', ') })}
                    </p>
                  ) : null}
                </>
              }
            />
          );
        })}
      </EntryList>
    </Section>
  );
}

export function NextMeetingSection({ next, canSchedule }: { next: HomeNextMeeting | null; canSchedule: boolean }) {
  const { t } = useTranslation();
  const state = next?.agendaState;
  return (
    <Section name="nextMeeting" title={t('home.meeting.title')}>
      {next && state ? (
        <EntryList label={t('home.meeting.title')}>
          <Entry
            testId="home-meeting"
            className={state === 'PUBLISHED' ? undefined : 'home-item--todo'}
            main={
              <>
                <h3 className="home-item__title">
                  <Link to={meetingHref(next.meeting.id)}>{next.meeting.title}</Link>
                </h3>
                <p className="home-item__meta">
                  <time dateTime={next.meeting.startsAt}>{formatWhen(next.meeting.startsAt)}</time>
                </p>
                <p className={state === 'PUBLISHED' ? 'home-item__meta' : 'home-item__warning'} data-testid="home-agenda-state" data-state={state}>
                  {state === 'PUBLISHED' ? <span aria-hidden="true">✓ </span> : <WarningIcon />}
                  {t(`home.meeting.state.${state}`)}
                </p>
              </>
            }
            action={
              <Link to={meetingHref(next.meeting.id)} className={state === 'PUBLISHED' ? 'btn btn--small' : 'btn btn--primary btn--small'}>
                {t(`home.meeting.action.${state}`)}
              </Link>
            }
          />
        </EntryList>
      ) : (
        <p className="home-section__empty">
          {t('home.meeting.none')}{' '}
          {canSchedule ? (
            <Link to={NEW_MEETING_HREF} className="btn btn--primary btn--small">
              {t('home.meeting.schedule')}
            </Link>
          ) : null}
        </p>
      )}
    </Section>
  );
}

export function AwaitingSubmissionSection({ proposals }: { proposals: readonly HomeProposal[] }) {
  const { t } = useTranslation();
  return (
    <Section name="awaitingSubmission" title={t('home.awaiting.title')} count={proposals.length}>
      <EntryList label={t('home.awaiting.title')}>
        {proposals.map((p) => (
          <Entry
            key={p.id}
            testId="home-awaiting"
            main={
              <>
                <ProposalTitle proposal={p} />
                {p.votingClosedAt ? (
                  <p className="home-item__meta">
                    <When text={(slot) => t('home.awaiting.passed', { date: slot })} iso={p.votingClosedAt} />
                  </p>
                ) : null}
              </>
            }
            action={
              <Link to={proposalHref(p.id)} className="btn btn--primary btn--small">
                {t('home.awaiting.submit')}
                <span className="visually-hidden">: {p.title}</span>
              </Link>
            }
          />
        ))}
      </EntryList>
    </Section>
  );
}

function RolloutEntry({ rollout, text }: { rollout: HomeRollout; text: string }) {
  const { t } = useTranslation();
  return (
    <Entry
      testId="home-rollout"
      className={rollout.overdue ? 'home-item--todo' : undefined}
      main={
        <>
          <ProposalTitle proposal={rollout.proposal} />
          <p className="home-item__meta">
            <RolloutStatusLabel status={rollout.status} overdue={rollout.overdue} />
            {rollout.dueOn ? (
              <>
                <span aria-hidden="true"> · </span>
                {text}
              </>
            ) : null}
          </p>
        </>
      }
      action={
        <Link to={ROLLOUTS_HREF} className="btn btn--small">
          {t('home.regionRollouts.update')}
          <span className="visually-hidden">: {rollout.proposal.title}</span>
        </Link>
      }
    />
  );
}

export function OverdueRolloutsSection({ rollouts }: { rollouts: readonly HomeRollout[] }) {
  const { t } = useTranslation();
  return (
    <Section name="overdueRollouts" title={t('home.overdue.title')} count={rollouts.length}>
      <EntryList label={t('home.overdue.title')}>
        {rollouts.map((r) => (
          <RolloutEntry
            key={`${r.proposal.id}:${r.region.id}`}
            rollout={r}
            text={t('home.overdue.due', { region: r.region.name, date: r.dueOn ? formatDate(r.dueOn) : '' })}
          />
        ))}
      </EntryList>
    </Section>
  );
}

export function RegionRolloutsSection({ rollouts }: { rollouts: readonly HomeRollout[] }) {
  const { t } = useTranslation();
  return (
    <Section name="myRegionRollouts" title={t('home.regionRollouts.title')} count={rollouts.length}>
      <EntryList label={t('home.regionRollouts.title')}>
        {rollouts.map((r) => (
          <RolloutEntry key={`${r.proposal.id}:${r.region.id}`} rollout={r} text={t('home.regionRollouts.due', { date: r.dueOn ? formatDate(r.dueOn) : '' })} />
        ))}
      </EntryList>
    </Section>
  );
}

export function VotesSection({ proposals, onCast }: { proposals: readonly HomeProposal[]; onCast: (proposal: HomeProposal, choice: VoteChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Section name="votesToCast" title={t('home.votes.title')} count={proposals.length}>
      <EntryList label={t('home.votes.title')}>
        {proposals.map((p) => (
          <Entry
            key={p.id}
            testId="home-vote"
            className="home-item--vote"
            main={
              <>
                <ProposalTitle proposal={p} />
                {p.votingClosesAt ? (
                  <p className="home-item__meta">
                    <When text={(slot) => t('home.votes.closes', { date: slot })} iso={p.votingClosesAt} />
                  </p>
                ) : null}
                <p className="home-item__meta">
                  <Link to={proposalHref(p.id)}>{t('home.votes.readFirst')}</Link>
                </p>
              </>
            }
            action={<VoteButtons proposal={p} onCast={(choice) => onCast(p, choice)} />}
          />
        ))}
      </EntryList>
    </Section>
  );
}

export function ActionItemsSection({ items, now }: { items: readonly HomeActionItem[]; now: number }) {
  const { t } = useTranslation();
  return (
    <Section name="myActionItems" title={t('home.actionItems.title')} count={items.length}>
      <EntryList label={t('home.actionItems.title')}>
        {items.map((a) => {
          const overdue = !!a.dueOn && new Date(a.dueOn).getTime() < now;
          return (
            <Entry
              key={a.id}
              testId="home-action-item"
              className={overdue ? 'home-item--todo' : undefined}
              main={
                <>
                  <h3 className="home-item__title">{a.title}</h3>
                  <p className="home-item__meta">
                    {a.dueOn ? t('home.actionItems.due', { date: formatDate(a.dueOn) }) : t('home.actionItems.noDue')}
                    {overdue ? (
                      <span className="home-item__warning home-item__warning--inline">
                        <WarningIcon />
                        {t('home.actionItems.overdue')}
                      </span>
                    ) : null}
                  </p>
                </>
              }
              action={
                <Link to={meetingHref(a.meeting.id)} className="btn btn--small">
                  {t('home.actionItems.from', { meeting: a.meeting.title })}
                </Link>
              }
            />
          );
        })}
      </EntryList>
    </Section>
  );
}

const READ_CONTEXT = { additionalTypenames: ['Notification'] };

export function UpdatesSection({ updates }: { updates: readonly HomeUpdate[] }) {
  const { t } = useTranslation();
  const [, markRead] = useMutation(HomeMarkReadMutation);
  return (
    <Section name="updates" title={t('home.updates.title')} count={updates.length} more={{ to: NOTIFICATIONS_HREF, label: t('home.updates.all') }}>
      <EntryList label={t('home.updates.title')}>
        {updates.map((n) => {
          const href = subjectHref(n.subject);
          return (
            <Entry
              key={n.id}
              testId="home-update"
              main={
                <>
                  <p className="home-item__message">
                    {href ? (
                      // Opening it is reading it: marked read while the page changes.
                      <Link to={href} onClick={() => void markRead({ ids: [n.id] }, READ_CONTEXT)}>
                        {n.message}
                      </Link>
                    ) : (
                      n.message
                    )}
                  </p>
                  <p className="home-item__meta">
                    <RelativeTime iso={n.createdAt} />
                  </p>
                </>
              }
            />
          );
        })}
      </EntryList>
    </Section>
  );
}

export function UnmarkedIssuesSection({ issues, totalCount, onMarked }: { issues: readonly HomeIssue[]; totalCount: number; onMarked: (issue: HomeIssue) => void }) {
  const { t } = useTranslation();
  return (
    <Section
      name="unmarkedIssues"
      title={t('home.unmarked.title')}
      lead={t('home.unmarked.count', { count: totalCount, formatted: formatNumber(totalCount) })}
      more={{ to: `${ISSUES_HREF}?unmarked=1`, label: t('home.unmarked.all') }}
    >
      <EntryList label={t('home.unmarked.title')}>
        {issues.map((i) => (
          <Entry
            key={i.id}
            testId="home-unmarked"
            main={
              <>
                <h3 className="home-item__title">
                  <Link to={issueHref(i.id)}>{i.title}</Link>
                </h3>
                <p className="home-item__meta">{t('home.unmarked.fromRegion', { region: i.originRegion.name })}</p>
              </>
            }
            action={i.viewerCanSupport ? <MarkMine issue={i} onMarked={() => onMarked(i)} /> : null}
          />
        ))}
      </EntryList>
    </Section>
  );
}
