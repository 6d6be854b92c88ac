// The proposal's history as a timeline, oldest first: each change of status (and each revision
// and rollout update) with who did it and when, in the viewer's language and time zone. Votes
// are listed with the tally instead, so they do not drown the status changes.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PROPOSAL_STATUSES, ROLLOUT_STATUSES, type ProposalStatus, type RolloutStatus } from '@council/shared';
import type { ProposalDetail } from '../documents';
import { translateKey } from '../../../app/translate';
import { formatDateTime } from '../../../ui/format';

type HistoryEvent = ProposalDetail['history'][number];

const HIDDEN = new Set(['vote.cast', 'vote.changed', 'decision.made']);

function statusLabel(t: TFunction, action: string, status: string | null | undefined): string | null {
  if (!status) return null;
  if (action.startsWith('rollout.')) {
    return (ROLLOUT_STATUSES as readonly string[]).includes(status) ? t(`rolloutStatus.${status as RolloutStatus}`) : status;
  }
  return (PROPOSAL_STATUSES as readonly string[]).includes(status) ? t(`proposalStatus.${status as ProposalStatus}`) : status;
}

export function Timeline({ history }: { history: readonly HistoryEvent[] }) {
  const { t, i18n } = useTranslation();
  const events = history.filter((e) => !HIDDEN.has(e.action));

  function title(action: string): string {
    const key = `history.${action}`;
    return i18n.exists(key) ? translateKey(t, key) : t('history.other');
  }

  return (
    <section className="card timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="card__title">
        {t('history.heading')}
      </h2>
      <ol className="timeline__list" data-testid="proposal-timeline">
        {events.map((e, i) => {
          const from = statusLabel(t, e.action, e.fromStatus);
          const to = statusLabel(t, e.action, e.toStatus);
          return (
            <li key={`${e.at}-${i}`} className="timeline__item">
              <span className="timeline__marker" aria-hidden="true" />
              <div className="timeline__body">
                <p className="timeline__title">{title(e.action)}</p>
                <p className="timeline__meta">
                  {e.actor ? e.actor.name : t('history.automatic')}
                  <span aria-hidden="true"> · </span>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </p>
                {from && to && from !== to ? <p className="timeline__change">{t('history.change', { from, to })}</p> : null}
                {e.note && !e.action.startsWith('vote.') ? <p className="timeline__note">{e.note}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
