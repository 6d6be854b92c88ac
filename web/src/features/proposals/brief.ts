// GraphQL documents of the case brief: the one page management reads before deciding (the
// printable page, BriefPage.tsx), with the proposal it is about.
import { graphql, type ResultOf } from '../../graphql';

export const CaseBriefQuery = graphql(`
  query CaseBrief($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Proposal {
        title
        status
        version
        submittedAt
        currentPolicy
        proposedPolicy
        rationale
        expectedImpact
        viewerActions
        author {
          id
          name
        }
        canReadBrief: viewerCanReadBrief {
          allowed
          reason
        }
        brief {
          problem {
            id
            title
            description
            evidence
            createdAt
            raisedBy {
              id
              name
            }
            originRegion {
              id
              name
            }
          }
          regions {
            region {
              id
              name
            }
            origin
            supporters
            evidence {
              author
              note
            }
          }
          totalRegions
          tally {
            for
            against
            abstain
            regionsVoted
            totalRegions
            quorumReached
            passing
            forShare
            quorum
            threshold
          }
          reasons {
            choice
            reason
            voter
            castAt
            region {
              id
              name
            }
          }
          reasonCount
          discussion {
            author
            on
            excerpt
            createdAt
            region {
              id
              name
            }
          }
          discussionLimit
          referrals {
            department
            question
            answer
            answeredBy
            answeredAt
          }
          markdownUrl
        }
      }
    }
  }
`);

export type CaseBriefData = NonNullable<Extract<NonNullable<ResultOf<typeof CaseBriefQuery>['node']>, { __typename: 'Proposal' }>['brief']>;

export const BRIEF_CONTEXT = { additionalTypenames: ['Proposal', 'Issue', 'Comment'] };
