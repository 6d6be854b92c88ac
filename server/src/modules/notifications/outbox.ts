// Sends the outbox, run by the scheduled-work runner. Each mail is claimed first (a guarded UPDATE
// that only one instance can win, and that expires should its sender die mid-way), sent over SMTP,
// then marked sent; a failure is retried with growing back-off, a permanent refusal (5xx) or too
// many failures gives up and keeps the reason. A process that dies between the SMTP server's "OK"
// and the mark sends that mail again once the claim expires: delivery is at least once, and the
// stable Message-ID lets mail systems drop the copy.
import type { Transporter } from 'nodemailer';
import type { Em } from '../../db/orm.js';
import type { MailSettings } from './mail.settings.js';
import { OutboxMail } from './notifications.entity.js';

export const MAX_ATTEMPTS = 8;
/** How long a claim lasts: longer than any SMTP exchange. */
const CLAIM_MS = 2 * 60_000;
const BATCH = 25;

/** Back-off after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export const retryDelay = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);

export async function createMailTransport(settings: MailSettings): Promise<Transporter> {
  // Loaded when mail is on: a server without SMTP never loads nodemailer (a shorter start).
  const { createTransport } = await import('nodemailer');
  return createTransport(settings.smtpUrl!);
}

/** Sends what is due; returns how many mails were sent. */
export async function sendOutbox(em: Em, transport: Transporter, settings: MailSettings, now = new Date()): Promise<number> {
  const due = await em.fork().find(
    OutboxMail,
    { sentAt: null, failedAt: null, nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
    { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' }, limit: BATCH },
  );
  let sent = 0;
  for (const { id } of due) {
    const fork = em.fork();
    const claimed = await fork.nativeUpdate(
      OutboxMail,
      { id, sentAt: null, failedAt: null, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    );
    if (claimed !== 1) continue; // another instance has it
    const mail = await fork.findOneOrFail(OutboxMail, id);
    const attempts = mail.attempts + 1;
    try {
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: `<${mail.id}@council.mail>`,
      });
      await fork.nativeUpdate(OutboxMail, { id }, { sentAt: new Date(), attempts, claimedUntil: null, lastError: null });
      sent += 1;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const permanent = typeof code === 'number' && code >= 500;
      const reason = String((error as Error).message ?? error).slice(0, 500);
      await fork.nativeUpdate(
        OutboxMail,
        { id },
        permanent || attempts >= MAX_ATTEMPTS
          ? { attempts, claimedUntil: null, failedAt: new Date(), lastError: reason }
          : { attempts, claimedUntil: null, nextAttemptAt: new Date(now.getTime() + retryDelay(attempts)), lastError: reason },
      );
    }
  }
  return sent;
}
