// Everyone up to date: confirming having read a policy's version in force, from the home page
// (with what changed in front of the reader) or the register; the register's per-region view of
// who has and who has not; and the facilitator's list of regions behind. Whether a person is
// asked and may confirm is the server's answer (`viewerMustAcknowledge`, `viewerCanAcknowledge`,
// and the home's sections, null for those not asked).
import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { AcknowledgePolicyMutation, type PolicyRegionAcknowledgements, type PolicyToConfirm, type RegionBehind } from '../documents';
import { Entry, EntryList, Section } from '../../home/components/Section';
import { errorMessage } from '../../../app/errors';
import { Markdown } from '../../../ui/Markdown';
import { TextDiff } from '../../../ui/TextDiff';
import { formatDate, formatNumber } from '../../../ui/format';

export const POLICIES_HREF = '/policies';
/** A region is listed behind once a version is this many days old (the server's rule, said in the lead). */
const BEHIND_AFTER_DAYS = 3;
const ACK_CONTEXT = { additionalTypenames: ['Policy'] };

/** "I have read it": confirms the version in force; says so once done, or why it was refused. */
export function ConfirmButton({
  policy,
  label,
  onConfirmed,
}: {
  policy: { id: string; title: string; currentVersion: number };
  label: string;
  onConfirmed?: () => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, acknowledge] = useMutation(AcknowledgePolicyMutation);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    const result = await acknowledge({ policyId: policy.id, version: policy.currentVersion }, ACK_CONTEXT);
    if (result.error) setError(errorMessage(result.error, t));
    else onConfirmed?.();
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--primary btn--small"
        disabled={fetching}
        onClick={() => void confirm()}
        data-testid="policy-confirm"
      >
        {label}
        <span className="visually-hidden">: {t('followUp.upToDate.home.confirmFor', { title: policy.title, version: policy.currentVersion })}</span>
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A coordinator's home: each policy whose version in force they have not confirmed, what changed shown. */
export function PoliciesToConfirmSection({ policies, onConfirmed }: { policies: readonly PolicyToConfirm[]; onConfirmed: (policy: PolicyToConfirm) => void }) {
  const { t } = useTranslation();
  return (
    <Section
      name="policiesToConfirm"
      title={t('followUp.upToDate.home.title')}
      count={policies.length}
      lead={t('followUp.upToDate.home.lead')}
      more={{ to: POLICIES_HREF, label: t('followUp.upToDate.behind.register') }}
    >
      <EntryList label={t('followUp.upToDate.home.title')}>
        {policies.map((p) => (
          <Entry
            key={p.id}
            testId="home-policy-to-confirm"
            className="policy-confirm"
            main={
              <>
                <h3 className="home-item__title">{p.title}</h3>
                <p className="home-item__meta">
                  {t('followUp.upToDate.home.version', { version: p.currentVersion })}
                  {p.current?.effectiveFrom ? ` · ${t('policies.effectiveFrom', { date: formatDate(p.current.effectiveFrom) })}` : null}
                </p>
                {p.current ? (
                  <>
                    <h4 className="policy-confirm__heading">{t('followUp.upToDate.home.whatChanged')}</h4>
                    <TextDiff before={p.current.previousText} after={p.current.text} testId="policy-confirm-diff" />
                    <details className="policy-confirm__text">
                      <summary>{t('followUp.upToDate.home.fullText')}</summary>
                      <Markdown source={p.current.text} />
                    </details>
                  </>
                ) : null}
              </>
            }
            action={<ConfirmButton policy={p} label={t('followUp.upToDate.home.confirm')} onConfirmed={() => onConfirmed(p)} />}
          />
        ))}
      </EntryList>
    </Section>
  );
}

/** A facilitator's home: the regions whose coordinators have not confirmed versions a few days old. */
export function RegionsBehindSection({ regions }: { regions: readonly RegionBehind[] }) {
  const { t } = useTranslation();
  const n = (key: 'missing' | 'people' | 'policies', count: number) => t(`followUp.upToDate.behind.${key}`, { count, formatted: formatNumber(count) });
  return (
    <Section
      name="regionsBehind"
      title={t('followUp.upToDate.behind.title')}
      count={regions.length}
      lead={t('followUp.upToDate.behind.lead', { days: BEHIND_AFTER_DAYS })}
      more={{ to: POLICIES_HREF, label: t('followUp.upToDate.behind.register') }}
    >
      <EntryList label={t('followUp.upToDate.behind.title')}>
        {regions.map((r) => (
          <Entry
            key={r.region.id}
            testId="home-region-behind"
            main={
              <>
                <h3 className="home-item__title">{r.region.name}</h3>
                <p className="home-item__meta">
                  {n('missing', r.missing)} · {n('people', r.people)} · {n('policies', r.policies)}
                </p>
              </>
            }
          />
        ))}
      </EntryList>
    </Section>
  );
}

/** The register: per region, who has confirmed the version in force and who has not; the viewer's own button. */
export function RegisterAcknowledgements({
  policy,
}: {
  policy: {
    id: string;
    title: string;
    currentVersion: number;
    viewerHasAcknowledged: boolean;
    viewerMustAcknowledge: boolean;
    viewerCanAcknowledge: boolean;
    acknowledgementsByRegion: readonly PolicyRegionAcknowledgements[];
  };
}) {
  const { t } = useTranslation();
  const rows = policy.acknowledgementsByRegion;
  const acknowledged = rows.reduce((sum, r) => sum + r.acknowledged, 0);
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const names = (people: readonly { name: string }[], none: string) => (people.length ? people.map((u) => u.name).join(', ') : none);
  return (
    <section className="policy-acks" aria-label={t('followUp.upToDate.register.heading')} data-testid="policy-acks">
      <h3 className="policy__versions-heading">{t('followUp.upToDate.register.heading')}</h3>
      <p className="policy-acks__summary" data-testid="policy-acks-summary">
        {t('followUp.upToDate.register.summary', { acknowledged: formatNumber(acknowledged), total: formatNumber(total), version: policy.currentVersion })}
      </p>
      {policy.viewerHasAcknowledged ? (
        <p className="policy-acks__you" data-testid="policy-acks-you">
          <span aria-hidden="true">✓ </span>
          {t('followUp.upToDate.register.you')}
        </p>
      ) : policy.viewerMustAcknowledge && policy.viewerCanAcknowledge ? (
        <ConfirmButton policy={policy} label={t('followUp.upToDate.register.confirm', { version: policy.currentVersion })} />
      ) : null}
      {rows.length > 0 ? (
        <ul className="policy-acks__regions">
          {rows.map((r) => (
            <li key={r.region.id} className="policy-acks__region" data-testid="policy-acks-region">
              <details>
                <summary>
                  {t('followUp.upToDate.register.region', { region: r.region.name, acknowledged: formatNumber(r.acknowledged), total: formatNumber(r.total) })}
                  {r.missing.length === 0 ? <span className="tag policy-acks__all">{t('followUp.upToDate.register.everyone')}</span> : null}
                </summary>
                <dl className="policy-acks__people">
                  <dt>{t('followUp.upToDate.register.confirmed')}</dt>
                  <dd data-testid="policy-acks-confirmed">{names(r.acknowledgedBy, t('followUp.upToDate.register.nobody'))}</dd>
                  {r.missing.length > 0 ? (
                    <>
                      <dt>{t('followUp.upToDate.register.missing')}</dt>
                      <dd data-testid="policy-acks-missing">{names(r.missing, '')}</dd>
                    </>
                  ) : null}
                </dl>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
