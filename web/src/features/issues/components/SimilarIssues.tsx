// While an issue is being raised: the open issues most like what has been typed so far (the
// title, from three characters, and the description), each with a one-click "this is our problem
// too" that supports it instead of raising a duplicate. A live region says how many were found.
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@council/shared';
import { SimilarIssuesQuery, SupportSimilarMutation } from '../documents';
import { issueHref } from './IssueRow';
import { errorMessage } from '../../../app/errors';
import { useDebounced } from '../../../ui/useDebounced';
import { formatNumber } from '../../../ui/format';
import '../duplicates.css';

const SUPPORT_CONTEXT = { additionalTypenames: ['Issue', 'Support'] };
/** Asked from this many characters of title on. */
export const SIMILAR_MIN_TITLE = 3;

export function SimilarIssues({
  title,
  description,
  onSupported,
}: {
  title: string;
  description: string;
  /** The person supported an existing issue instead: the form is done. */
  onSupported: (issue: { id: string; title: string }) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const noteId = useId();
  const typedTitle = useDebounced(title.trim(), 400);
  const typedDescription = useDebounced(description.trim(), 600);
  const asking = typedTitle.length >= SIMILAR_MIN_TITLE;
  const variables = useMemo(() => ({ title: typedTitle, description: typedDescription || null }), [typedTitle, typedDescription]);
  const [{ data }] = useQuery({ query: SimilarIssuesQuery, variables, pause: !asking });
  const [{ fetching: supporting }, support] = useMutation(SupportSimilarMutation);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [useNote, setUseNote] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const similar = asking ? (data?.similarIssues ?? []) : [];
  const note = description.trim().slice(0, LIMITS.supportNote.max);

  async function onSupport(issue: { id: string; title: string }) {
    setError(null);
    setBusyId(issue.id);
    const result = await support({ issueId: issue.id, note: useNote && note ? note : null }, SUPPORT_CONTEXT);
    setBusyId(null);
    if (result.error) {
      setError(errorMessage(result.error, t));
      return;
    }
    onSupported(issue);
  }

  return (
    <>
      {/* Always on the page, so that a screen reader hears each new count as it comes. */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="similar-count">
        {asking && data
          ? similar.length
            ? t('duplicates.similar.found', { count: similar.length, formatted: formatNumber(similar.length) })
            : t('duplicates.similar.none')
          : ''}
      </p>
      {similar.length ? (
        <section className="similar" aria-labelledby={headingId} data-testid="similar-issues">
          <h2 id={headingId} className="similar__heading">
            {t('duplicates.similar.heading')}
          </h2>
          <p className="similar__lead">{t('duplicates.similar.lead')}</p>
          {note ? (
            <label className="similar__note" htmlFor={noteId}>
              <input id={noteId} type="checkbox" checked={useNote} onChange={(e) => setUseNote(e.target.checked)} />
              {t('duplicates.similar.useNote')}
            </label>
          ) : null}
          <ul className="similar__list">
            {similar.map((issue) => (
              <li key={issue.id} className="similar__item" data-testid="similar-issue">
                <span className="similar__text">
                  <Link className="similar__title" to={issueHref(issue.id)}>
                    {issue.title}
                  </Link>
                  <span className="similar__meta">
                    {t('duplicates.similar.regions', { regions: issue.affectedRegions.map((r) => r.name).join(', ') })} ·{' '}
                    {t('issues.supports', { count: issue.supportCount, formatted: formatNumber(issue.supportCount) })}
                  </span>
                </span>
                {issue.canSupport.allowed ? (
                  <button
                    type="button"
                    className="btn btn--primary similar__action"
                    disabled={supporting}
                    onClick={() => onSupport(issue)}
                    data-testid="similar-support"
                  >
                    {busyId === issue.id ? t('duplicates.similar.supporting') : t('duplicates.similar.supportIt')}
                  </button>
                ) : issue.viewerRegionAffected ? (
                  <span className="similar__meta">{t('duplicates.similar.alreadyAffected')}</span>
                ) : null}
              </li>
            ))}
          </ul>
          {error ? (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
