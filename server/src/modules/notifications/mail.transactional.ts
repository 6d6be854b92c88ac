// Transactional mails: an invitation, a password reset link. Not notifications: no preference
// turns them off and they carry no unsubscribe link; they go through the same outbox, written in
// the caller's transaction, in the recipient's language, with the link built from PUBLIC_URL.
import { translator } from '@council/shared/i18n';
import type { Em } from '../../db/orm.js';
import type { User } from '../people/people.entity.js';
import { mailSettingsOf } from './mail.settings.js';
import type { RenderedMail } from './mail.render.js';
import { OutboxMail } from './notifications.entity.js';

export type TransactionalKind = 'INVITATION' | 'PASSWORD_RESET';

/** The catalog part (under `account.`) of each kind's texts, and the page its link opens. */
const KINDS: Record<TransactionalKind, { keys: string; path: string }> = {
  INVITATION: { keys: 'account.invitation.mail', path: '/invite/' },
  PASSWORD_RESET: { keys: 'account.reset.mail', path: '/reset-password/' },
};

export interface TransactionalRecipient {
  email: string;
  name: string;
  locale: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail of `kind` for `recipient`, with the link to `token`'s page under `publicUrl`. */
export function renderTransactionalMail(
  publicUrl: string,
  kind: TransactionalKind,
  recipient: TransactionalRecipient,
  token: string,
  params: Record<string, string | number> = {},
): RenderedMail & { link: string } {
  const t = translator(recipient.locale);
  const { keys, path } = KINDS[kind];
  const link = `${publicUrl}${path}${token}`;
  const greeting = t('reach.mail.greeting', { name: recipient.name });
  const lead = t(`${keys}.lead`, params);
  const action = t(`${keys}.action`);
  const validity = t(`${keys}.validity`);
  const ignore = t(`${keys}.ignore`);
  const text = [greeting, '', lead, '', `${action}: ${link}`, '', validity, '', '-- ', ignore].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(recipient.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2530; max-width: 40rem; margin: 0 auto; padding: 1rem;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead)}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1f5fbf; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(action)}</a></p>
<p>${escapeHtml(validity)}</p>
<hr style="border: 0; border-top: 1px solid #d5dae1; margin: 2rem 0 1rem;">
<p style="font-size: 0.875rem; color: #56606d;">${escapeHtml(ignore)}</p>
</body></html>`;
  return { to: recipient.email, subject: t(`${keys}.subject`, params), text, html, headers: {}, link };
}

/**
 * Writes the mail to the outbox in `tx` when mail is on; returns whether it did. Without mail the
 * caller's change stands all the same (an invitation is created, a reset link just never arrives).
 */
export function queueTransactionalMail(
  tx: Em,
  kind: TransactionalKind,
  recipient: TransactionalRecipient & { user?: User | null },
  token: string,
  params: Record<string, string | number>,
  at: Date,
): boolean {
  const settings = mailSettingsOf(tx);
  if (!settings?.enabled) return false;
  const { link: _link, ...rendered } = renderTransactionalMail(settings.publicUrl, kind, recipient, token, params);
  tx.create(OutboxMail, { ...rendered, user: recipient.user ?? null, kind, attempts: 0, nextAttemptAt: at, createdAt: at });
  return true;
}
