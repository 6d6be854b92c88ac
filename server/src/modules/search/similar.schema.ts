// GraphQL of duplicates (contract/beyond.graphql `similarIssues`; `possibleDuplicates` for the
// people who merge): thin, they call similar.ts.
import { builder } from '../../graphql/builder.js';
import { IssueRef } from '../issues/issues.schema.js';
import { possibleDuplicates, similarIssues, type DuplicatePair } from './similar.js';

builder.queryField('similarIssues', (t) =>
  t.field({
    type: [IssueRef],
    description: 'Open issues like the text being typed, best first, in any of the five languages.',
    args: { title: t.arg.string({ required: true }), description: t.arg.string(), first: t.arg.int() },
    resolve: (_root, args, ctx) => similarIssues(ctx.em, ctx.loaders, { title: args.title, description: args.description, first: args.first }),
  }),
);

const DuplicatePairRef = builder.objectRef<DuplicatePair>('DuplicatePair').implement({
  description: 'Two open issues that look like the same problem.',
  fields: (t) => ({
    issue: t.field({ type: IssueRef, description: 'The one to keep (more supporters; on a tie the older one).', resolve: (p) => p.issue }),
    duplicate: t.field({ type: IssueRef, description: 'The one to merge into `issue`.', resolve: (p) => p.duplicate }),
    similarity: t.float({ description: 'How alike they are, 0 to 1 (the words their titles and descriptions share).', resolve: (p) => p.similarity }),
  }),
});

builder.queryField('possibleDuplicates', (t) =>
  t.field({
    type: [DuplicatePairRef],
    authScopes: { can: 'mergeDuplicates' },
    description:
      'For the people who merge: pairs of open issues that look alike, most alike first, found among the most recently active open issues. `first`: at most this many (default 20, at most 50).',
    args: { first: t.arg.int() },
    resolve: (_root, args, ctx) => possibleDuplicates(ctx.em, ctx.loaders, args.first),
  }),
);
