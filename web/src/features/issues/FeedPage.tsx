// The issue feed: filters, sort and search (all in the URL), the total, and pages of
// issues appended with "Load more". People with a region triage from here: each row says whether
// their region is affected and marks it with one click; a filter keeps the issues not marked yet.
// On a phone the filters other than search fold behind a "Filters" button that counts the active ones.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import './duplicates.css';
import { ISSUE_STATUSES, LIMITS } from '@council/shared';
import { FeedFiltersQuery, IssueFeedQuery, type IssueRowData } from './documents';
import { SORTS, feedVariables, useFeedParams, type FeedParams, type SortKey } from './feedParams';
import { IssueRow } from './components/IssueRow';
import { FlowGuide } from './components/FlowGuide';
import { SearchIcon } from './components/Icons';
import { useViewer } from '../auth/viewer';
import { errorMessage } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useDebounced } from '../../ui/useDebounced';
import { EmptyState, LoadFailed, Skeleton } from '../../ui/States';
import { formatNumber } from '../../ui/format';

const FEED_CONTEXT = { additionalTypenames: ['Issue', 'Comment'] };

export function FeedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('issues.feed.title'));
  const viewer = useViewer();
  const { params: fromUrl, update } = useFeedParams();
  const [{ data: filterData }] = useQuery({ query: FeedFiltersQuery });
  // "Not yet marked by my region" means nothing to someone without a region: not offered, not applied.
  const hasRegion = !!viewer.region;
  const params = useMemo(() => (fromUrl.unmarked && !hasRegion ? { ...fromUrl, unmarked: false } : fromUrl), [fromUrl, hasRegion]);

  const filterKey = JSON.stringify(params);
  const hasFilters = params.status.length > 0 || !!params.region || !!params.category || !!params.q || params.unmarked;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('issues.feed.title')}</h1>
          <p className="page-head__lead">{t('issues.feed.lead')}</p>
        </div>
        {viewer.canRaiseIssue.allowed ? (
          <Link to="/issues/new" className="btn btn--primary" data-testid="raise-issue-link">
            <span aria-hidden="true">+</span> {t('issues.feed.raise')}
          </Link>
        ) : null}
      </div>
      {viewer.canMergeDuplicates.allowed ? (
        <p className="feed__duplicates">
          <Link to="/issues/duplicates" data-testid="duplicates-link">
            {t('duplicates.list.link')}
          </Link>
        </p>
      ) : null}

      <FeedFilters
        params={params}
        update={update}
        regions={filterData?.regions ?? []}
        categories={filterData?.categories ?? []}
        hasFilters={hasFilters}
        hasRegion={hasRegion}
      />

      <FeedList params={params} filterKey={filterKey} hasFilters={hasFilters} />
    </div>
  );
}

function FeedFilters({
  params,
  update,
  regions,
  categories,
  hasFilters,
  hasRegion,
}: {
  params: FeedParams;
  update: (patch: Partial<FeedParams>, options?: { replace?: boolean }) => void;
  regions: readonly { id: string; name: string }[];
  categories: readonly { id: string; name: string }[];
  hasFilters: boolean;
  hasRegion: boolean;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const regionId = useId();
  const categoryId = useId();
  const sortId = useId();
  const moreId = useId();
  const [open, setOpen] = useState(false);
  const active = params.status.length + (params.region ? 1 : 0) + (params.category ? 1 : 0) + (params.unmarked ? 1 : 0);
  const [text, setText] = useState(params.q);
  const debounced = useDebounced(text, 350);

  // Typing settles into the URL after a pause (replacing history, not piling it up).
  useEffect(() => {
    if (debounced.trim() !== params.q) update({ q: debounced }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  // Back/forward or "clear" changes the URL: follow it.
  useEffect(() => {
    setText((current) => (current.trim() === params.q ? current : params.q));
  }, [params.q]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (text.trim() !== params.q) update({ q: text }, { replace: true });
  }

  function toggleStatus(status: (typeof ISSUE_STATUSES)[number], on: boolean) {
    const next = on ? [...params.status, status] : params.status.filter((s) => s !== status);
    update({ status: next });
  }

  return (
    <section className="filters" aria-label={t('issues.feed.filters.label')}>
      <form role="search" className="filters__search" onSubmit={onSubmit}>
        <label htmlFor={searchId} className="visually-hidden">
          {t('issues.feed.filters.search')}
        </label>
        <span className="input-icon">
          <SearchIcon />
          <input
            id={searchId}
            type="search"
            className="input"
            placeholder={t('issues.feed.filters.searchPlaceholder')}
            value={text}
            maxLength={LIMITS.search.max}
            onChange={(e) => setText(e.target.value)}
            data-testid="feed-search"
          />
        </span>
      </form>
      <button
        type="button"
        className="btn filters__toggle"
        aria-expanded={open}
        aria-controls={moreId}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-toggle"
      >
        {t('phones.filters.toggle')}
        {active > 0 ? (
          <span className="filters__active" data-testid="filters-active">
            {t('phones.filters.active', { count: active, formatted: formatNumber(active) })}
          </span>
        ) : null}
      </button>
      <div id={moreId} className={open ? 'filters__more filters__more--open' : 'filters__more'}>
      <div className="filters__row">
        <div className="filters__select">
          <label htmlFor={regionId}>{t('issues.feed.filters.region')}</label>
          <select id={regionId} className="select" value={params.region} onChange={(e) => update({ region: e.target.value })}>
            <option value="">{t('issues.feed.filters.allRegions')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__select">
          <label htmlFor={categoryId}>{t('issues.feed.filters.category')}</label>
          <select
            id={categoryId}
            className="select"
            value={params.category}
            onChange={(e) => update({ category: e.target.value })}
          >
            <option value="">{t('issues.feed.filters.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__select">
          <label htmlFor={sortId}>{t('issues.feed.filters.sort')}</label>
          <select
            id={sortId}
            className="select"
            value={params.sort}
            onChange={(e) => update({ sort: e.target.value as SortKey })}
          >
            {(Object.keys(SORTS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {t(`orders.${SORTS[key]}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {hasRegion ? (
        <div className="filters__triage">
          <label className={params.unmarked ? 'chip chip--on' : 'chip'}>
            <input
              type="checkbox"
              checked={params.unmarked}
              onChange={(e) => update({ unmarked: e.target.checked })}
              data-testid="filter-unmarked"
            />
            <span className="chip__check" aria-hidden="true">
              {params.unmarked ? '✓' : ''}
            </span>
            {t('issues.feed.filters.unmarked')}
          </label>
        </div>
      ) : null}
      <fieldset className="filters__status">
        <legend>{t('issues.feed.filters.status')}</legend>
        <div className="chips">
          {ISSUE_STATUSES.map((status) => {
            const checked = params.status.includes(status);
            return (
              <label key={status} className={checked ? 'chip chip--on' : 'chip'}>
                <input type="checkbox" checked={checked} onChange={(e) => toggleStatus(status, e.target.checked)} />
                <span className="chip__check" aria-hidden="true">
                  {checked ? '✓' : ''}
                </span>
                {t(`issueStatus.${status}`)}
              </label>
            );
          })}
        </div>
        {params.status.length === 0 ? <p className="filters__status-hint">{t('issues.feed.filters.statusHint')}</p> : null}
        {hasFilters ? (
          <button
            type="button"
            className="btn btn--link"
            onClick={() => {
              setText('');
              update({ status: [], region: '', category: '', q: '', unmarked: false });
            }}
          >
            {t('issues.feed.filters.clear')}
          </button>
        ) : null}
      </fieldset>
      </div>
    </section>
  );
}

/** An issue marked from its row: it stays where it was in its page, shown as marked. */
interface Pin {
  after: string | null;
  index: number;
  issue: IssueRowData;
}

/**
 * Pages of the feed: one query per page, so each stays correct when the cache refreshes it.
 * A new filter starts again from the first page, which keeps showing the previous results
 * (dimmed) until the new ones arrive.
 */
function FeedList({ params, filterKey, hasFilters }: { params: FeedParams; filterKey: string; hasFilters: boolean }) {
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[]; pins: Pin[] }>({
    key: filterKey,
    cursors: [null],
    pins: [],
  });
  const current = pages.key === filterKey ? pages : { key: filterKey, cursors: [null], pins: [] };
  if (pages.key !== filterKey) setPages(current);
  // The page "load more" asked for: its first issue takes the focus once it is there.
  const [focusPage, setFocusPage] = useState<string | null>(null);
  return (
    <section className="feed" aria-labelledby="feed-count">
      {current.cursors.map((after, i) => (
        <FeedChunk
          key={after ?? 'first'}
          params={params}
          after={after}
          first={i === 0}
          last={i === current.cursors.length - 1}
          hasFilters={hasFilters}
          pins={current.pins.filter((p) => p.after === after)}
          focusFirst={after !== null && after === focusPage}
          onFocused={() => setFocusPage(null)}
          onLoadMore={(cursor) => {
            setFocusPage(cursor);
            setPages((p) => (p.cursors.includes(cursor) ? p : { ...p, cursors: [...p.cursors, cursor] }));
          }}
          onPin={(pin) =>
            setPages((p) =>
              p.key !== filterKey ? p : { ...p, pins: [...p.pins.filter((q) => q.issue.id !== pin.issue.id), pin] },
            )
          }
        />
      ))}
    </section>
  );
}

function FeedChunk({
  params,
  after,
  first,
  last,
  hasFilters,
  pins,
  focusFirst,
  onFocused,
  onLoadMore,
  onPin,
}: {
  params: FeedParams;
  after: string | null;
  first: boolean;
  last: boolean;
  hasFilters: boolean;
  pins: Pin[];
  /** Asked for with "load more": move the focus to the first issue once loaded. */
  focusFirst: boolean;
  onFocused: () => void;
  onLoadMore: (cursor: string) => void;
  onPin: (pin: Pin) => void;
}) {
  const { t } = useTranslation();
  const variables = useMemo(() => feedVariables(params, after), [after, params]);
  const [{ data, fetching, error, operation }, reexecute] = useQuery({
    query: IssueFeedQuery,
    variables,
    context: FEED_CONTEXT,
  });
  const issues = data?.issues;
  // Results still from the previous filters (urql keeps them while the new ones load).
  const outdated = fetching && !!operation && JSON.stringify(operation.variables) !== JSON.stringify(variables);
  // Marking refetches the page: by PRIORITY the marked issue moves up, with "not yet marked" on it
  // leaves the list. Either way it stays where it was (shown as marked), so rows do not jump under
  // the pointer, until the filters change or the page is reloaded. An issue that left this page
  // for another (by PRIORITY) is not put back: it would show twice.
  const rows = useMemo(() => {
    const list: IssueRowData[] = issues?.edges.map((e) => e.node) ?? [];
    if (!issues || outdated || pins.length === 0) return list;
    const pinned = new Set(pins.map((p) => p.issue.id));
    const out = list.filter((i) => !pinned.has(i.id));
    for (const pin of [...pins].sort((a, b) => a.index - b.index)) {
      const fresh = list.find((i) => i.id === pin.issue.id);
      const issue = fresh ?? (params.unmarked ? pin.issue : null);
      if (issue) out.splice(Math.min(pin.index, out.length), 0, issue);
    }
    return out;
  }, [issues, outdated, pins, params.unmarked]);
  const listRef = useRef<HTMLUListElement>(null);
  const [loadedNote, setLoadedNote] = useState('');
  const loaded = rows.length;
  useEffect(() => {
    if (!focusFirst || loaded === 0) return;
    listRef.current?.querySelector<HTMLElement>('.issue-row__title a')?.focus();
    setLoadedNote(t('forgiving.more.loaded', { count: loaded, formatted: formatNumber(loaded) }));
    onFocused();
  }, [focusFirst, loaded, onFocused, t]);
  // The total says what the shown results are: while new filters load, those of the previous ones.
  const shownUnmarked = outdated ? !!operation.variables.filter?.notYetMarkedByMyRegion : params.unmarked;
  const count = issues
    ? t(shownUnmarked ? 'issues.feed.unmarkedCount' : 'issues.feed.count', {
        count: issues.totalCount,
        formatted: formatNumber(issues.totalCount),
      })
    : '\u00a0';

  return (
    <>
      {first ? (
        <p id="feed-count" className="feed__count" aria-live="polite">
          {count}
          {issues && fetching ? <span className="spinner spinner--inline" aria-hidden="true" /> : null}
        </p>
      ) : null}
      {!issues && fetching ? <Skeleton label={t('issues.feed.loading')} heading={false} testId="feed-skeleton" /> : null}
      {!issues && error ? (
        <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {issues && first && rows.length === 0 ? (
        shownUnmarked ? (
          <EmptyState title={t('issues.feed.unmarkedEmpty')}>
            <p className="muted">{t('issues.feed.unmarkedEmptyHint')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={hasFilters ? t('issues.feed.emptyFiltered') : t('issues.feed.empty')}>
            <p className="muted">{hasFilters ? t('issues.feed.emptyFilteredHint') : t('issues.feed.emptyHint')}</p>
            {hasFilters ? null : <FlowGuide />}
          </EmptyState>
        )
      ) : null}
      {issues && rows.length > 0 ? (
        <ul
          ref={listRef}
          className={outdated ? 'feed__list feed__list--stale' : 'feed__list'}
          aria-label={first ? t('issues.feed.listLabel') : undefined}
          aria-busy={outdated || undefined}
        >
          {rows.map((issue, index) => (
            <IssueRow
              key={issue.id}
              issue={issue}
              totalRegions={data?.totalRegions ?? 0}
              onMarked={(now) => onPin({ after, index, issue: now })}
            />
          ))}
        </ul>
      ) : null}
      {first ? null : (
        <p className="visually-hidden" role="status">
          {loadedNote}
        </p>
      )}
      {last && issues?.pageInfo.hasNextPage && issues.pageInfo.endCursor ? (
        <div className="feed__more">
          <button
            type="button"
            className="btn"
            data-testid="load-more"
            onClick={() => onLoadMore(issues.pageInfo.endCursor!)}
          >
            {t('issues.feed.loadMore')}
          </button>
        </div>
      ) : null}
    </>
  );
}
