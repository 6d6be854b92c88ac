// GraphQL documents of the home page: every section of `Query.home` (null where the viewer's
// roles have none), and the one-click actions taken from it: a vote, "my region too", opening
// an update (which marks it read).
import { graphql, type ResultOf } from '../../graphql';
import { PolicyToConfirmEntry, RegionBehindEntry } from '../policies/documents';
import { OutcomeToReportEntry } from '../proposals/outcomes';
import { HomeReferralEntry } from '../departments/documents';

const ProposalEntry = graphql(`
  fragment HomeProposalEntry on Proposal {
    id
    title
    status
    votingClosesAt
    votingClosedAt
    submittedAt
    updatedAt
    viewerActions
    author {
      id
      name
    }
    issue {
      id
      title
    }
  }
`);

const RolloutEntry = graphql(`
  fragment HomeRolloutEntry on Rollout {
    status
    dueOn
    overdue
    region {
      id
      code
      name
    }
    proposal {
      id
      title
    }
  }
`);

export const HomeQuery = graphql(
  `
    query Home {
      home {
        decisionQueue {
          ...HomeProposalEntry
        }
        rollingOut {
          ...HomeProposalEntry
          rollouts {
            status
            overdue
            region {
              id
              code
              name
            }
          }
        }
        nextMeeting {
          agendaState
          meeting {
            id
            title
            startsAt
          }
        }
        awaitingSubmission {
          ...HomeProposalEntry
        }
        policiesToConfirm {
          ...PolicyToConfirmEntry
        }
        outcomesToReport {
          ...OutcomeToReportEntry
        }
        regionsBehind {
          ...RegionBehindEntry
        }
        overdueRollouts {
          ...HomeRolloutEntry
        }
        referralsToAnswer {
          ...HomeReferralEntry
        }
        overdueReferrals {
          ...HomeReferralEntry
        }
        votesToCast {
          ...HomeProposalEntry
        }
        myRegionRollouts {
          ...HomeRolloutEntry
        }
        myActionItems {
          id
          title
          dueOn
          meeting {
            id
            title
          }
        }
        updates {
          id
          kind
          message
          read
          createdAt
          subject {
            __typename
            id
          }
        }
        unmarkedIssues {
          totalCount
          nodes {
            id
            title
            status
            viewerCanSupport
            viewerRegionAffected
            originRegion {
              id
              name
            }
          }
        }
        summary {
          openVoteCount
          openIssueCount
          implementingCount
          nextMeeting {
            id
            title
            startsAt
          }
        }
      }
    }
  `,
  [ProposalEntry, RolloutEntry, PolicyToConfirmEntry, RegionBehindEntry, OutcomeToReportEntry, HomeReferralEntry],
);

export type HomeData = ResultOf<typeof HomeQuery>['home'];
export type HomeProposal = ResultOf<typeof ProposalEntry>;
export type HomeRollout = ResultOf<typeof RolloutEntry>;
export type HomeRollingOut = NonNullable<HomeData['rollingOut']>[number];
export type HomeActionItem = HomeData['myActionItems'][number];
export type HomeUpdate = HomeData['updates'][number];
export type HomeIssue = NonNullable<HomeData['unmarkedIssues']>['nodes'][number];
export type HomeNextMeeting = NonNullable<HomeData['nextMeeting']>;
export type HomeSummary = HomeData['summary'];

export const HomeCastVoteMutation = graphql(`
  mutation HomeCastVote($proposalId: ID!, $choice: VoteChoice!) {
    castVote(proposalId: $proposalId, choice: $choice) {
      id
      status
      viewerVote {
        choice
        castAt
      }
    }
  }
`);

export const HomeSupportIssueMutation = graphql(`
  mutation HomeSupportIssue($issueId: ID!) {
    supportIssue(issueId: $issueId) {
      id
      supportCount
      regionCount
      viewerHasSupported
      viewerRegionAffected
      viewerCanSupport
    }
  }
`);

export const HomeMarkReadMutation = graphql(`
  mutation HomeMarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
