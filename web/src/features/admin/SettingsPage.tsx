// Installation settings in the admin area: the voting rule (quorum and threshold, typed as
// percentages, stored as shares) and the agenda's time box per kind of item. Each is its own
// small form showing the values in force, and shows only to those who may change it.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AGENDA_ITEM_KINDS, outcomeDelaySchema, votingRuleSchema, type AgendaItemKind } from '@council/shared';
import { OutcomeDelayQuery, SetOutcomeDelayMutation, SetTimeboxesMutation, SetVotingRuleMutation, TimeboxesQuery, VotingRuleQuery } from './documents';
import { StatusLine, type Status } from './components';
import { useViewer } from '../auth/viewer';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Field } from '../../ui/Field';
import { LoadFailed, Loading } from '../../ui/States';
import { formatPercent } from '../../ui/format';

const RULE_CONTEXT = { additionalTypenames: ['VotingRule'] };
const TIMEBOX_CONTEXT = { additionalTypenames: ['AgendaTimeboxes'] };
/** A scalar query: refetched by hand after saving (no typename to invalidate). */
const DELAY_CONTEXT = { requestPolicy: 'network-only' as const };

/** A share (0..1) as the percentage typed in the form, without float noise (0.5 → "50"). */
const asPercent = (share: number) => String(Math.round(share * 10_000) / 100);

export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.settings.title'));
  const viewer = useViewer();
  return (
    <div className="page page--narrow admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-head__title">{t('admin.settings.title')}</h1>
          <p className="page-head__lead">{t('admin.settings.lead')}</p>
        </div>
      </div>
      {viewer.canSetVotingRule.allowed ? <VotingRuleSection /> : null}
      {viewer.canSetAgendaTimeboxes.allowed ? <TimeboxesSection /> : null}
      {viewer.canSetOutcomeDelay.allowed ? <OutcomeDelaySection /> : null}
    </div>
  );
}

function VotingRuleSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: VotingRuleQuery, context: RULE_CONTEXT });
  const rule = data?.votingRule;
  // Kept here: a saved rule is a new form (see below), and its status must outlive the old one.
  const [status, setStatus] = useState<Status | null>(null);
  return (
    <section className="card admin-card" aria-labelledby="voting-rule-heading">
      <h2 id="voting-rule-heading" className="card__title">
        {t('admin.settings.votingRule.heading')}
      </h2>
      <p className="muted admin-card__lead">{t('admin.settings.votingRule.lead')}</p>
      {!rule && fetching ? <Loading label={t('admin.settings.loading')} /> : null}
      {!rule && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {rule ? (
        <>
          <p className="admin-current" data-testid="voting-rule-current">
            {t('admin.settings.votingRule.current', { quorum: formatPercent(rule.quorum), threshold: formatPercent(rule.threshold) })}
          </p>
          {/* A new form for new values: what is typed starts from what is in force. */}
          <VotingRuleForm key={`${rule.quorum}:${rule.threshold}`} quorum={rule.quorum} threshold={rule.threshold} onStatus={setStatus} />
        </>
      ) : null}
      <StatusLine status={status} testId="voting-rule-status" />
    </section>
  );
}

function VotingRuleForm({ quorum, threshold, onStatus }: { quorum: number; threshold: number; onStatus: (s: Status | null) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ quorum: asPercent(quorum), threshold: asPercent(threshold) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, save] = useMutation(SetVotingRuleMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    onStatus(null);
    // The shared schema the server applies too: a share between 0 and 1 (an empty field is no number).
    const share = (text: string) => (text.trim() === '' ? NaN : Number(text) / 100);
    const parsed = votingRuleSchema.safeParse({ quorum: share(values.quorum), threshold: share(values.threshold) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return;
    }
    const result = await save(parsed.data, RULE_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!fields.quorum && !fields.threshold) onStatus({ ok: false, message: errorMessage(result.error, t) });
      return;
    }
    setErrors({});
    onStatus({ ok: true, message: t('admin.settings.votingRule.saved') });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="voting-rule-form">
      <div className="admin-form__grid">
        <Field label={t('admin.settings.votingRule.quorum')} hint={t('admin.settings.votingRule.quorumHint')} error={errors.quorum}>
          {(control) => (
            <input
              {...control}
              className="input input--number"
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              value={values.quorum}
              onChange={(e) => setValues((v) => ({ ...v, quorum: e.target.value }))}
              data-testid="voting-rule-quorum"
            />
          )}
        </Field>
        <Field label={t('admin.settings.votingRule.threshold')} hint={t('admin.settings.votingRule.thresholdHint')} error={errors.threshold}>
          {(control) => (
            <input
              {...control}
              className="input input--number"
              type="number"
              inputMode="decimal"
              min={0}
              max={99}
              step="any"
              value={values.threshold}
              onChange={(e) => setValues((v) => ({ ...v, threshold: e.target.value }))}
              data-testid="voting-rule-threshold"
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="voting-rule-save">
          {fetching ? t('admin.settings.votingRule.saving') : t('admin.settings.votingRule.save')}
        </button>
      </div>
    </form>
  );
}

type Boxes = Record<AgendaItemKind, number>;

function TimeboxesSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TimeboxesQuery, context: TIMEBOX_CONTEXT });
  const boxes = data?.agendaTimeboxes;
  const [status, setStatus] = useState<Status | null>(null);
  return (
    <section className="card admin-card" aria-labelledby="timeboxes-heading">
      <h2 id="timeboxes-heading" className="card__title">
        {t('admin.settings.timeboxes.heading')}
      </h2>
      <p className="muted admin-card__lead">{t('admin.settings.timeboxes.lead')}</p>
      {!boxes && fetching ? <Loading label={t('admin.settings.loading')} /> : null}
      {!boxes && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {/* A new form for new values, as for the voting rule. */}
      {boxes ? <TimeboxesForm key={AGENDA_ITEM_KINDS.map((k) => boxes[k]).join(':')} boxes={boxes} onStatus={setStatus} /> : null}
      <StatusLine status={status} testId="timeboxes-status" />
    </section>
  );
}

function TimeboxesForm({ boxes, onStatus }: { boxes: Boxes; onStatus: (s: Status | null) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<AgendaItemKind, string>>(
    () => Object.fromEntries(AGENDA_ITEM_KINDS.map((k) => [k, String(boxes[k])])) as Record<AgendaItemKind, string>,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, save] = useMutation(SetTimeboxesMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    onStatus(null);
    // Only the changed kinds (nothing changed: nothing to record); an emptied field goes as 0, which the server refuses at that field.
    const changed = AGENDA_ITEM_KINDS.filter((k) => values[k] !== String(boxes[k]));
    if (changed.length === 0) {
      setErrors({});
      onStatus({ ok: true, message: t('admin.settings.timeboxes.saved') });
      return;
    }
    const input = Object.fromEntries(changed.map((k) => [k, values[k].trim() === '' ? 0 : Number(values[k])]));
    const result = await save({ input }, TIMEBOX_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!Object.keys(fields).length) onStatus({ ok: false, message: errorMessage(result.error, t) });
      return;
    }
    setErrors({});
    onStatus({ ok: true, message: t('admin.settings.timeboxes.saved') });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="timeboxes-form">
      <div className="admin-boxes">
        {AGENDA_ITEM_KINDS.map((kind) => (
          <Field key={kind} label={t(`meetings.kind.${kind}`)} error={errors[kind]} className="admin-boxes__item">
            {(control) => (
              <span className="admin-boxes__control">
                <input
                  {...control}
                  className="input input--number"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={240}
                  step={1}
                  value={values[kind]}
                  onChange={(e) => setValues((v) => ({ ...v, [kind]: e.target.value }))}
                  data-testid={`timebox-${kind}`}
                />
                <span className="muted">{t('admin.settings.timeboxes.minutes')}</span>
              </span>
            )}
          </Field>
        ))}
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="timeboxes-save">
          {fetching ? t('admin.settings.timeboxes.saving') : t('admin.settings.timeboxes.save')}
        </button>
      </div>
    </form>
  );
}

/** How long after implementation the regions are asked whether a change solved the problem. */
function OutcomeDelaySection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OutcomeDelayQuery });
  const days = data?.outcomeDelayDays;
  const [status, setStatus] = useState<Status | null>(null);
  return (
    <section className="card admin-card" aria-labelledby="outcome-delay-heading">
      <h2 id="outcome-delay-heading" className="card__title">
        {t('followUp.outcomes.settings.heading')}
      </h2>
      <p className="muted admin-card__lead">{t('followUp.outcomes.settings.lead')}</p>
      {days == null && fetching ? <Loading label={t('admin.settings.loading')} /> : null}
      {days == null && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute(DELAY_CONTEXT)} /> : null}
      {days != null ? (
        <>
          <p className="admin-current" data-testid="outcome-delay-current">
            {t('followUp.outcomes.settings.current', { days })}
          </p>
          <OutcomeDelayForm key={days} days={days} onStatus={setStatus} onSaved={() => reexecute(DELAY_CONTEXT)} />
        </>
      ) : null}
      <StatusLine status={status} testId="outcome-delay-status" />
    </section>
  );
}

function OutcomeDelayForm({ days, onStatus, onSaved }: { days: number; onStatus: (s: Status | null) => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(days));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, save] = useMutation(SetOutcomeDelayMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    onStatus(null);
    const parsed = outcomeDelaySchema.safeParse({ days: value.trim() === '' ? NaN : Number(value) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return;
    }
    const result = await save(parsed.data);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!fields.days) onStatus({ ok: false, message: errorMessage(result.error, t) });
      return;
    }
    setErrors({});
    onStatus({ ok: true, message: t('followUp.outcomes.settings.saved', { days: result.data?.setOutcomeDelay ?? parsed.data.days }) });
    onSaved();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="outcome-delay-form">
      <Field label={t('followUp.outcomes.settings.days')} hint={t('followUp.outcomes.settings.hint')} error={errors.days}>
        {(control) => (
          <input
            {...control}
            className="input input--number"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="outcome-delay-days"
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="outcome-delay-save">
          {fetching ? t('followUp.outcomes.settings.saving') : t('followUp.outcomes.settings.save')}
        </button>
      </div>
    </form>
  );
}
