// Stored text keys with parameters, turned into a reader's language and time zone: notification
// messages, mails and agenda reasons are stored as key + params and rendered for each reader.
import { translator } from '@council/shared/i18n';
import type { Context } from './graphql/context.js';

/** Translates a stored key + params for a reader: dates in their language and zone, outcomes by name. */
export function localize(locale: string, key: string, params: Record<string, string | number>, timeZone = 'UTC'): string {
  const t = translator(locale);
  const values: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if ((k === 'date' || k === 'due') && typeof v === 'string' && v) values[k] = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(v));
    if (k === 'when' && typeof v === 'string' && v) values[k] = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(v));
    if (k === 'outcome' && typeof v === 'string') values[k] = t(`decisionOutcome.${v}`, { defaultValue: v });
  }
  return t(key, { ...values, count: typeof params.count === 'number' ? params.count : (params.supporters as number | undefined) });
}

/** A region's time zone; UTC for no region. */
export const zoneOfRegion = (region: { timeZone?: string | null } | null | undefined): string => region?.timeZone || 'UTC';

/** A person's time zone: the one they chose, else their region's, else UTC. */
export const zoneOfPerson = (person: { timeZone?: string | null }, region: { timeZone?: string | null } | null | undefined): string =>
  person.timeZone || zoneOfRegion(region);

/** The viewer's time zone, through the request's loaders. */
export const zoneOf = async (ctx: Context): Promise<string> => {
  if (!ctx.viewer) return 'UTC';
  if (ctx.viewer.timeZone) return ctx.viewer.timeZone;
  return ctx.viewer.region ? zoneOfRegion(await ctx.loaders.region.load(ctx.viewer.region.id)) : 'UTC';
};
