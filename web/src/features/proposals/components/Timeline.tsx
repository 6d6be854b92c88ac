// The proposal's history as a timeline, oldest first: each change of status (and each revision
// and rollout update) with who did it and when, in the viewer's language and time zone. Votes
// are listed with the tally instead, so they do not drown the status changes. The page brings
// the latest events; "Show earlier events" pages back through the rest.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { TFunction } from 'i18next';
import { PROPOSAL_STATUSES, ROLLOUT_STATUSES, type ProposalStatus, type RolloutStatus } from '@council/shared';
import { ProposalEarlierHistoryQuery, type ProposalDetail } from '../documents';
import { errorMessage } from '../../../app/errors';
import { translateKey } from '../../../app/translate';
import { formatDateTime } from '../../../ui/format';
import { LoadFailed } from '../../../ui/States';

type HistoryEvent = ProposalDetail['history'][number];

/** Earlier pages, valid while the latest page still starts at `anchor` (a live update may move it). */
interface Earlier {
  anchor: string;
  events: HistoryEvent[];
}

const HIDDEN = new Set(['vote.cast', 'vote.changed', 'decision.made']);

function statusLabel(t: TFunction, action: string, status: string | null | undefined): string | null {
  if (!status) return null;
  if (action.startsWith('rollout.')) {
    return (ROLLOUT_STATUSES as readonly string[]).includes(status) ? t(`rolloutStatus.${status as RolloutStatus}`) : status;
  }
  return (PROPOSAL_STATUSES as readonly string[]).includes(status) ? t(`proposalStatus.${status as ProposalStatus}`) : status;
}

export function Timeline({ proposalId, history, total }: { proposalId: string; history: readonly HistoryEvent[]; total: number }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const anchor = history[0]?.cursor ?? '';
  // When newer events push the latest page forward, pages loaded before would leave a gap: drop them.
  const before = earlier?.anchor === anchor ? earlier.events : [];
  const all = [...before, ...history];
  const events = all.filter((e) => !HIDDEN.has(e.action));

  async function showEarlier() {
    const oldest = all[0]?.cursor;
    if (!oldest) return;
    setLoading(true);
    setProblem(null);
    const result = await client.query(ProposalEarlierHistoryQuery, { id: proposalId, after: oldest }, { requestPolicy: 'network-only' }).toPromise();
    setLoading(false);
    const node = result.data?.node;
    if (result.error || node?.__typename !== 'Proposal') {
      setProblem(result.error ? errorMessage(result.error, t) : t('errors.NOT_FOUND'));
      return;
    }
    setEarlier({ anchor, events: [...node.history, ...before] });
  }

  function title(action: string): string {
    const key = `history.${action}`;
    return i18n.exists(key) ? translateKey(t, key) : t('history.other');
  }

  return (
    <section className="card timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="card__title">
        {t('history.heading')}
      </h2>
      {all.length < total ? (
        <p className="timeline__earlier">
          <button type="button" className="btn btn--link" onClick={showEarlier} disabled={loading} data-testid="timeline-earlier">
            {t('history.earlier')}
          </button>
        </p>
      ) : null}
      {problem ? <LoadFailed message={problem} onRetry={showEarlier} /> : null}
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
