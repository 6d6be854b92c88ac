// Inviting people: the form (email, name, roles, region, language) and the invitations with their
// state (pending, accepted, revoked, expired), who sent them and until when they work; re-send
// (a new link, the old one stops working) and revoke. A server without mail says so on the form,
// and then hands the new link to the admin, once, to copy and pass on.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, type Role } from '@council/shared';
import { InvitationsQuery, InvitePersonMutation, RevokeInvitationMutation, type InvitationData } from './documents';
import { RegionOptions, RoleChecks, StatusLine, type Status } from './components';
import { LANGUAGE_NAMES, currentLocale } from '../../app/i18n';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { Field, FormError } from '../../ui/Field';
import { EmptyState, LoadFailed, Loading } from '../../ui/States';
import { formatDate } from '../../ui/format';

const INVITATIONS_CONTEXT = { additionalTypenames: ['Invitation', 'Region'] };

type InvitationState = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

function stateOf(invitation: InvitationData, now = Date.now()): InvitationState {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return new Date(invitation.expiresAt).getTime() <= now ? 'EXPIRED' : 'PENDING';
}

const STATE_BADGE: Record<InvitationState, string> = {
  PENDING: 'badge badge--open',
  ACCEPTED: 'badge badge--resolved',
  REVOKED: 'badge badge--closed',
  EXPIRED: 'badge badge--under-discussion',
};

/** A link handed over because no mail carries it: whom it is for, the link, and where it was asked for (the form, or an invitation's row). */
interface SharedLink {
  name: string;
  link: string;
  from: 'form' | string;
}

interface Invited {
  name: string;
  email: string;
  link?: string | null;
}

export function InvitationsSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: InvitationsQuery, context: INVITATIONS_CONTEXT });
  const [status, setStatus] = useState<Status | null>(null);
  const [shared, setShared] = useState<SharedLink | null>(null);

  /** After an invitation went out (new, or again from a row): its link where the server handed one over, and a status. */
  function onInvited(invitation: Invited, from: SharedLink['from'], message: string) {
    setShared(invitation.link ? { name: invitation.name, link: invitation.link, from } : null);
    setStatus({ ok: true, message });
  }

  return (
    <>
      <section id="invite" className="card admin-card" aria-labelledby="invite-heading" tabIndex={-1}>
        <h2 id="invite-heading" className="card__title">
          {t('admin.invite.heading')}
        </h2>
        <p className="muted admin-card__lead">{t('admin.invite.lead')}</p>
        {data && !data.mailEnabled ? (
          <p className="notice notice--warning" data-testid="mail-off">
            {t('admin.invite.mailOff')}
          </p>
        ) : null}
        <InviteForm
          regions={data?.regions ?? []}
          mailEnabled={data?.mailEnabled ?? true}
          onInvited={(invitation) =>
            onInvited(invitation, 'form', t(invitation.link ? 'admin.invite.linkReady' : 'admin.invite.sent', { email: invitation.email }))
          }
          onStarted={() => {
            setStatus(null);
            setShared(null);
          }}
        />
        {shared?.from === 'form' ? <LinkPanel shared={shared} onDone={() => setShared(null)} /> : null}
      </section>

      <section className="card admin-card" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="card__title">
          {t('admin.invitations.heading')}
        </h2>
        <StatusLine status={status} testId="invitations-status" />
        {!data && fetching ? <Loading label={t('admin.invitations.loading')} /> : null}
        {!data && error ? <LoadFailed message={errorMessage(error, t)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
        {data && data.invitations.length === 0 ? <EmptyState title={t('admin.invitations.empty')} /> : null}
        {data && data.invitations.length > 0 ? (
          <ul className="admin-list admin-list--flat" data-testid="invitations-list">
            {data.invitations.map((invitation) => (
              <InvitationRow
                key={invitation.id}
                invitation={invitation}
                shared={shared?.from === invitation.id ? shared : null}
                onShared={() => setShared(null)}
                onStatus={(s) => {
                  setShared(null);
                  setStatus(s);
                }}
                onResent={(answer) =>
                  onInvited(answer, invitation.id, t(answer.link ? 'admin.invitations.resentLink' : 'admin.invitations.resent', { email: answer.email }))
                }
              />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

function InviteForm({
  regions,
  mailEnabled,
  onInvited,
  onStarted,
}: {
  regions: readonly { id: string; name: string }[];
  mailEnabled: boolean;
  onInvited: (invitation: Invited) => void;
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['COORDINATOR']);
  const [regionId, setRegionId] = useState('');
  const [locale, setLocale] = useState<Locale>(currentLocale());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, invite] = useMutation(InvitePersonMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    onStarted();
    const result = await invite({ input: { email, name, roles, regionId: regionId || null, locale } }, INVITATIONS_CONTEXT);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!['email', 'name', 'roles', 'regionId', 'locale'].some((f) => fields[f])) setProblem(errorMessage(result.error, t));
      return;
    }
    setErrors({});
    setEmail('');
    setName('');
    if (result.data) onInvited(result.data.invitePerson);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="invite-form">
      <FormError message={problem} />
      <div className="admin-form__grid">
        <Field label={t('admin.invite.email')} error={errors.email}>
          {(control) => (
            <input {...control} type="email" className="input" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="invite-email" />
          )}
        </Field>
        <Field label={t('admin.invite.name')} error={errors.name}>
          {(control) => <input {...control} className="input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} data-testid="invite-name" />}
        </Field>
        <Field label={t('admin.invite.region')} error={errors.regionId}>
          {(control) => (
            <select {...control} className="select" value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="invite-region">
              <RegionOptions regions={regions} />
            </select>
          )}
        </Field>
        <Field label={t('admin.invite.language')} hint={t('admin.invite.languageHint')} error={errors.locale}>
          {(control) => (
            <select {...control} className="select" value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="invite-language">
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <RoleChecks value={roles} onChange={setRoles} error={errors.roles} testIdPrefix="invite" />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="invite-submit">
          {fetching ? t('admin.invite.submitting') : mailEnabled ? t('admin.invite.submit') : t('admin.invite.submitLink')}
        </button>
      </div>
    </form>
  );
}

/** The link of an invitation no mail carries: shown once, with a button to copy it. */
function LinkPanel({ shared, onDone }: { shared: SharedLink; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Status | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(shared.link);
      setCopied({ ok: true, message: t('admin.invite.link.copied') });
    } catch {
      input.current?.select();
      setCopied({ ok: false, message: t('admin.invite.link.copyFailed') });
    }
  }

  return (
    <div className="admin-link" role="group" aria-labelledby={`${id}-heading`} data-testid="invite-link-panel">
      <h3 id={`${id}-heading`} className="admin-link__heading">
        {t('admin.invite.link.heading', { name: shared.name })}
      </h3>
      <p className="admin-link__once">{t('admin.invite.link.once', { name: shared.name })}</p>
      <label htmlFor={`${id}-link`} className="visually-hidden">
        {t('admin.invite.link.label')}
      </label>
      <div className="admin-link__row">
        <input
          id={`${id}-link`}
          ref={input}
          className="input admin-link__input"
          readOnly
          // Shown once: focus goes to it (selected), ready to copy.
          autoFocus
          value={shared.link}
          onFocus={(e) => e.target.select()}
          data-testid="invite-link"
        />
        <button type="button" className="btn btn--primary" onClick={() => void copy()} data-testid="invite-link-copy">
          {t('admin.invite.link.copy')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {t('admin.invite.link.done')}
        </button>
      </div>
      <StatusLine status={copied} testId="invite-link-copied" />
    </div>
  );
}

function InvitationRow({
  invitation,
  shared,
  onShared,
  onStatus,
  onResent,
}: {
  invitation: InvitationData;
  shared: SharedLink | null;
  onShared: () => void;
  onStatus: (s: Status | null) => void;
  onResent: (answer: Invited) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [{ fetching: resending }, invite] = useMutation(InvitePersonMutation);
  const [{ fetching: revoking }, revoke] = useMutation(RevokeInvitationMutation);
  const state = stateOf(invitation);
  const roles = invitation.roles.map((r) => t(`roles.${r}`)).join(', ');
  const when =
    state === 'ACCEPTED'
      ? t('admin.invitations.accepted', { date: formatDate(invitation.acceptedAt!) })
      : state === 'REVOKED'
        ? t('admin.invitations.revoked', { date: formatDate(invitation.revokedAt!) })
        : state === 'EXPIRED'
          ? t('admin.invitations.expired', { date: formatDate(invitation.expiresAt) })
          : t('admin.invitations.expires', { date: formatDate(invitation.expiresAt) });

  async function onResend() {
    onStatus(null);
    // The same invitation again; the server gives it a new link (and ends the old one).
    const result = await invite(
      { input: { email: invitation.email, name: invitation.name, roles: invitation.roles, regionId: invitation.region?.id ?? null, locale: invitation.locale } },
      INVITATIONS_CONTEXT,
    );
    if (result.error) onStatus({ ok: false, message: errorMessage(result.error, t) });
    else if (result.data) onResent(result.data.invitePerson);
  }

  async function onRevoke() {
    onStatus(null);
    const result = await revoke({ invitationId: invitation.id }, INVITATIONS_CONTEXT);
    onStatus(result.error ? { ok: false, message: errorMessage(result.error, t) } : { ok: true, message: t('admin.invitations.revokedDone', { email: invitation.email }) });
  }

  return (
    <li className="admin-row" data-testid="invitation-row" data-email={invitation.email} data-state={state}>
      <div className="admin-row__main">
        <p className="admin-row__title" id={`${id}-who`}>
          {invitation.name} <span className="visually-hidden">{invitation.email}</span>
        </p>
        <p className="admin-row__meta">
          <span className="admin-row__email">{invitation.email}</span>
        </p>
        <p className="admin-row__meta">
          {roles}
          <span aria-hidden="true"> · </span>
          {invitation.region?.name ?? t('admin.noRegion')}
        </p>
        <p className="admin-row__meta">
          {t('admin.invitations.invitedBy', { name: invitation.invitedBy.name })}
          <span aria-hidden="true"> · </span>
          {when}
        </p>
      </div>
      <div className="admin-row__side">
        <span className={STATE_BADGE[state]} data-testid="invitation-state">
          <span className="badge__dot" aria-hidden="true" />
          {t(`admin.invitations.status.${state}`)}
        </span>
        {state !== 'ACCEPTED' ? (
          <div className="admin-row__actions">
            <button
              type="button"
              className="btn"
              disabled={resending}
              onClick={() => void onResend()}
              aria-describedby={`${id}-who`}
              data-testid="invitation-resend"
            >
              {resending ? t('admin.invitations.resending') : t('admin.invitations.resend')}
            </button>
            {state === 'PENDING' ? (
              <button
                type="button"
                className="btn btn--ghost"
                disabled={revoking}
                onClick={() => void onRevoke()}
                aria-describedby={`${id}-who`}
                data-testid="invitation-revoke"
              >
                {revoking ? t('admin.invitations.revoking') : t('admin.invitations.revoke')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {shared ? (
        <div className="admin-row__wide">
          <LinkPanel shared={shared} onDone={onShared} />
        </div>
      ) : null}
    </li>
  );
}
