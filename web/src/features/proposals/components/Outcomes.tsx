// Outcomes checked: a coordinator reports whether an implemented change solved the problem in
// their region (better, same, worse, with optional figures), from the home page; and a
// proposal's outcome by region wherever the change shows (its issue, its page, the register).
// Who may report is the server's answer (the home's section is null for others).
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { OUTCOME_VERDICTS, PROPOSAL_LIMITS, type OutcomeVerdict } from '@council/shared';
import { ReportOutcomeMutation, type OutcomeToReport, type OutcomeView } from '../outcomes';
import { proposalHref } from '../paths';
import { Entry, EntryList, Section } from '../../home/components/Section';
import { errorMessage } from '../../../app/errors';
import { Field } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import '../proposals.css';

const REPORT_CONTEXT = { additionalTypenames: ['Proposal', 'Issue'] };
const MARK: Record<OutcomeVerdict, string> = { BETTER: '▲', SAME: '■', WORSE: '▼' };

/** "▲ Better": the verdict in words, with a mark that is never the only signal. */
export function Verdict({ verdict }: { verdict: OutcomeVerdict }) {
  const { t } = useTranslation();
  return (
    <span className={`outcome-verdict outcome-verdict--${verdict.toLowerCase()}`} data-verdict={verdict}>
      <span aria-hidden="true">{MARK[verdict]} </span>
      {t(`followUp.outcomes.verdict.${verdict}`)}
    </span>
  );
}

/** Better / same / worse and optional figures, for the viewer's region. */
export function OutcomeForm({ proposal, regionId, onReported }: { proposal: { id: string; title: string }; regionId: string; onReported: (verdict: OutcomeVerdict) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [verdict, setVerdict] = useState<OutcomeVerdict | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, report] = useMutation(ReportOutcomeMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!verdict) return;
    setError(null);
    const result = await report({ proposalId: proposal.id, regionId, verdict, note: note.trim() || null }, REPORT_CONTEXT);
    if (result.error) setError(errorMessage(result.error, t));
    else onReported(verdict);
  }

  return (
    <form className="form outcome-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="outcome-form">
      <fieldset className="choice-group">
        <legend className="field__label">{t('followUp.outcomes.home.verdict')}</legend>
        <div className="choice-group__options">
          {OUTCOME_VERDICTS.map((v) => (
            <label key={v} className={verdict === v ? 'choice choice--on' : 'choice'}>
              <input type="radio" name={`${id}-verdict`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} data-testid={`outcome-${v.toLowerCase()}`} />
              <span>{t(`followUp.outcomes.verdict.${v}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('followUp.outcomes.home.note')} optionalLabel={t('ui.optional')} hint={t('followUp.outcomes.home.noteHint')}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            maxLength={PROPOSAL_LIMITS.outcomeNote.max}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="outcome-note"
          />
        )}
      </Field>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn--primary btn--small" disabled={!verdict || fetching} data-testid="outcome-submit">
        {fetching ? t('followUp.outcomes.home.sending') : t('followUp.outcomes.home.send')}
        <span className="visually-hidden">: {proposal.title}</span>
      </button>
    </form>
  );
}

/** A coordinator's home: implemented changes whose outcome their region has to report. */
export function OutcomesToReportSection({
  proposals,
  regionId,
  onReported,
}: {
  proposals: readonly OutcomeToReport[];
  regionId: string;
  onReported: (proposal: OutcomeToReport, verdict: OutcomeVerdict) => void;
}) {
  const { t } = useTranslation();
  return (
    <Section name="outcomesToReport" title={t('followUp.outcomes.home.title')} count={proposals.length} lead={t('followUp.outcomes.home.lead')}>
      <EntryList label={t('followUp.outcomes.home.title')}>
        {proposals.map((p) => (
          <Entry
            key={p.id}
            testId="home-outcome"
            main={
              <>
                <h3 className="home-item__title">
                  <Link to={proposalHref(p.id)}>{p.title}</Link>
                </h3>
                {p.outcomeDueOn ? <p className="home-item__meta">{t('followUp.outcomes.home.due', { date: formatDate(p.outcomeDueOn) })}</p> : null}
                <OutcomeForm proposal={p} regionId={regionId} onReported={(v) => onReported(p, v)} />
              </>
            }
          />
        ))}
      </EntryList>
    </Section>
  );
}

/** A change's outcome by region: each region's report, or when the regions are asked. */
export function OutcomeByRegion({ proposal, heading = true }: { proposal: OutcomeView; heading?: boolean }) {
  const { t } = useTranslation();
  if (proposal.status !== 'IMPLEMENTED' && proposal.outcomeReports.length === 0) return null;
  return (
    <div className="outcomes" data-testid="outcomes">
      {heading ? <h3 className="outcomes__title">{t('followUp.outcomes.view.title')}</h3> : null}
      {proposal.outcomeReopenedIssue ? (
        <p className="notice notice--info" data-testid="outcomes-reopened">
          {t('followUp.outcomes.view.reopened')}
        </p>
      ) : null}
      {proposal.outcomeReports.length === 0 ? (
        <p className="muted">
          {proposal.outcomeDueOn && new Date(proposal.outcomeDueOn).getTime() > Date.now()
            ? t('followUp.outcomes.view.due', { date: formatDate(proposal.outcomeDueOn) })
            : t('followUp.outcomes.view.none')}
        </p>
      ) : (
        <ul className="outcomes__list">
          {proposal.outcomeReports.map((r) => (
            <li key={r.id} className="outcomes__item" data-testid="outcome-report">
              <span className="outcomes__region">{r.region.name}</span> <Verdict verdict={r.verdict} />
              {r.note ? <span className="outcomes__note"> · {r.note}</span> : null}
              <span className="outcomes__by"> · {t('followUp.outcomes.view.by', { name: r.reportedBy.name, date: formatDate(r.createdAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
