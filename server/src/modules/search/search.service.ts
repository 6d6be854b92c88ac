// Full-text search over issues, proposals, comments, the policy register and the questions put to
// departments with their answers: the query validated,
// the index asked for the best documents, their subjects loaded through the request's loaders (a
// fixed number of statements whatever `first` is), and a snippet with highlights built from each
// subject's stored text.
import { LIMITS, searchQuerySchema } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { InvalidInput } from '../../errors.js';
import type { Loaders } from '../../graphql/loaders.js';
import { parseInput } from '../../validation.js';
import type { Comment, Issue } from '../issues/issues.entity.js';
import type { Policy } from '../policies/policies.entity.js';
import type { Proposal } from '../proposals/proposals.entity.js';
import type { Referral } from '../departments/departments.entity.js';
import { searchDocuments, type SearchRow } from './search.query.js';
import { searchTerms, snippet, type SearchTerms, type TextRange } from './search.text.js';

export interface SearchHit {
  subject: Issue | Proposal | Comment | Policy | Referral;
  /** For a comment: the issue or proposal it is on; for a referral: its issue. */
  parent?: Issue | Proposal | null;
  title: string;
  snippet: string;
  highlights: TextRange[];
}

export interface SearchInput {
  query: string;
  first?: number | null;
}

/** The best matches of what someone typed, best first: at most `first` (default 20, at most 100). */
export async function search(em: Em, loaders: Loaders, input: SearchInput): Promise<SearchHit[]> {
  const first = input.first ?? LIMITS.pageSize.default;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSize.max) throw new InvalidInput({ first: 'validation.first.range' });
  const { query } = parseInput(searchQuerySchema, { query: input.query });
  const terms = searchTerms(query);
  const rows = await searchDocuments(em, terms, first);
  const hits = await Promise.all(rows.map((row) => hitOf(loaders, row, terms)));
  return hits.filter((hit): hit is SearchHit => hit != null);
}

/** A document's subject with its title and snippet; null when it went away since the search. */
async function hitOf(loaders: Loaders, row: SearchRow, terms: SearchTerms): Promise<SearchHit | null> {
  const hit = (subject: SearchHit['subject'], title: string, text: string): SearchHit => ({ subject, title, ...snippet(text, terms) });
  switch (row.kind) {
    case 'Issue': {
      const issue = await loaders.issue.load(row.subjectId);
      return issue && hit(issue, issue.title, issue.description);
    }
    case 'Proposal': {
      const proposal = await loaders.proposal.load(row.subjectId);
      if (!proposal) return null;
      return hit(proposal, proposal.title, [proposal.currentPolicy, proposal.proposedPolicy, proposal.rationale, proposal.expectedImpact ?? ''].join('\n'));
    }
    case 'Comment': {
      // A comment is found under the title of what it comments on.
      const comment = await loaders.comment.load(row.subjectId);
      if (!comment) return null;
      const on = comment.issue ? await loaders.issue.load(comment.issue.id) : comment.proposal ? await loaders.proposal.load(comment.proposal.id) : null;
      return { ...hit(comment, on?.title ?? '', comment.body), parent: on };
    }
    case 'Referral': {
      // A question to a department (and its answer) is found under the title of its issue.
      const referral = await loaders.referral.load(row.subjectId);
      if (!referral) return null;
      const issue = await loaders.issue.load(referral.issue.id);
      return { ...hit(referral, issue?.title ?? '', [referral.question, referral.answer ?? ''].join('\n')), parent: issue };
    }
    case 'Policy': {
      const policy = await loaders.policy.load(row.subjectId);
      if (!policy) return null;
      const current = (await loaders.versionsByPolicy.load(policy.id)).find((v) => v.version === policy.currentVersion);
      return hit(policy, policy.title, current?.text ?? '');
    }
    default:
      return null;
  }
}
