// The discussion on an issue or a proposal: comments page by page (oldest first, "load more"), each
// with author, time and "edited" marker; the author may edit; a form adds a comment. What is typed
// is kept as a draft until it is sent; a send that failed keeps it and offers to try again. Focus
// follows the person: to the first comment "load more" brought, to their comment once posted.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { LIMITS, commentSchema } from '@council/shared';
import {
  AddCommentMutation,
  COMMENT_PAGE_SIZE,
  EditCommentMutation,
  SubjectCommentsQuery,
  type CommentData,
} from '../documents';
import { classifyError, errorMessage, fieldErrors, type Failure } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { useViewer } from '../../auth/viewer';
import { Counter, Field, FormError } from '../../../ui/Field';
import { DraftRestored } from '../../../ui/DraftRestored';
import { SendFailed } from '../../../ui/SendFailed';
import { draftKey, useDraft } from '../../../ui/useDraft';
import { MarkdownEditor } from '../../../ui/MarkdownEditor';
import { Markdown } from '../../../ui/Markdown';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Loading, ErrorNotice } from '../../../ui/States';
import { formatDateTime, formatNumber } from '../../../ui/format';
import { useHashTarget } from '../../../ui/useHashTarget';
import { commentAnchor } from '../../../ui/anchors';

interface CommentPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: readonly { cursor: string; node: CommentData }[];
}

const COMMENTS_CONTEXT = { additionalTypenames: ['Comment'] };
const ADD_COMMENT_CONTEXT = { additionalTypenames: ['Comment', 'Issue', 'Proposal'] };

export function CommentThread({
  subjectId,
  firstPage,
  canComment,
  closedReason,
}: {
  /** The issue or proposal the comments are on. */
  subjectId: string;
  firstPage: CommentPage;
  canComment: boolean;
  closedReason: string | null;
}) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  // After adding a comment, keep loading pages until the end so the new comment shows.
  const [follow, setFollow] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  // The page "load more" asked for: its first comment takes the focus once it is there.
  const [focusPage, setFocusPage] = useState<string | null>(null);

  const loadMore = useCallback((cursor: string) => setCursors((cs) => (cs.includes(cursor) ? cs : [...cs, cursor])), []);
  const askMore = useCallback(
    (cursor: string) => {
      setFocusPage(cursor);
      loadMore(cursor);
    },
    [loadMore],
  );
  const focused = useCallback(() => setFocusPage(null), []);

  return (
    <section className="card comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="card__title">
        {t('issues.page.comments.heading', { count: firstPage.totalCount, formatted: formatNumber(firstPage.totalCount) })}
      </h2>
      {firstPage.totalCount === 0 ? <p className="muted">{t('issues.page.comments.none')}</p> : null}
      <ol className="comment-list">
        <CommentPageView
          page={firstPage}
          last={cursors.length === 0}
          follow={follow}
          onFollowDone={() => setFollow(false)}
          onLoadMore={loadMore}
          onAskMore={askMore}
          focusFirst={false}
          onFocused={focused}
          highlight={highlight}
        />
        {cursors.map((after, i) => (
          <CommentChunk
            key={after}
            subjectId={subjectId}
            after={after}
            last={i === cursors.length - 1}
            follow={follow}
            onFollowDone={() => setFollow(false)}
            onLoadMore={loadMore}
            onAskMore={askMore}
            focusFirst={focusPage === after}
            onFocused={focused}
            highlight={highlight}
          />
        ))}
      </ol>
      {canComment ? (
        <AddCommentForm
          subjectId={subjectId}
          onAdded={(id) => {
            setHighlight(id);
            setFollow(true);
          }}
        />
      ) : closedReason ? (
        <p className="muted comments__closed">{closedReason}</p>
      ) : null}
    </section>
  );
}

/** What a page of the thread needs from the thread around it. */
interface PageProps {
  last: boolean;
  follow: boolean;
  onFollowDone: () => void;
  onLoadMore: (cursor: string) => void;
  /** "Load more" pressed: load the page and move the focus to it. */
  onAskMore: (cursor: string) => void;
  /** Move the focus to this page's first comment (it was asked for with "load more"). */
  focusFirst: boolean;
  onFocused: () => void;
  highlight: string | null;
}

function CommentChunk({
  subjectId,
  after,
  ...rest
}: PageProps & { subjectId: string; after: string }) {
  const { t } = useTranslation();
  const variables = useMemo(() => ({ id: subjectId, first: COMMENT_PAGE_SIZE, after }), [subjectId, after]);
  const [{ data, fetching, error }] = useQuery({ query: SubjectCommentsQuery, variables, context: COMMENTS_CONTEXT });
  const node = data?.node;
  const page = node && (node.__typename === 'Issue' || node.__typename === 'Proposal') ? node.comments : null;
  if (!page) {
    return (
      <li className="comment-list__status">
        {fetching ? <Loading label={t('issues.page.comments.loading')} /> : null}
        {error ? <ErrorNotice>{errorMessage(error, t)}</ErrorNotice> : null}
      </li>
    );
  }
  return <CommentPageView page={page} {...rest} />;
}

function CommentPageView({
  page,
  last,
  follow,
  onFollowDone,
  onLoadMore,
  onAskMore,
  focusFirst,
  onFocused,
  highlight,
}: PageProps & { page: CommentPage }) {
  const { t } = useTranslation();
  const { hasNextPage, endCursor } = page.pageInfo;
  const hasHighlight = highlight !== null && page.edges.some((e) => e.node.id === highlight);
  useEffect(() => {
    if (!follow) return;
    if (hasHighlight) onFollowDone();
    // the page may still be the one from before the comment; its refresh is on the way
    else if (last && hasNextPage && endCursor) onLoadMore(endCursor);
  }, [last, follow, hasHighlight, hasNextPage, endCursor, onLoadMore, onFollowDone]);

  return (
    <>
      {page.edges.map(({ node }, i) => (
        <CommentItem key={node.id} comment={node} highlighted={node.id === highlight} focus={focusFirst && i === 0} onFocused={onFocused} />
      ))}
      {last && hasNextPage && endCursor ? (
        <li className="comment-list__more">
          <button type="button" className="btn" onClick={() => onAskMore(endCursor)} data-testid="comments-load-more">
            {t('issues.page.comments.loadMore')}
          </button>
        </li>
      ) : null}
    </>
  );
}

function CommentItem({
  comment,
  highlighted,
  focus,
  onFocused,
}: {
  comment: CommentData;
  /** The viewer's comment just posted: brought into view and focused. */
  highlighted: boolean;
  focus: boolean;
  onFocused: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!highlighted) return;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, [highlighted]);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const elementId = commentAnchor(comment.id);
  useHashTarget(ref, elementId);

  return (
    <li
      ref={ref}
      tabIndex={-1}
      id={elementId}
      className={highlighted ? 'comment comment--new' : 'comment'}
      data-testid="comment-item"
    >
      <article aria-label={t('issues.page.comments.by', { name: comment.author.name })}>
        <header className="comment__head">
          <span className="avatar avatar--small" aria-hidden="true">
            {comment.author.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="comment__author">{comment.author.name}</span>
          {comment.author.region ? <span className="comment__region">{comment.author.region.name}</span> : null}
          <span className="comment__time">
            <RelativeTime iso={comment.createdAt} />
          </span>
          {comment.editedAt ? (
            <span className="comment__edited" title={formatDateTime(comment.editedAt)}>
              {t('issues.page.comments.edited')}
            </span>
          ) : null}
          {comment.viewerCanEdit && !editing ? (
            <button type="button" className="btn btn--link comment__edit" onClick={() => setEditing(true)}>
              {t('issues.page.comments.edit')}
              <span className="visually-hidden"> {t('issues.page.comments.editWhich', { name: comment.author.name })}</span>
            </button>
          ) : null}
        </header>
        {editing ? (
          <EditCommentForm comment={comment} onDone={() => setEditing(false)} />
        ) : (
          <div className="comment__body">
            <Markdown source={comment.body} />
          </div>
        )}
      </article>
    </li>
  );
}

/** A comment's text (kept as a draft under `field` of `subject`), its messages, and how a send went wrong. */
function useCommentBody(initial: string, subject: string, field: string) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const draft = useDraft(draftKey(viewer.id, subject, field), initial);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const body = draft.value;
  const setBody = draft.set;
  function validate(): string | null {
    setFormError(null);
    setFailure(null);
    const parsed = commentSchema.safeParse({ body });
    if (!parsed.success) {
      setFieldError(zodFieldErrors(t, parsed.error.issues).body);
      return null;
    }
    setFieldError(undefined);
    return parsed.data.body;
  }
  /** A refused or failed send: field messages next to the field, anything else above the buttons. */
  function failed(error: CombinedError) {
    const fields = fieldErrors(error);
    setFieldError(fields.body);
    if (fields.body) return;
    const what = classifyError(error);
    if (what.kind === 'refused' || what.kind === 'session') setFormError(errorMessage(error, t));
    else setFailure(what);
  }
  return { body, setBody, draft, fieldError, setFieldError, formError, setFormError, failure, failed, validate };
}

function AddCommentForm({ subjectId, onAdded }: { subjectId: string; onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const state = useCommentBody('', subjectId, 'comment');
  const [{ fetching }, addComment] = useMutation(AddCommentMutation);
  const [announce, setAnnounce] = useState('');

  async function send() {
    setAnnounce('');
    const body = state.validate();
    if (body === null) return;
    const result = await addComment({ subjectId, body }, ADD_COMMENT_CONTEXT);
    if (result.error) {
      state.failed(result.error);
      return;
    }
    state.draft.clear();
    setAnnounce(t('issues.page.comments.added'));
    if (result.data) onAdded(result.data.addComment.id);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send();
  }

  return (
    <form className="form comments__form" onSubmit={onSubmit} noValidate>
      <DraftRestored draft={state.draft} />
      <Field
        label={t('issues.page.comments.add')}
        error={state.fieldError}
        counter={
          state.body.length > LIMITS.comment.max * 0.8 ? <Counter length={state.body.length} max={LIMITS.comment.max} /> : null
        }
      >
        {(control) => (
          <MarkdownEditor
            control={control}
            value={state.body}
            onChange={state.setBody}
            rows={4}
            testId="comment-input"
            placeholder={t('issues.page.comments.placeholder')}
          />
        )}
      </Field>
      <FormError message={state.formError}>
        {announce ? (
          <p className="visually-hidden" role="status">
            {announce}
          </p>
        ) : null}
      </FormError>
      <SendFailed failure={state.failure} onRetry={() => void send()} retrying={fetching} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="comment-submit">
          {fetching ? t('issues.page.comments.posting') : t('issues.page.comments.post')}
        </button>
      </div>
    </form>
  );
}

function EditCommentForm({ comment, onDone }: { comment: CommentData; onDone: () => void }) {
  const { t } = useTranslation();
  const state = useCommentBody(comment.body, `comment:${comment.id}`, 'edit');
  const [{ fetching }, editComment] = useMutation(EditCommentMutation);

  async function send() {
    const body = state.validate();
    if (body === null) return;
    const result = await editComment({ commentId: comment.id, body }, COMMENTS_CONTEXT);
    if (result.error) {
      state.failed(result.error);
      return;
    }
    state.draft.clear();
    onDone();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send();
  }

  return (
    <form className="form comment__editor" onSubmit={onSubmit} noValidate>
      <DraftRestored draft={state.draft} />
      <Field label={t('issues.page.comments.editLabel')} error={state.fieldError}>
        {(control) => <MarkdownEditor control={control} value={state.body} onChange={state.setBody} rows={4} />}
      </Field>
      <FormError message={state.formError} />
      <SendFailed failure={state.failure} onRetry={() => void send()} retrying={fetching} />
      <div className="form__actions">
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            state.draft.discard();
            onDone();
          }}
        >
          {t('ui.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={fetching}>
          {fetching ? t('ui.saving') : t('ui.save')}
        </button>
      </div>
    </form>
  );
}
