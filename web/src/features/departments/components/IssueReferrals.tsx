// On an issue's page: its questions to other departments (billing, logistics, …), each with who
// asked and when, the due date (and whether it is overdue), its status and the department's answer;
// the form to ask a department (for who may refer), the answer form for the department's
// contacts, and closing a question (facilitators, after a confirmation).
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LIMITS, referralAnswerSchema, referralSchema } from '@council/shared';
import {
  AnswerReferralMutation,
  CloseReferralMutation,
  ReferDepartmentsQuery,
  ReferIssueMutation,
  type IssueReferralsData,
  type ReferralData,
} from '../documents';
import { OverdueBadge, ReferralStatusBadge } from './Badges';
import { useViewer } from '../../auth/viewer';
import { errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DraftRestored } from '../../../ui/DraftRestored';
import { Field, FormError } from '../../../ui/Field';
import { Markdown } from '../../../ui/Markdown';
import { MarkdownEditor } from '../../../ui/MarkdownEditor';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Interpolate } from '../../../ui/Interpolate';
import { formatDate, formatDeadline, viewerTimeZone } from '../../../ui/format';
import { draftKey, useDraft } from '../../../ui/useDraft';
import { useHashTarget } from '../../../ui/useHashTarget';
import { referralAnchor } from '../../../ui/anchors';
import '../departments.css';

const REFERRAL_CONTEXT = { additionalTypenames: ['Referral', 'Issue'] };

/** The end of a date input's day in the viewer's own time zone: "due on the 12th" means all of the 12th, where they are. */
export function dueOnFromInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 0);
}

export function IssueReferrals({ issue }: { issue: IssueReferralsData }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [announce, setAnnounce] = useState('');
  const canRefer = issue.viewerCanRefer.allowed;
  // Nothing asked and nothing the viewer may ask: no section.
  if (issue.referrals.length === 0 && !canRefer) return null;

  return (
    <section className="card referrals" aria-labelledby="issue-referrals-heading" data-testid="issue-referrals">
      <div className="card__head">
        <h2 id="issue-referrals-heading" className="card__title">
          {t('departments.issue.heading')}
        </h2>
        {canRefer && !asking ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setAnnounce('');
              setAsking(true);
            }}
            data-testid="refer-open"
          >
            <span aria-hidden="true">+</span> {t('departments.issue.ask')}
          </button>
        ) : null}
      </div>
      <div className="live" aria-live="polite">
        {announce ? <p className="notice notice--info" data-testid="referral-announce">{announce}</p> : null}
      </div>
      {asking ? (
        <ReferForm
          issueId={issue.id}
          onCancel={() => setAsking(false)}
          onAsked={(department) => {
            setAsking(false);
            setAnnounce(t('departments.issue.asked', { department }));
          }}
        />
      ) : null}
      {issue.referrals.length === 0 ? (
        <p className="muted">{t('departments.issue.none')}</p>
      ) : (
        <ul className="referrals__list">
          {issue.referrals.map((r) => (
            <ReferralItem key={r.id} referral={r} onDone={setAnnounce} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReferralItem({ referral: r, onDone }: { referral: ReferralData; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [answering, setAnswering] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  const elementId = referralAnchor(r.id);
  useHashTarget(ref, elementId);
  return (
    <li
      ref={ref}
      id={elementId}
      tabIndex={-1}
      className={r.overdue ? 'referral referral--overdue' : 'referral'}
      data-testid="referral"
      data-status={r.status}
      aria-labelledby={`${id}-dept`}
    >
      <div className="referral__head">
        <h3 className="referral__department" id={`${id}-dept`}>
          {r.department.name}
        </h3>
        <ReferralStatusBadge status={r.status} />
        {r.overdue ? <OverdueBadge /> : null}
      </div>
      <p className="referral__meta">
        <Interpolate text={(slot) => t('departments.issue.askedBy', { name: r.referredBy.name, date: slot })} element={<RelativeTime iso={r.createdAt} inSentence />} />
        {r.dueOn ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className={r.overdue ? 'referral__due referral__due--overdue' : 'referral__due'} data-testid="referral-due">
              <time dateTime={r.dueOn} title={formatDeadline(r.dueOn)}>
                {t('departments.issue.due', { date: formatDate(r.dueOn) })}
              </time>
            </span>
          </>
        ) : null}
      </p>
      <div className="referral__question" data-testid="referral-question">
        <p className="visually-hidden">{t('departments.issue.question')}:</p>
        <Markdown source={r.question} />
      </div>
      {r.answer ? (
        <div className="referral__answer" data-testid="referral-answer">
          <p className="referral__answer-head">
            {r.answeredBy && r.answeredAt ? (
              <Interpolate
                text={(slot) => t('departments.issue.answeredBy', { name: r.answeredBy!.name, date: slot })}
                element={<RelativeTime iso={r.answeredAt} inSentence />}
              />
            ) : (
              t('departments.issue.answer')
            )}
          </p>
          <Markdown source={r.answer} />
        </div>
      ) : r.status === 'OPEN' ? (
        <p className="muted referral__waiting">{t('departments.issue.waiting', { department: r.department.name })}</p>
      ) : null}
      {r.status === 'CLOSED' && r.closedBy && r.closedAt ? (
        <p className="referral__meta" data-testid="referral-closed">
          <Interpolate text={(slot) => t('departments.issue.closedBy', { name: r.closedBy!.name, date: slot })} element={<RelativeTime iso={r.closedAt} inSentence />} />
        </p>
      ) : null}
      {answering ? (
        <AnswerForm
          referral={r}
          onCancel={() => setAnswering(false)}
          onAnswered={() => {
            setAnswering(false);
            onDone(t('departments.issue.answered', { department: r.department.name }));
          }}
        />
      ) : r.canAnswer.allowed || r.canClose.allowed ? (
        <div className="referral__actions">
          {r.canAnswer.allowed ? (
            <button type="button" className="btn btn--small btn--primary" onClick={() => setAnswering(true)} aria-describedby={`${id}-dept`} data-testid="referral-answer-open">
              {r.answer ? t('departments.issue.changeAnswer') : t('departments.issue.answerAction')}
            </button>
          ) : null}
          {r.canClose.allowed ? <CloseReferral referral={r} labelledBy={`${id}-dept`} onClosed={() => onDone(t('departments.issue.closed', { department: r.department.name }))} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function ReferForm({ issueId, onCancel, onAsked }: { issueId: string; onCancel: () => void; onAsked: (department: string) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data, error: loadError }] = useQuery({ query: ReferDepartmentsQuery });
  const draft = useDraft(draftKey(viewer.id, issueId, 'referral'), { departmentId: '', question: '', due: '' });
  const { departmentId, question, due } = draft.value;
  const [errors, setErrors] = useState<Partial<Record<'departmentId' | 'question' | 'dueOn', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, refer] = useMutation(ReferIssueMutation);
  const departments = data?.departments ?? [];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const dueOn = dueOnFromInput(due);
    const parsed = referralSchema.safeParse({ question, dueOn });
    const found = parsed.success ? {} : zodFieldErrors(t, parsed.error.issues);
    const next = { question: found.question, dueOn: found.dueOn, departmentId: departmentId ? undefined : t('departments.issue.chooseDepartment') };
    if (next.question || next.dueOn || next.departmentId || !parsed.success) {
      setErrors(next);
      return;
    }
    const result = await refer({ input: { issueId, departmentId, question: parsed.data.question, dueOn: dueOn ? dueOn.toISOString() : null } }, REFERRAL_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      const mapped = { question: fields.question ?? fields['input.question'], dueOn: fields.dueOn ?? fields['input.dueOn'], departmentId: fields.departmentId };
      setErrors(mapped);
      if (!mapped.question && !mapped.dueOn && !mapped.departmentId) setProblem(errorMessage(result.error, t));
      return;
    }
    setErrors({});
    draft.clear();
    onAsked(result.data?.referIssue.department.name ?? '');
  }

  return (
    <form className="form referrals__form" onSubmit={onSubmit} noValidate data-testid="refer-form">
      <DraftRestored draft={draft} />
      <FormError message={problem ?? (loadError ? errorMessage(loadError, t) : null)} />
      <Field label={t('departments.issue.department')} error={errors.departmentId}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={departmentId}
            required
            onChange={(e) => draft.set((v) => ({ ...v, departmentId: e.target.value }))}
            data-testid="refer-department"
          >
            <option value="">{departments.length ? t('departments.issue.pickDepartment') : t('departments.issue.noDepartments')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('departments.issue.question')} hint={t('departments.issue.questionHint')} error={errors.question}>
        {(control) => (
          <MarkdownEditor
            control={control}
            value={question}
            onChange={(q) => draft.set((v) => ({ ...v, question: q }))}
            rows={4}
            maxLength={LIMITS.referralQuestion.max}
            testId="refer-question"
          />
        )}
      </Field>
      <Field
        label={t('departments.issue.dueLabel')}
        optionalLabel={t('ui.optional')}
        hint={t('departments.issue.dueHint', { zone: viewerTimeZone() })}
        error={errors.dueOn}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            className="input referrals__due"
            value={due}
            onChange={(e) => draft.set((v) => ({ ...v, due: e.target.value }))}
            data-testid="refer-due"
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={fetching}>
          {t('departments.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="refer-submit">
          {fetching ? t('departments.issue.sending') : t('departments.issue.send')}
        </button>
      </div>
    </form>
  );
}

function AnswerForm({ referral, onCancel, onAnswered }: { referral: ReferralData; onCancel: () => void; onAnswered: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const draft = useDraft(draftKey(viewer.id, referral.id, 'answer'), referral.answer ?? '');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, answer] = useMutation(AnswerReferralMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = referralAnswerSchema.safeParse({ answer: draft.value });
    if (!parsed.success) {
      setError(zodFieldErrors(t, parsed.error.issues).answer);
      return;
    }
    const result = await answer({ referralId: referral.id, answer: parsed.data.answer }, REFERRAL_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setError(fields.answer);
      if (!fields.answer) setProblem(errorMessage(result.error, t));
      return;
    }
    setError(undefined);
    draft.clear();
    onAnswered();
  }

  return (
    <form className="form referral__form" onSubmit={onSubmit} noValidate data-testid="answer-form">
      <DraftRestored draft={draft} />
      <FormError message={problem} />
      <Field label={t('departments.issue.answerLabel', { department: referral.department.name })} error={error}>
        {(control) => (
          <MarkdownEditor control={control} value={draft.value} onChange={draft.set} rows={5} maxLength={LIMITS.referralAnswer.max} testId="answer-input" />
        )}
      </Field>
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={fetching}>
          {t('departments.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="answer-submit">
          {fetching ? t('departments.issue.sending') : referral.answer ? t('departments.issue.saveAnswer') : t('departments.issue.sendAnswer')}
        </button>
      </div>
    </form>
  );
}

function CloseReferral({ referral, labelledBy, onClosed }: { referral: ReferralData; labelledBy: string; onClosed: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, close] = useMutation(CloseReferralMutation);

  async function confirm() {
    setProblem(null);
    const result = await close({ referralId: referral.id }, REFERRAL_CONTEXT);
    if (result.error) {
      setProblem(errorMessage(result.error, t));
      setOpen(false);
      return;
    }
    setOpen(false);
    onClosed();
  }

  return (
    <>
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)} aria-describedby={labelledBy} data-testid="referral-close">
        {t('departments.issue.close')}
      </button>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={t('departments.issue.closeTitle', { department: referral.department.name })}
        confirmLabel={t('departments.issue.closeConfirm')}
        cancelLabel={t('departments.cancel')}
        busy={fetching}
        busyLabel={t('departments.issue.closing')}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
        testId="referral-close-dialog"
      >
        <p>{referral.answer ? t('departments.issue.closeAnswered') : t('departments.issue.closeUnanswered', { department: referral.department.name })}</p>
      </ConfirmDialog>
    </>
  );
}
