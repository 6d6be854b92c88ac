// The home's lists of questions to departments: for a department's contact, the questions for
// their department (unanswered first, then answered ones not closed yet); for a facilitator, the
// questions past their due date. Each entry leads to the issue, where it is answered or chased.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { HomeReferral } from '../documents';
import { OverdueBadge, ReferralStatusBadge } from './Badges';
import { Entry, EntryList, Section } from '../../home/components/Section';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Interpolate } from '../../../ui/Interpolate';
import { formatDate } from '../../../ui/format';
import '../departments.css';

const issueHref = (id: string) => `/issues/${encodeURIComponent(id)}`;
const EXCERPT = 180;

/** The question's first words, without Markdown's marks. */
export function excerpt(markdown: string, max = EXCERPT): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

function ReferralEntry({ referral: r, testId, action }: { referral: HomeReferral; testId: string; action: string }) {
  const { t } = useTranslation();
  return (
    <Entry
      testId={testId}
      className={r.overdue ? 'home-item--todo' : undefined}
      main={
        <>
          <h3 className="home-item__title">
            <Link to={issueHref(r.issue.id)}>{r.issue.title}</Link>
          </h3>
          <p className="home-item__meta">
            <strong>{r.department.name}</strong>
            <span aria-hidden="true"> · </span>
            <ReferralStatusBadge status={r.status} />
            {r.overdue ? (
              <>
                {' '}
                <OverdueBadge />
              </>
            ) : null}
            <span aria-hidden="true"> · </span>
            {r.dueOn ? t('departments.issue.due', { date: formatDate(r.dueOn) }) : t('departments.home.noDue')}
          </p>
          <p className="home-item__meta" data-testid="home-referral-question">
            <span className="visually-hidden">{t('departments.issue.question')}: </span>
            {excerpt(r.question)}
          </p>
          <p className="home-item__meta">
            <Interpolate text={(slot) => t('departments.issue.askedBy', { name: r.referredBy.name, date: slot })} element={<RelativeTime iso={r.createdAt} inSentence />} />
          </p>
        </>
      }
      action={
        <Link to={issueHref(r.issue.id)} className="btn btn--small">
          {action}
          <span className="visually-hidden">: {r.issue.title}</span>
        </Link>
      }
    />
  );
}

export function ReferralsToAnswerSection({ referrals }: { referrals: readonly HomeReferral[] }) {
  const { t } = useTranslation();
  const open = referrals.filter((r) => r.status === 'OPEN').length;
  return (
    <Section name="referralsToAnswer" title={t('departments.home.toAnswer')} count={open} lead={t('departments.home.toAnswerLead')}>
      <EntryList label={t('departments.home.toAnswer')}>
        {referrals.map((r) => (
          <ReferralEntry key={r.id} referral={r} testId="home-referral" action={r.status === 'OPEN' ? t('departments.home.answer') : t('departments.home.open')} />
        ))}
      </EntryList>
    </Section>
  );
}

export function OverdueReferralsSection({ referrals }: { referrals: readonly HomeReferral[] }) {
  const { t } = useTranslation();
  return (
    <Section name="overdueReferrals" title={t('departments.home.overdue')} count={referrals.length} lead={t('departments.home.overdueLead')}>
      <EntryList label={t('departments.home.overdue')}>
        {referrals.map((r) => (
          <ReferralEntry key={r.id} referral={r} testId="home-overdue-referral" action={t('departments.home.open')} />
        ))}
      </EntryList>
    </Section>
  );
}
