// The case brief's Markdown download, GET /export/proposals/:id/brief.md: for signed-in people who
// may read it (proposalPolicy 'readBrief'), in their language and time zone.
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import type { Orm } from '../../db/orm.js';
import { localeFor } from '../../graphql/context.js';
import { idOf } from '../../graphql/ids.js';
import { zoneOfPerson } from '../../localize.js';
import { SESSION_COOKIE } from '../people/auth.service.js';
import { Region, type User } from '../people/people.entity.js';
import { briefMarkdown } from './brief.format.js';
import { caseBriefOf } from './brief.query.js';
import { Proposal } from './proposals.entity.js';
import { proposalPolicy } from './proposals.policy.js';

/** GET /export/proposals/:id/brief.md, for signed-in people who may read the brief. */
export function registerBriefExport(app: FastifyInstance, orm: Orm, services: AppServices): void {
  app.get<{ Params: { id: string } }>('/export/proposals/:id/brief.md', async (req, reply) => {
    const em = orm.em.fork();
    const viewer = await services.auth.viewerFor(em, req.cookies[SESSION_COOKIE]);
    if (!viewer) return reply.status(401).send({ error: 'UNAUTHENTICATED' });
    let id = '';
    try {
      id = idOf(req.params.id, 'Proposal');
    } catch {
      // not a proposal id
    }
    const proposal = id ? await em.findOne(Proposal, id) : null;
    if (!proposal) return reply.status(404).send({ error: 'NOT_FOUND' });
    const user = viewer.user as User;
    const refusal = proposalPolicy.refusal(user, 'readBrief', proposal);
    if (refusal) return reply.status(403).send({ error: refusal.code });
    const brief = (await caseBriefOf(em, id))!;
    const locale = localeFor(user, req);
    const region = user.region ? await em.findOne(Region, user.region.id) : null;
    const slug = brief.proposal.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '') || 'proposal';
    return reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${slug}-brief.md"`)
      .send(briefMarkdown(brief, locale, zoneOfPerson(user, region)));
  });
}
