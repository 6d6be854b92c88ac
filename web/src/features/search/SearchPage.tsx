// The global search (/search?q=…): issues, proposals, comments and policies matching the words
// typed, best first, each with a plain-text snippet whose matching words are marked, and a link to
// where it can be read. The query lives in the URL, so a search can be shared and reloaded.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@council/shared';
import { SearchQuery, type SearchHitData } from './documents';
import { pieces } from './highlight';
import { issueHref } from '../issues/components/IssueRow';
import { proposalHref } from '../proposals/paths';
import { SearchIcon } from '../issues/components/Icons';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { formatNumber } from '../../ui/format';
import { hashOf } from '../../ui/useHashTarget';
import { commentAnchor, referralAnchor } from '../../ui/anchors';
import './search.css';

const SHOWN = 50;

/** Where a hit is read: its own page; a comment's is the page of what it comments on, a referral's its issue's. */
function hrefOf(node: { __typename: string; id: string } | null | undefined): string | null {
  switch (node?.__typename) {
    case 'Issue':
      return issueHref(node.id);
    case 'Proposal':
      return proposalHref(node.id);
    case 'Policy':
      return `/policies#policy-${node.id}`;
    default:
      return null;
  }
}

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const [text, setText] = useState(query);
  const inputId = useId();
  useDocumentTitle(query ? t('search.titleFor', { query }) : t('search.title'));

  // Back/forward changes the URL: the box follows it.
  useEffect(() => setText(query), [query]);

  const [{ data, fetching, error }, reexecute] = useQuery({ query: SearchQuery, variables: { query, first: SHOWN }, pause: !query });
  const hits = query && data ? data.search : null;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  }

  return (
    <div className="page search-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('search.title')}</h1>
          <p className="page-head__lead">{t('search.lead')}</p>
        </div>
      </div>

      <form role="search" className="search-page__form" onSubmit={onSubmit}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <span className="input-icon">
          <SearchIcon />
          <input
            id={inputId}
            type="search"
            className="input"
            placeholder={t('search.placeholder')}
            value={text}
            maxLength={LIMITS.search.max}
            onChange={(e) => setText(e.target.value)}
            data-testid="search-input"
          />
        </span>
        <button type="submit" className="btn btn--primary">
          {t('search.submit')}
        </button>
      </form>

      {!query ? <p className="muted">{t('search.start')}</p> : null}
      {query && !hits && fetching ? <Loading label={t('search.loading')} /> : null}
      {query && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {hits && hits.length === 0 ? (
        <EmptyState title={t('search.none', { query })}>
          <p className="muted">{t('search.noneHint')}</p>
        </EmptyState>
      ) : null}
      {hits && hits.length > 0 ? (
        <>
          <p className="feed__count" aria-live="polite">
            {t('search.results', { count: hits.length, formatted: formatNumber(hits.length), query })}
          </p>
          <ol className="search-results" data-testid="search-results">
            {hits.map((hit) => (
              <SearchResult key={hit.subject.id} hit={hit} />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function SearchResult({ hit }: { hit: SearchHitData }) {
  const { t } = useTranslation();
  const kind = hit.subject.__typename as 'Issue' | 'Proposal' | 'Comment' | 'Policy' | 'Referral';
  // A comment is read on what it comments on; a question to a department, on its issue: the page
  // opens at it.
  const onParent = kind === 'Comment' || kind === 'Referral' ? hrefOf(hit.parent) : null;
  const href = onParent ? onParent + hashOf(kind === 'Comment' ? commentAnchor(hit.subject.id) : referralAnchor(hit.subject.id)) : hrefOf(hit.subject);
  const title =
    kind === 'Comment'
      ? t('search.commentOn', { title: hit.title })
      : hit.subject.__typename === 'Referral'
        ? t('search.referralOn', { title: hit.title, department: hit.subject.department.name })
        : hit.title;
  return (
    <li className="card search-result" data-testid="search-result">
      <div className="search-result__head">
        <span className="tag">{t(`search.kind.${kind}`)}</span>
        <h2 className="search-result__title">{href ? <Link to={href}>{title}</Link> : title}</h2>
      </div>
      {hit.snippet ? (
        <p className="search-result__snippet">
          {pieces(hit.snippet, hit.highlights).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
        </p>
      ) : null}
    </li>
  );
}
