// Daily digests, run by the scheduled-work runner: for each person with notifications waiting for
// a digest, once their local digest hour has come, one mail with all of them, grouped by subject,
// in their language — at most one a day (their last digest's local date is claimed with a guarded
// UPDATE first), and none when nothing waits.
import type { Em } from '../../db/orm.js';
import { zoneOfPerson } from '../../localize.js';
import { User } from '../people/people.entity.js';
import { renderDigestMail } from './mail.render.js';
import { mailSettingsOf } from './mail.settings.js';
import { Notification, OutboxMail } from './notifications.entity.js';
import { preferencesOf } from './preferences.js';

/** Anything waiting longer than this goes out at the next run, whatever the hour (the server was down at the digest hour). */
const CATCH_UP_MS = 26 * 3_600_000;

/** The person's local date (YYYY-MM-DD) and hour now. */
export function localClock(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** Sends the digests that are due; returns how many were written to the outbox. */
export async function sendDigests(em: Em, now = new Date()): Promise<number> {
  const mail = mailSettingsOf(em);
  if (!mail?.enabled) return 0;
  const waiting = (await em
    .fork()
    .getConnection()
    .execute(`select user_id as "user", min(created_at) as "oldest" from notification where digest = 'PENDING' group by user_id`)) as { user: string; oldest: string | number | Date }[];
  if (waiting.length === 0) return 0;
  const people = await em.fork().find(User, { id: { $in: waiting.map((w) => w.user) }, active: true }, { populate: ['region'] });
  const oldest = new Map(waiting.map((w) => [w.user, new Date(w.oldest)]));
  let sent = 0;
  for (const person of people) {
    const clock = localClock(now, zoneOfPerson(person, person.region));
    const late = now.getTime() - oldest.get(person.id)!.getTime() > CATCH_UP_MS;
    if (person.lastDigestOn === clock.date || (clock.hour !== person.digestHour && !late)) continue;
    await em.fork().transactional(async (tx) => {
      // Today's digest is this transaction's, or another's that got here first.
      const claimed = await tx.nativeUpdate(User, { id: person.id, $or: [{ lastDigestOn: null }, { lastDigestOn: { $ne: clock.date } }] }, { lastDigestOn: clock.date });
      if (claimed !== 1) return;
      const items = await tx.find(Notification, { user: person.id, digest: 'PENDING' }, { orderBy: { createdAt: 'desc', id: 'desc' } });
      // What the person has since taken out of the digest stays out.
      const digestKinds = new Set((await preferencesOf(tx, person.id)).filter((p) => p.email === 'DAILY_DIGEST').map((p) => p.kind));
      const included = items.filter((i) => digestKinds.has(i.kind));
      await tx.nativeUpdate(Notification, { id: { $in: items.map((i) => i.id) }, digest: 'PENDING' }, { digest: 'SENT' });
      if (included.length === 0) return;
      const recipient = { id: person.id, name: person.name, email: person.email, locale: person.locale, timeZone: zoneOfPerson(person, person.region) };
      const rendered = renderDigestMail(mail, recipient, included, now);
      tx.create(OutboxMail, { ...rendered, user: person.id, kind: null, attempts: 0, nextAttemptAt: now, createdAt: now });
      sent += 1;
    });
  }
  return sent;
}
