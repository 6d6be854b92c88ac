// One-click unsubscribe (RFC 8058): every mail's List-Unsubscribe link is signed for its person and
// what it is about (a kind, or the daily digest), so it works without signing in and for nothing
// else. Mail clients POST to it ("List-Unsubscribe=One-Click"); a person who opens the link gets
// a page with a button, since a GET must not change anything (link scanners open every link).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NOTIFICATION_KINDS, isLocale, type NotificationKind } from '@council/shared';
import { translator } from '@council/shared/i18n';
import type { Orm } from '../../db/orm.js';
import { User } from '../people/people.entity.js';
import { validUnsubscribe, type MailSettings } from './mail.settings.js';
import { setNotificationPreference } from './notifications.service.js';
import { preferencesOf } from './preferences.js';

const DIGEST = 'DIGEST';
type Target = NotificationKind | typeof DIGEST;

interface Query {
  u?: string;
  k?: string;
  s?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(reply: FastifyReply, status: number, locale: string, title: string, body: string): FastifyReply {
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Council</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#1d2530;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid #1f5fbf;background:#1f5fbf;color:#fff;cursor:pointer}a{color:#1f5fbf}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
}

export async function registerUnsubscribe(app: FastifyInstance, orm: Orm, mail: MailSettings): Promise<void> {
  /** The person and target the link was signed for, or null. */
  async function resolve(query: Query): Promise<{ user: User; target: Target } | null> {
    const { u, k, s } = query;
    if (!u || !k || !s || !(k === DIGEST || (NOTIFICATION_KINDS as readonly string[]).includes(k))) return null;
    if (!validUnsubscribe(mail.secret, u, k, s)) return null;
    const user = await orm.em.fork().findOne(User, u);
    return user ? { user, target: k as Target } : null;
  }

  const invalid = (req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.headers['accept-language']?.slice(0, 2) ?? 'en';
    const t = translator(isLocale(locale) ? locale : 'en');
    return page(reply, 400, locale, t('reach.unsubscribe.invalidTitle'), `<p>${escapeHtml(t('reach.unsubscribe.invalid'))}</p>`);
  };

  const what = (locale: string, target: Target) => {
    const t = translator(locale);
    return target === DIGEST ? t('reach.unsubscribe.digest') : t('reach.unsubscribe.kind', { kind: t(`account.notifications.kinds.${target}.name`) });
  };

  await app.register(async (scope) => {
    // Mail clients post a form body (RFC 8058); its content is not needed: the link says it all.
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4_096 }, (_req, body, done) => done(null, body));

    scope.get<{ Querystring: Query }>('/unsubscribe', async (req, reply) => {
      const found = await resolve(req.query);
      if (!found) return invalid(req, reply);
      const { user, target } = found;
      const t = translator(user.locale);
      const action = `/unsubscribe?${new URLSearchParams(req.query as Record<string, string>)}`;
      return page(
        reply,
        200,
        user.locale,
        t('reach.unsubscribe.title'),
        `<p>${escapeHtml(t('reach.unsubscribe.confirm', { what: what(user.locale, target), email: user.email }))}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t('reach.unsubscribe.button'))}</button></form>`,
      );
    });

    scope.post<{ Querystring: Query }>('/unsubscribe', async (req, reply) => {
      const found = await resolve(req.query);
      if (!found) return invalid(req, reply);
      const { user, target } = found;
      const em = orm.em.fork();
      const kinds: NotificationKind[] =
        target === DIGEST ? (await preferencesOf(em, user.id)).filter((p) => p.email === 'DAILY_DIGEST').map((p) => p.kind) : [target];
      for (const kind of kinds) await setNotificationPreference(em, user, { kind, email: 'OFF' });
      const t = translator(user.locale);
      return page(
        reply,
        200,
        user.locale,
        t('reach.unsubscribe.doneTitle'),
        `<p>${escapeHtml(t('reach.unsubscribe.done', { what: what(user.locale, target) }))}</p><p><a href="${escapeHtml(`${mail.publicUrl}/account`)}">${escapeHtml(t('reach.mail.settings'))}</a></p>`,
      );
    });
  });
}
