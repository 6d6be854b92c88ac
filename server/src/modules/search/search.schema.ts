// GraphQL of full-text search (contract/search.graphql): Query.search and its hits; thin, it calls
// the service.
import { builder } from '../../graphql/builder.js';
import { search, type SearchHit } from './search.service.js';
import type { TextRange } from './search.text.js';

const TextRangeRef = builder.objectRef<TextRange>('TextRange').implement({
  description: 'A range of characters in a text, start inclusive, end exclusive (UTF-16 code units, as JavaScript counts).',
  fields: (t) => ({
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
  }),
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  fields: (t) => ({
    subject: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The issue, proposal, comment, policy or referral (a question to a department, with its answer) found.',
      resolve: (h) => h.subject as never,
    }),
    parent: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'For a comment: the issue or proposal it is on (where to read it); for a referral: its issue; null for the others.',
      resolve: (h) => (h.parent ?? null) as never,
    }),
    title: t.exposeString('title', { description: 'Its title; for a comment or a referral, the title of the issue or proposal it is on.' }),
    snippet: t.exposeString('snippet', { description: 'Plain text around the match (never HTML).' }),
    highlights: t.field({
      type: [TextRangeRef],
      description: "Where the query's words stand in snippet, as character offsets.",
      resolve: (h) => h.highlights,
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Issues, proposals, comments, policies and referrals (questions to departments with their answers) matching the words of `query`, best first (titles weigh more). Case and diacritics do not matter ("hoan tien" finds "hoàn tiền"); the last word may be the start of a word. `first`: at most this many (default 20, at most 100).',
    args: { query: t.arg.string({ required: true }), first: t.arg.int() },
    resolve: (_root, args, ctx) => search(ctx.em, ctx.loaders, { query: args.query, first: args.first }),
  }),
);
