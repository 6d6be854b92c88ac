// Mails in the recipient's language and time zone, plain text and HTML: one notification (sent at
// once) or a daily digest of several, grouped by what they are about. Every mail says why it came
// and carries a one-click unsubscribe link (RFC 8058) for what it is about.
import { translator } from '@council/shared/i18n';
import { localize } from '../../localize.js';
import { unsubscribeUrl, type MailSettings } from './mail.settings.js';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

export interface MailItem {
  kind: string;
  messageKey: string;
  params: Record<string, string | number>;
  subjectType?: string | null;
  subjectId?: string | null;
  createdAt: Date;
}

/** More for one notification's mail, placed under its message (plain text and HTML). */
export interface MailDetails {
  text: string;
  html: string;
}

export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const PATHS: Record<string, string> = { Issue: 'issues', Proposal: 'proposals', Meeting: 'meetings' };

/** The web page of a subject, as the web addresses it (by global id). */
export function subjectUrl(settings: MailSettings, type?: string | null, id?: string | null): string {
  const path = type && PATHS[type];
  if (!path || !id) return `${settings.publicUrl}/`;
  return `${settings.publicUrl}/${path}/${encodeURIComponent(Buffer.from(`${type}:${id}`).toString('base64'))}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** RFC 8058 one-click unsubscribe headers, and the link for the footer. */
function unsubscribe(settings: MailSettings, recipient: Recipient, target: string) {
  const url = unsubscribeUrl(settings, recipient.id, target);
  return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}

function layout(settings: MailSettings, recipient: Recipient, body: { text: string; html: string }, why: string, unsubscribeLine: string, unsubscribeUrlValue: string) {
  const t = translator(recipient.locale);
  const account = `${settings.publicUrl}/account`;
  const greeting = t('reach.mail.greeting', { name: recipient.name });
  const text = [
    greeting,
    '',
    body.text,
    '',
    '-- ',
    why,
    `${unsubscribeLine}: ${unsubscribeUrlValue}`,
    `${t('reach.mail.settings')}: ${account}`,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(recipient.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2530; max-width: 40rem; margin: 0 auto; padding: 1rem;">
<p>${escapeHtml(greeting)}</p>
${body.html}
<hr style="border: 0; border-top: 1px solid #d5dae1; margin: 2rem 0 1rem;">
<p style="font-size: 0.875rem; color: #56606d;">${escapeHtml(why)}<br>
<a href="${escapeHtml(unsubscribeUrlValue)}">${escapeHtml(unsubscribeLine)}</a> · <a href="${escapeHtml(account)}">${escapeHtml(t('reach.mail.settings'))}</a></p>
</body></html>`;
  return { text, html };
}

/** One notification, sent at once. */
export function renderNotificationMail(settings: MailSettings, recipient: Recipient, item: MailItem, details?: MailDetails): RenderedMail {
  const t = translator(recipient.locale);
  const message = localize(recipient.locale, item.messageKey, item.params, recipient.timeZone);
  const link = subjectUrl(settings, item.subjectType, item.subjectId);
  const open = t('reach.mail.open');
  const { url, headers } = unsubscribe(settings, recipient, item.kind);
  const kindName = t(`account.notifications.kinds.${item.kind}.name`);
  const body = {
    text: `${message}\n\n${details ? `${details.text}\n\n` : ''}${open}: ${link}`,
    html: `<p>${escapeHtml(message)}</p>\n${details ? `${details.html}\n` : ''}<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1f5fbf; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(open)}</a></p>`,
  };
  const { text, html } = layout(settings, recipient, body, t('reach.mail.whyImmediate', { kind: kindName }), t('reach.mail.unsubscribeKind', { kind: kindName }), url);
  return { to: recipient.email, subject: message.length > 250 ? `${message.slice(0, 249)}…` : message, text, html, headers };
}

/** The daily digest: every item, grouped by what it is about (first seen first), newest items first within a group. */
export function renderDigestMail(settings: MailSettings, recipient: Recipient, items: readonly MailItem[], now: Date): RenderedMail {
  const t = translator(recipient.locale);
  const groups = new Map<string, MailItem[]>();
  for (const item of [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
    const key = item.subjectType && item.subjectId ? `${item.subjectType}:${item.subjectId}` : `-:${groups.size}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const time = new Intl.DateTimeFormat(recipient.locale, { timeStyle: 'short', timeZone: recipient.timeZone });
  const day = new Intl.DateTimeFormat(recipient.locale, { dateStyle: 'long', timeZone: recipient.timeZone }).format(now);
  const textParts: string[] = [t('reach.mail.digestLead', { count: items.length, date: day })];
  const htmlParts: string[] = [`<p>${escapeHtml(t('reach.mail.digestLead', { count: items.length, date: day }))}</p>`];
  for (const group of groups.values()) {
    const first = group[0];
    const heading = String(first.params.title ?? first.params.meeting ?? t(`account.notifications.kinds.${first.kind}.name`));
    const link = subjectUrl(settings, first.subjectType, first.subjectId);
    const lines = group.map((i) => ({ at: time.format(i.createdAt), message: localize(recipient.locale, i.messageKey, i.params, recipient.timeZone) }));
    textParts.push('', `${heading}`, `${link}`, ...lines.map((l) => `  - ${l.message} (${l.at})`));
    htmlParts.push(
      `<h2 style="font-size: 1rem; margin: 1.5rem 0 0.25rem;"><a href="${escapeHtml(link)}">${escapeHtml(heading)}</a></h2>`,
      `<ul style="margin: 0; padding-left: 1.25rem;">${lines.map((l) => `<li>${escapeHtml(l.message)} <span style="color: #56606d;">${escapeHtml(l.at)}</span></li>`).join('')}</ul>`,
    );
  }
  const { url, headers } = unsubscribe(settings, recipient, 'DIGEST');
  const { text, html } = layout(settings, recipient, { text: textParts.join('\n'), html: htmlParts.join('\n') }, t('reach.mail.whyDigest'), t('reach.mail.unsubscribeDigest'), url);
  return { to: recipient.email, subject: t('reach.mail.digestSubject', { count: items.length, date: day }), text, html, headers };
}
