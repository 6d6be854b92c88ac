// The proposal form, for drafting and for revising: title, current and proposed policy (Markdown)
// with a live word-by-word diff right below them, rationale, expected impact, and whether the
// change needs senior management's approval. Checked in the browser with the shared zod schema
// and by the server (its field messages appear next to the fields). What is typed is kept as a
// draft in the browser (under `draftKey`) until it is saved.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_LIMITS, draftProposalSchema } from '@council/shared';
import type { FieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { Counter, Field } from '../../../ui/Field';
import { MarkdownEditor } from '../../../ui/MarkdownEditor';
import { TextDiff } from '../../../ui/TextDiff';
import { DraftRestored } from '../../../ui/DraftRestored';
import { useDraft } from '../../../ui/useDraft';

export interface ProposalValues {
  title: string;
  currentPolicy: string;
  proposedPolicy: string;
  rationale: string;
  expectedImpact: string;
  requiresApproval: boolean;
}

export const EMPTY_PROPOSAL: ProposalValues = {
  title: '',
  currentPolicy: '',
  proposedPolicy: '',
  rationale: '',
  expectedImpact: '',
  requiresApproval: false,
};

/** What the form hands over: the values as the schema parsed them. */
export type ParsedProposal = ReturnType<typeof draftProposalSchema.parse>;

export interface SubmitOutcome {
  fields?: FieldErrors;
  message?: string;
  /** Extra content under the message, e.g. a "reload" button after a conflict. */
  extra?: ReactNode;
}

/** The server may name fields as `input.title`; the form knows them as `title`. */
export function normalizeFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[k.replace(/^input\./, '')] = v;
  return out;
}

function LongCounter({ value, max }: { value: string; max: number }) {
  return value.length > max * 0.8 ? <Counter length={value.trim().length} max={max} /> : null;
}

export function ProposalForm({
  initial,
  submitLabel,
  submittingLabel,
  cancelHref,
  beforeFields,
  onSubmit,
  draftKey,
}: {
  initial: ProposalValues;
  /** Where the typed text is kept as a draft (see ui/useDraft). */
  draftKey: string;
  submitLabel: string;
  submittingLabel: string;
  cancelHref: string;
  /** Fields only one of the forms has (the register entry when drafting), above the title. */
  beforeFields?: (values: ProposalValues, patch: (patch: Partial<ProposalValues>) => void) => ReactNode;
  onSubmit: (values: ParsedProposal) => Promise<SubmitOutcome | null>;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const draft = useDraft(draftKey, initial);
  const values = draft.value;
  const setValues = draft.set;
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<{ message: string; extra?: ReactNode } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  // The message sits above the form; after submitting from the bottom, bring it into view.
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  const clientErrors = useMemo(() => {
    const parsed = draftProposalSchema.safeParse(values);
    return parsed.success ? {} : zodFieldErrors(t, parsed.error.issues);
  }, [values, t]);
  // Client messages appear once the person has tried to submit; server messages until they edit.
  const errors: FieldErrors = { ...(submitted ? clientErrors : {}), ...serverErrors };

  function set<K extends keyof ProposalValues>(key: K, value: ProposalValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (serverErrors[key]) setServerErrors(({ [key]: _, ...rest }) => rest);
  }

  function focusFirstInvalid() {
    window.setTimeout(() => {
      document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus();
    }, 0);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setProblem(null);
    const parsed = draftProposalSchema.safeParse(values);
    if (!parsed.success) {
      setProblem({ message: t('errors.BAD_USER_INPUT') });
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const outcome = await onSubmit(parsed.data);
      if (!outcome) draft.clear();
      if (outcome) {
        const fields = normalizeFields(outcome.fields ?? {});
        setServerErrors(fields);
        setProblem({ message: outcome.message ?? t('errors.INTERNAL'), extra: outcome.extra });
        if (Object.keys(fields).length) focusFirstInvalid();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id={formId} className="form card proposal-form" onSubmit={submit} noValidate>
      <div aria-live="polite" className="live" ref={problemRef}>
        {problem ? (
          <div className="notice notice--error" role="alert">
            <p>{problem.message}</p>
            {problem.extra}
          </div>
        ) : null}
      </div>

      <DraftRestored draft={draft} />

      {beforeFields?.(values, (patch) => setValues((v) => ({ ...v, ...patch })))}

      <Field
        label={t('proposals.form.titleLabel')}
        hint={t('proposals.form.titleHint')}
        error={errors.title}
        errorTestId="field-error-title"
        counter={<Counter length={values.title.trim().length} max={PROPOSAL_LIMITS.title.max} />}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            autoFocus
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            data-testid="proposal-title-input"
          />
        )}
      </Field>

      <fieldset className="policy-editors">
        <legend className="policy-editors__legend">{t('proposals.form.textsLegend')}</legend>
        <p className="field__hint">{t('proposals.form.textsHint')}</p>
        <div className="policy-editors__grid">
          <Field
            label={t('proposals.form.currentLabel')}
            hint={t('proposals.form.currentHint')}
            error={errors.currentPolicy}
            errorTestId="field-error-current"
            counter={<LongCounter value={values.currentPolicy} max={PROPOSAL_LIMITS.policyText.max} />}
          >
            {(control) => (
              <MarkdownEditor
                control={control}
                value={values.currentPolicy}
                onChange={(v) => set('currentPolicy', v)}
                rows={10}
                testId="proposal-current-input"
              />
            )}
          </Field>
          <Field
            label={t('proposals.form.proposedLabel')}
            hint={t('proposals.form.proposedHint')}
            error={errors.proposedPolicy}
            errorTestId="field-error-proposed"
            counter={<LongCounter value={values.proposedPolicy} max={PROPOSAL_LIMITS.policyText.max} />}
          >
            {(control) => (
              <MarkdownEditor
                control={control}
                value={values.proposedPolicy}
                onChange={(v) => set('proposedPolicy', v)}
                rows={10}
                testId="proposal-proposed-input"
              />
            )}
          </Field>
        </div>
        <div className="policy-editors__diff" aria-labelledby={`${formId}-diff`} role="region">
          <h2 id={`${formId}-diff`} className="policy-editors__diff-title">
            {t('proposals.form.diffHeading')}
          </h2>
          {values.currentPolicy.trim() || values.proposedPolicy.trim() ? (
            <TextDiff before={values.currentPolicy} after={values.proposedPolicy} testId="proposal-diff" />
          ) : (
            <p className="muted" data-testid="proposal-diff">
              {t('proposals.form.diffEmpty')}
            </p>
          )}
        </div>
      </fieldset>

      <Field
        label={t('proposals.form.rationaleLabel')}
        hint={t('proposals.form.rationaleHint')}
        error={errors.rationale}
        errorTestId="field-error-rationale"
        counter={<LongCounter value={values.rationale} max={PROPOSAL_LIMITS.rationale.max} />}
      >
        {(control) => (
          <MarkdownEditor
            control={control}
            value={values.rationale}
            onChange={(v) => set('rationale', v)}
            rows={6}
            testId="proposal-rationale-input"
          />
        )}
      </Field>

      <Field
        label={t('proposals.form.impactLabel')}
        optionalLabel={t('ui.optional')}
        hint={t('proposals.form.impactHint')}
        error={errors.expectedImpact}
        errorTestId="field-error-impact"
        counter={<LongCounter value={values.expectedImpact} max={PROPOSAL_LIMITS.expectedImpact.max} />}
      >
        {(control) => (
          <MarkdownEditor
            control={control}
            value={values.expectedImpact}
            onChange={(v) => set('expectedImpact', v)}
            rows={4}
            testId="proposal-impact-input"
          />
        )}
      </Field>

      <div className={errors.requiresApproval ? 'field field--invalid' : 'field'}>
        <label className="check">
          <input
            type="checkbox"
            checked={values.requiresApproval}
            onChange={(e) => set('requiresApproval', e.target.checked)}
            aria-describedby={`${formId}-approval-hint`}
            data-testid="proposal-requires-approval"
          />
          <span className="check__label">{t('proposals.form.approvalLabel')}</span>
        </label>
        <p id={`${formId}-approval-hint`} className="field__hint check__hint">
          {values.requiresApproval ? t('proposals.form.approvalHintOn') : t('proposals.form.approvalHintOff')}
        </p>
        {errors.requiresApproval ? (
          <p className="field__error" role="alert">
            {errors.requiresApproval}
          </p>
        ) : null}
      </div>

      <div className="form__actions">
        <Link to={cancelHref} className="btn btn--ghost">
          {t('ui.cancel')}
        </Link>
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="proposal-submit">
          {busy ? submittingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
