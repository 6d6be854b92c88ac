// The per-request GraphQL context: a forked EntityManager, the signed-in person, dataloaders.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@council/shared';
import type { Em } from '../db/orm.js';
import type { User } from '../modules/people/people.entity.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { AppServices } from '../app.js';

export interface Context {
  em: Em;
  viewer: User | null;
  sessionId: string | null;
  locale: Locale;
  loaders: Loaders;
  req: FastifyRequest;
  reply: FastifyReply;
  services: AppServices;
}

export function createContext(services: AppServices, req: FastifyRequest, reply: FastifyReply, em: Em, viewer: User | null, sessionId: string | null): Context {
  return {
    em,
    viewer,
    sessionId,
    locale: localeFor(viewer, req),
    loaders: createLoaders(em, viewer, services.reference),
    req,
    reply,
    services,
  };
}

/** The viewer's chosen language, else the browser's. */
export function localeFor(viewer: User | null, req: FastifyRequest): Locale {
  return viewer?.locale && isLocale(viewer.locale) ? viewer.locale : acceptedLocale(req.headers['accept-language']);
}

/** The first supported language in an Accept-Language header. */
export function acceptedLocale(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().split('-')[0];
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
