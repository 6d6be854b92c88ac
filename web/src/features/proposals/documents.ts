// GraphQL documents of the proposals feature: the list, one proposal with its tally, votes,
// decisions, rollouts, history and comments, the draft / revise form, the lifecycle
// mutations, the executives' decision queue and case, and the rollout board.
import { graphql, type ResultOf } from '../../graphql';
import { OutcomeViewFields } from './outcomes';
import { CommentPageFields } from '../issues/documents';

export const TallyFields = graphql(`
  fragment TallyFields on VoteTally {
    for
    against
    abstain
    eligibleVoters
    regionsVoted
    totalRegions
    quorumReached
    passing
    forShare
    quorum
    threshold
    byRegion {
      region {
        id
        code
        name
      }
      for
      against
      abstain
    }
  }
`);
export type TallyData = ResultOf<typeof TallyFields>;

export const DecisionFields = graphql(`
  fragment DecisionFields on Decision {
    outcome
    rationale
    conditions
    effectiveFrom
    decidedAt
    decidedBy {
      id
      name
    }
  }
`);
export type DecisionData = ResultOf<typeof DecisionFields>;

export const RolloutFields = graphql(`
  fragment RolloutFields on Rollout {
    region {
      id
      code
      name
    }
    status
    note
    dueOn
    overdue
    updatedAt
    updatedBy {
      id
      name
    }
    viewerCanUpdate
  }
`);
export type RolloutData = ResultOf<typeof RolloutFields>;

export const ProposalSummaryFields = graphql(
  `
    fragment ProposalSummaryFields on Proposal {
      id
      title
      status
      requiresApproval
      createdAt
      updatedAt
      votingClosesAt
      votingClosedAt
      submittedAt
      author {
        id
        name
      }
      issue {
        id
        title
      }
      tally {
        for
        against
        abstain
        regionsVoted
        totalRegions
        passing
      }
      viewerNeedsToVote
      viewerVote {
        choice
      }
    }
  `,
);
export type ProposalSummary = ResultOf<typeof ProposalSummaryFields>;

/** One event of a proposal's history, as the timeline shows it; `cursor` pages back from it. */
export const HistoryEventFields = graphql(`
  fragment HistoryEventFields on AuditEvent {
    action
    at
    cursor
    fromStatus
    toStatus
    note
    actor {
      id
      name
    }
  }
`);

export const ProposalDetailFields = graphql(
  `
    fragment ProposalDetailFields on Proposal {
      id
      title
      status
      version
      requiresApproval
      currentPolicy
      proposedPolicy
      rationale
      expectedImpact
      createdAt
      updatedAt
      votingOpenedAt
      votingClosesAt
      votingClosedAt
      submittedAt
      viewerActions
      viewerIsAuthor
      canComment: viewerCan(action: comment) {
        allowed
        reason
      }
      canDecide: viewerCan(action: decide) {
        allowed
        reason
      }
      canReadBrief: viewerCanReadBrief {
        allowed
      }
      author {
        id
        name
        region {
          id
          name
        }
      }
      issue {
        id
        title
        status
      }
      tally {
        ...TallyFields
      }
      votes {
        choice
        reason
        castAt
        voter {
          id
          name
        }
        region {
          id
          name
        }
      }
      viewerVote {
        choice
        reason
        castAt
      }
      decision {
        ...DecisionFields
      }
      decisions {
        ...DecisionFields
      }
      rollouts {
        ...RolloutFields
      }
      history {
        ...HistoryEventFields
      }
      historyCount
      ...OutcomeViewFields
    }
  `,
  [TallyFields, DecisionFields, RolloutFields, HistoryEventFields, OutcomeViewFields],
);
export type ProposalDetail = ResultOf<typeof ProposalDetailFields>;

/** Events before `after` (the cursor of the oldest event shown), for the timeline's "show earlier". */
export const ProposalEarlierHistoryQuery = graphql(
  `
    query ProposalEarlierHistory($id: ID!, $after: String!) {
      node(id: $id) {
        __typename
        id
        ... on Proposal {
          history(after: $after) {
            ...HistoryEventFields
          }
        }
      }
    }
  `,
  [HistoryEventFields],
);

export const ProposalPageQuery = graphql(
  `
    query ProposalPage($id: ID!, $commentsFirst: Int!) {
      node(id: $id) {
        __typename
        id
        ... on Proposal {
          ...ProposalDetailFields
          comments(first: $commentsFirst) {
            ...CommentPageFields
          }
        }
      }
    }
  `,
  [ProposalDetailFields, CommentPageFields],
);

/**
 * The proposal page's proposal, pushed after every change (a vote, its status, a rollout, a
 * comment): the same shape as ProposalPageQuery's node, so the page shows whichever came last.
 */
export const ProposalChangedSubscription = graphql(
  `
    subscription ProposalChanged($id: ID!, $commentsFirst: Int!) {
      proposalChanged(id: $id) {
        __typename
        id
        ...ProposalDetailFields
        comments(first: $commentsFirst) {
          ...CommentPageFields
        }
      }
    }
  `,
  [ProposalDetailFields, CommentPageFields],
);

export const ProposalListQuery = graphql(
  `
    query ProposalList($status: [ProposalStatus!]) {
      proposals(status: $status) {
        ...ProposalSummaryFields
      }
    }
  `,
  [ProposalSummaryFields],
);

/** The issue a new proposal is drafted for, and the register entries it may change. */
export const DraftFormQuery = graphql(`
  query DraftForm($issueId: ID!) {
    node(id: $issueId) {
      __typename
      id
      ... on Issue {
        title
        status
        description
        canDraftProposal: viewerCan(action: draftProposal) {
          allowed
          reason
        }
      }
    }
    policies {
      id
      title
      currentVersion
      current {
        text
      }
    }
  }
`);

export const ReviseFormQuery = graphql(`
  query ReviseForm($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Proposal {
        title
        status
        version
        currentPolicy
        proposedPolicy
        rationale
        expectedImpact
        requiresApproval
        canRevise: viewerCan(action: revise) {
          allowed
          reason
        }
        issue {
          id
          title
        }
        decision {
          outcome
          rationale
          conditions
          decidedBy {
            id
            name
          }
        }
      }
    }
  }
`);

export const DraftProposalMutation = graphql(`
  mutation DraftProposal($input: DraftProposalInput!) {
    draftProposal(input: $input) {
      id
      status
    }
  }
`);

export const ReviseProposalMutation = graphql(`
  mutation ReviseProposal($input: ReviseProposalInput!) {
    reviseProposal(input: $input) {
      id
      status
      version
    }
  }
`);

export const OpenVotingMutation = graphql(`
  mutation OpenVoting($proposalId: ID!, $closesAt: DateTime!) {
    openVoting(proposalId: $proposalId, closesAt: $closesAt) {
      id
      status
    }
  }
`);

export const CastVoteMutation = graphql(`
  mutation CastVote($proposalId: ID!, $choice: VoteChoice!, $reason: String) {
    castVote(proposalId: $proposalId, choice: $choice, reason: $reason) {
      id
      status
      viewerVote {
        choice
        reason
        castAt
      }
    }
  }
`);

export const CloseVotingMutation = graphql(`
  mutation CloseVoting($proposalId: ID!) {
    closeVoting(proposalId: $proposalId) {
      id
      status
    }
  }
`);

export const SubmitToManagementMutation = graphql(`
  mutation SubmitToManagement($proposalId: ID!) {
    submitToManagement(proposalId: $proposalId) {
      id
      status
    }
  }
`);

export const WithdrawProposalMutation = graphql(`
  mutation WithdrawProposal($proposalId: ID!) {
    withdrawProposal(proposalId: $proposalId) {
      id
      status
    }
  }
`);

export const DecideMutation = graphql(`
  mutation Decide($input: DecideInput!) {
    decide(input: $input) {
      id
      status
    }
  }
`);

export const UpdateRolloutMutation = graphql(
  `
    mutation UpdateRollout($proposalId: ID!, $regionId: ID!, $status: RolloutStatus!, $note: String) {
      updateRollout(proposalId: $proposalId, regionId: $regionId, status: $status, note: $note) {
        id
        status
        rollouts {
          ...RolloutFields
        }
      }
    }
  `,
  [RolloutFields],
);

export const DecisionQueueQuery = graphql(
  `
    query DecisionQueue {
      decisionQueue {
        ...ProposalSummaryFields
        viewerActions
        tally {
          forShare
          quorumReached
        }
      }
    }
  `,
  [ProposalSummaryFields],
);

/** Only the size of the queue, for the badge in the header. */
export const DecisionQueueCountQuery = graphql(`
  query DecisionQueueCount {
    decisionQueue {
      id
    }
  }
`);

/**
 * The whole case for a decision on one screen: the issue, the tally, the texts. (The issue's
 * discussion comes with its own query: together they would be deeper than the API allows.)
 */
export const DecideCaseQuery = graphql(
  `
    query DecideCase($id: ID!) {
      totalRegions
      node(id: $id) {
        __typename
        id
        ... on Proposal {
          ...ProposalDetailFields
          issue {
            id
            title
            status
            description
            evidence
            createdAt
            supportCount
            regionCount
            commentCount
            raisedBy {
              id
              name
            }
            originRegion {
              id
              name
            }
            affectedRegions {
              id
              code
              name
            }
          }
        }
      }
    }
  `,
  [ProposalDetailFields],
);

export const RolloutBoardQuery = graphql(
  `
    query RolloutBoard {
      regions {
        id
        code
        name
      }
      proposals(status: [IMPLEMENTING, IMPLEMENTED]) {
        id
        title
        status
        updatedAt
        issue {
          id
          title
        }
        rollouts {
          ...RolloutFields
        }
      }
    }
  `,
  [RolloutFields],
);
