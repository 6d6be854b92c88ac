// Raise an issue: title, category, Markdown description with preview, optional evidence. While
// the title is typed, similar open issues are proposed (SimilarIssues): supporting one of them
// instead ends here, on that issue.
// Checked in the browser with the shared zod schema, and by the server (its field messages
// are shown next to the fields); on success, straight to the new issue. What is typed is kept as
// a draft in the browser until the issue is raised.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LIMITS, raiseIssueSchema } from '@council/shared';
import { RaiseIssueFormQuery, RaiseIssueMutation } from './documents';
import { feedHref } from './feedParams';
import { BackToIssues } from './components/BackToIssues';
import { issueHref } from './components/IssueRow';
import { SimilarIssues } from './components/SimilarIssues';
import { useViewer } from '../auth/viewer';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Counter, Field, FormError } from '../../ui/Field';
import { MarkdownEditor } from '../../ui/MarkdownEditor';
import { ErrorNotice } from '../../ui/States';
import { DraftRestored } from '../../ui/DraftRestored';
import { draftKey, useDraft } from '../../ui/useDraft';

const RAISE_CONTEXT = { additionalTypenames: ['Issue'] };

interface FormValues {
  title: string;
  categoryId: string;
  description: string;
  evidence: string;
}

const EMPTY: FormValues = { title: '', categoryId: '', description: '', evidence: '' };

export function RaiseIssuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('issues.form.title'));
  const viewer = useViewer();
  const navigate = useNavigate();
  const formId = useId();
  const [{ data }] = useQuery({ query: RaiseIssueFormQuery });
  const [{ fetching }, raise] = useMutation(RaiseIssueMutation);
  const draft = useDraft(draftKey(viewer.id, 'new-issue', 'form'), EMPTY);
  const values = draft.value;
  const setValues = draft.set;
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const input = useMemo(
    () => ({
      title: values.title,
      description: values.description,
      categoryId: values.categoryId || null,
      evidence: values.evidence,
    }),
    [values],
  );
  const clientErrors = useMemo(() => {
    const parsed = raiseIssueSchema.safeParse(input);
    return parsed.success ? {} : zodFieldErrors(t, parsed.error.issues);
  }, [input, t]);
  // Client messages appear once the person has tried to submit; server messages until they edit.
  const errors: FieldErrors = { ...(submitted ? clientErrors : {}), ...serverErrors };

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (serverErrors[key]) setServerErrors(({ [key]: _, ...rest }) => rest);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const parsed = raiseIssueSchema.safeParse(input);
    if (!parsed.success) {
      setFormError(t('errors.BAD_USER_INPUT'));
      focusFirstInvalid();
      return;
    }
    const result = await raise({ input: parsed.data }, RAISE_CONTEXT);
    if (result.error) {
      const fields = normalizeFields(fieldErrors(result.error));
      setServerErrors(fields);
      setFormError(errorMessage(result.error, t));
      if (Object.keys(fields).length) focusFirstInvalid();
      return;
    }
    if (result.data) {
      draft.clear();
      navigate(issueHref(result.data.raiseIssue.id));
    }
  }

  /** An existing issue was supported instead of raising this one: the draft is done with. */
  function onSupportedInstead(issue: { id: string; title: string }) {
    draft.clear();
    navigate(issueHref(issue.id), { state: { supportedInstead: issue.title } });
  }

  function focusFirstInvalid() {
    window.setTimeout(() => {
      document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus();
    }, 0);
  }

  if (!viewer.canRaiseIssue.allowed) {
    return (
      <div className="page page--narrow">
        <h1>{t('issues.form.title')}</h1>
        <ErrorNotice>{viewer.canRaiseIssue.reason}</ErrorNotice>
        <Link to={feedHref()} className="btn">
          {t('app.backToIssues')}
        </Link>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <BackToIssues />
      <h1>{t('issues.form.title')}</h1>
      <p className="page-head__lead">{t('issues.form.lead')}</p>

      <form id={formId} className="form card" onSubmit={onSubmit} noValidate>
        <DraftRestored draft={draft} />
        <FormError message={formError} />

        <Field
          label={t('issues.form.titleLabel')}
          hint={t('issues.form.titleHint')}
          error={errors.title}
          errorTestId="field-error-title"
          counter={<Counter length={values.title.trim().length} max={LIMITS.issueTitle.max} />}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoFocus
              value={values.title}
              onChange={(e) => set('title', e.target.value)}
              data-testid="issue-title-input"
            />
          )}
        </Field>

        <SimilarIssues title={values.title} description={values.description} onSupported={onSupportedInstead} />

        <Field
          label={t('issues.form.categoryLabel')}
          optionalLabel={t('ui.optional')}
          error={errors.categoryId}
          errorTestId="field-error-category"
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.categoryId}
              onChange={(e) => set('categoryId', e.target.value)}
              data-testid="issue-category-select"
            >
              <option value="">{t('issues.form.noCategory')}</option>
              {(data?.categories ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field
          label={t('issues.form.descriptionLabel')}
          hint={t('issues.form.descriptionHint')}
          error={errors.description}
          errorTestId="field-error-description"
          counter={
            values.description.length > LIMITS.issueDescription.max * 0.8 ? (
              <Counter length={values.description.trim().length} max={LIMITS.issueDescription.max} />
            ) : null
          }
        >
          {(control) => (
            <MarkdownEditor
              control={control}
              value={values.description}
              onChange={(v) => set('description', v)}
              rows={10}
              testId="issue-description-input"
            />
          )}
        </Field>

        <Field
          label={t('issues.form.evidenceLabel')}
          optionalLabel={t('ui.optional')}
          hint={t('issues.form.evidenceHint')}
          error={errors.evidence}
          errorTestId="field-error-evidence"
          counter={
            values.evidence.length > LIMITS.issueEvidence.max * 0.8 ? (
              <Counter length={values.evidence.trim().length} max={LIMITS.issueEvidence.max} />
            ) : null
          }
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={4}
              value={values.evidence}
              onChange={(e) => set('evidence', e.target.value)}
              data-testid="issue-evidence-input"
            />
          )}
        </Field>

        <div className="form__actions">
          <Link to={feedHref()} className="btn btn--ghost">
            {t('ui.cancel')}
          </Link>
          <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="issue-submit">
            {fetching ? t('issues.form.submitting') : t('issues.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The server may name fields as `input.title`; the form knows them as `title`. */
function normalizeFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[k.replace(/^input\./, '')] = v;
  return out;
}
