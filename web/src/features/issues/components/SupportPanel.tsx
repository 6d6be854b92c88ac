// Who is affected: the support count, the regions, the supporters with their notes, and
// the viewer's own "my region is affected too" / "withdraw" action.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { LIMITS, supportSchema } from '@council/shared';
import { SupportIssueMutation, WithdrawSupportMutation, type IssueDetail } from '../documents';
import { RegionShare } from './RegionShare';
import { errorMessage, fieldErrors } from '../../../app/errors';
import { zodFieldErrors } from '../../../app/translate';
import { Counter, Field } from '../../../ui/Field';
import { RelativeTime } from '../../../ui/RelativeTime';
import { formatNumber } from '../../../ui/format';

export function SupportPanel({ issue, totalRegions }: { issue: IssueDetail; totalRegions: number }) {
  const { t } = useTranslation();
  const originId = issue.originRegion.id;
  return (
    <section className="card support" aria-labelledby="support-heading">
      <h2 id="support-heading" className="card__title">
        {t('issues.page.support.heading')}
      </h2>
      <p className="support__count">
        <span className="support__number" data-testid="support-count">
          {formatNumber(issue.supportCount)}
        </span>{' '}
        <span className="support__label">{t('issues.page.support.countLabel', { count: issue.supportCount })}</span>
      </p>
      <p className="support__regions">
        <RegionShare regionCount={issue.regionCount} totalRegions={totalRegions} />
      </p>

      <SupportAction issue={issue} />

      <h3 className="support__subheading">{t('issues.page.support.regions')}</h3>
      <ul className="region-list">
        {issue.affectedRegions.map((r) => (
          <li key={r.id} className="region-chip">
            {r.name}
            {r.id === originId ? <span className="region-chip__note"> · {t('issues.page.support.origin')}</span> : null}
          </li>
        ))}
      </ul>

      <h3 className="support__subheading">{t('issues.page.support.supporters')}</h3>
      {issue.supports.length === 0 ? (
        <p className="muted">{t('issues.page.support.noSupporters')}</p>
      ) : (
        <ul className="supporters">
          {issue.supports.map((s) => (
            <li key={`${s.user.id}-${s.region.id}`} className="supporter">
              <div className="supporter__head">
                <span className="supporter__name">{s.user.name}</span>
                <span className="supporter__region">{s.region.name}</span>
              </div>
              {s.note ? <p className="supporter__note">{s.note}</p> : null}
              <p className="supporter__time">
                <RelativeTime iso={s.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {issue.mergedNotes.length ? (
        <>
          <h3 className="support__subheading">{t('duplicates.mergedNotes.heading')}</h3>
          <p className="muted">{t('duplicates.mergedNotes.lead')}</p>
          <ul className="supporters" data-testid="merged-notes">
            {issue.mergedNotes.map((s) => (
              <li key={`${s.user.id}-${s.fromIssueTitle}-${s.createdAt}`} className="supporter">
                <div className="supporter__head">
                  <span className="supporter__name">{s.user.name}</span>
                  <span className="supporter__region">{s.region.name}</span>
                </div>
                <p className="supporter__note">{s.note}</p>
                <p className="supporter__time">
                  {t('duplicates.mergedNotes.on', { title: s.fromIssueTitle })} · <RelativeTime iso={s.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function SupportAction({ issue }: { issue: IssueDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [status, setStatus] = useState<string>('');
  const [{ fetching: supporting }, support] = useMutation(SupportIssueMutation);
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawSupportMutation);

  async function onSupport(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setStatus('');
    const parsed = supportSchema.safeParse({ note });
    if (!parsed.success) {
      setNoteError(zodFieldErrors(t, parsed.error.issues).note);
      return;
    }
    setNoteError(undefined);
    const result = await support({ issueId: issue.id, note: parsed.data.note ?? null });
    if (result.error) {
      setNoteError(fieldErrors(result.error).note);
      setError(errorMessage(result.error, t));
      return;
    }
    setNote('');
    setStatus(t('issues.page.support.added'));
  }

  async function onWithdraw() {
    setError(null);
    setStatus('');
    const result = await withdraw({ issueId: issue.id });
    if (result.error) {
      setError(errorMessage(result.error, t));
      return;
    }
    setStatus(t('issues.page.support.withdrawn'));
  }

  let body;
  if (issue.viewerHasSupported) {
    body = (
      <div className="support__mine">
        <p className="support__state">
          <span aria-hidden="true" className="check">
            ✓
          </span>{' '}
          {t('issues.page.support.youSupport')}
        </p>
        {issue.canWithdrawSupport.allowed ? (
          <button
            type="button"
            className="btn"
            onClick={onWithdraw}
            disabled={withdrawing}
            data-testid="withdraw-button"
          >
            {withdrawing ? t('issues.page.support.withdrawing') : t('issues.page.support.withdraw')}
          </button>
        ) : null}
      </div>
    );
  } else if (issue.canSupport.allowed) {
    body = (
      <form className="form support__form" onSubmit={onSupport} noValidate>
        <Field
          label={t('issues.page.support.note')}
          optionalLabel={t('ui.optional')}
          hint={t('issues.page.support.noteHint')}
          error={noteError}
          counter={note.length > LIMITS.supportNote.max * 0.8 ? <Counter length={note.length} max={LIMITS.supportNote.max} /> : null}
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn--primary btn--block" disabled={supporting} data-testid="support-button">
          {supporting ? t('issues.page.support.supporting') : t('issues.page.support.support')}
        </button>
      </form>
    );
  } else {
    body = <p className="muted support__why">{issue.canSupport.reason ?? t('issues.page.support.unavailable')}</p>;
  }

  return (
    <div className="support__action">
      {body}
      <div aria-live="polite" className="support__feedback">
        {error ? (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        ) : status ? (
          <p className="visually-hidden">{status}</p>
        ) : null}
      </div>
    </div>
  );
}
