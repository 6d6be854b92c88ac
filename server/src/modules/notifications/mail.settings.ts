// How this installation sends mail, known to every unit of work of its ORM: `notify` writes a mail
// to the outbox only when mail is on, and renders its links from PUBLIC_URL.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Em, Orm } from '../../db/orm.js';

export interface MailSettings {
  /** SMTP_URL is set: mails are written to the outbox and sent. */
  enabled: boolean;
  smtpUrl?: string;
  from: string;
  /** Base of every link in a mail, without a trailing slash. */
  publicUrl: string;
  /** Signs unsubscribe links (the session secret). */
  secret: string;
}

// Keyed by the ORM's configuration, which every fork shares: two apps in one process (tests) keep theirs apart.
const byOrm = new WeakMap<object, MailSettings>();

export function setMailSettings(orm: Orm, settings: MailSettings): void {
  byOrm.set(orm.config, settings);
}

export function mailSettingsOf(em: Em): MailSettings | null {
  return byOrm.get(em.config) ?? null;
}

/** What an unsubscribe link may turn off: one kind's email, or the daily digest. */
export type UnsubscribeTarget = string;

const signature = (secret: string, userId: string, target: UnsubscribeTarget) =>
  createHmac('sha256', secret).update(`unsubscribe:${userId}:${target}`).digest('base64url').slice(0, 32);

export function unsubscribeUrl(settings: MailSettings, userId: string, target: UnsubscribeTarget): string {
  const query = new URLSearchParams({ u: userId, k: target, s: signature(settings.secret, userId, target) });
  return `${settings.publicUrl}/unsubscribe?${query}`;
}

export function validUnsubscribe(secret: string, userId: string, target: string, given: string): boolean {
  const expected = Buffer.from(signature(secret, userId, target));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
