// GraphQL documents of the issues feature: the feed (with triage from its rows), one issue with
// its supports, comments and proposals, raising, supporting, commenting (on issues and proposals)
// and merging.
import { graphql, type ResultOf } from '../../graphql';
import { OutcomeViewFields } from '../proposals/outcomes';
import { IssueReferralsFields } from '../departments/documents';

export const PAGE_SIZE = 20;
export const COMMENT_PAGE_SIZE = 20;

export const IssueSummaryFields = graphql(`
  fragment IssueSummaryFields on Issue {
    id
    title
    status
    category {
      id
      name
    }
    originRegion {
      id
      name
    }
    supportCount
    regionCount
    commentCount
    lastActivityAt
    createdAt
  }
`);
export type IssueSummary = ResultOf<typeof IssueSummaryFields>;

/** A feed row: the summary and what it is to the viewer's region (triage from the list). */
export const IssueRowFields = graphql(
  `
    fragment IssueRowFields on Issue {
      ...IssueSummaryFields
      viewerRegionAffected
      viewerCanSupport
    }
  `,
  [IssueSummaryFields],
);
export type IssueRowData = ResultOf<typeof IssueRowFields>;

export const FeedFiltersQuery = graphql(`
  query FeedFilters {
    regions {
      id
      code
      name
    }
    categories {
      id
      name
    }
  }
`);

export const IssueFeedQuery = graphql(
  `
    query IssueFeed($first: Int!, $after: String, $filter: IssueFilter, $orderBy: IssueOrder) {
      totalRegions
      issues(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...IssueRowFields
          }
        }
      }
    }
  `,
  [IssueRowFields],
);

export const CommentFields = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    editedAt
    viewerCanEdit
    author {
      id
      name
      region {
        id
        name
      }
    }
  }
`);
export type CommentData = ResultOf<typeof CommentFields>;

export const CommentPageFields = graphql(
  `
    fragment CommentPageFields on CommentConnection {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...CommentFields
        }
      }
    }
  `,
  [CommentFields],
);

export const IssueDetailFields = graphql(`
  fragment IssueDetailFields on Issue {
    id
    title
    description
    evidence
    status
    createdAt
    lastActivityAt
    category {
      id
      name
    }
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
    supportCount
    regionCount
    commentCount
    viewerHasSupported
    viewerCanMerge
    viewerCanUnmerge
    canSupport: viewerCan(action: support) {
      allowed
      reason
    }
    canWithdrawSupport: viewerCan(action: withdrawSupport) {
      allowed
    }
    canComment: viewerCan(action: comment) {
      allowed
      reason
    }
    canDraftProposal: viewerCan(action: draftProposal) {
      allowed
    }
    supports {
      note
      createdAt
      user {
        id
        name
      }
      region {
        id
        name
      }
    }
    mergedNotes {
      note
      createdAt
      fromIssueTitle
      user {
        id
        name
      }
      region {
        id
        name
      }
    }
    mergedInto {
      id
      title
      status
    }
  }
`);
export type IssueDetail = ResultOf<typeof IssueDetailFields>;

export const IssuePageQuery = graphql(
  `
    query IssuePage($id: ID!, $commentsFirst: Int!) {
      totalRegions
      node(id: $id) {
        __typename
        id
        ... on Issue {
          ...IssueDetailFields
          ...IssueReferralsFields
          proposals {
            id
            title
            status
            createdAt
            votingClosesAt
            viewerNeedsToVote
            viewerVote {
              choice
            }
            author {
              id
              name
            }
            ...OutcomeViewFields
          }
          comments(first: $commentsFirst) {
            ...CommentPageFields
          }
        }
      }
    }
  `,
  [IssueDetailFields, CommentPageFields, OutcomeViewFields, IssueReferralsFields],
);

/** A further page of the discussion on an issue or a proposal (both have the same comments). */
export const SubjectCommentsQuery = graphql(
  `
    query SubjectComments($id: ID!, $first: Int!, $after: String) {
      node(id: $id) {
        __typename
        id
        ... on Issue {
          comments(first: $first, after: $after) {
            ...CommentPageFields
          }
        }
        ... on Proposal {
          comments(first: $first, after: $after) {
            ...CommentPageFields
          }
        }
      }
    }
  `,
  [CommentPageFields],
);

export const RaiseIssueFormQuery = graphql(`
  query RaiseIssueForm {
    categories {
      id
      name
    }
  }
`);

export const RaiseIssueMutation = graphql(
  `
    mutation RaiseIssue($input: RaiseIssueInput!) {
      raiseIssue(input: $input) {
        ...IssueSummaryFields
      }
    }
  `,
  [IssueSummaryFields],
);

export const SupportIssueMutation = graphql(
  `
    mutation SupportIssue($issueId: ID!, $note: String) {
      supportIssue(issueId: $issueId, note: $note) {
        ...IssueDetailFields
      }
    }
  `,
  [IssueDetailFields],
);

/** "My region too" from a feed row: the same mutation, answering with what the row shows. */
export const SupportFromFeedMutation = graphql(
  `
    mutation SupportFromFeed($issueId: ID!) {
      supportIssue(issueId: $issueId) {
        ...IssueRowFields
      }
    }
  `,
  [IssueRowFields],
);

export const WithdrawSupportMutation = graphql(
  `
    mutation WithdrawSupport($issueId: ID!) {
      withdrawSupport(issueId: $issueId) {
        ...IssueDetailFields
      }
    }
  `,
  [IssueDetailFields],
);

export const AddCommentMutation = graphql(
  `
    mutation AddComment($subjectId: ID!, $body: String!) {
      addComment(subjectId: $subjectId, body: $body) {
        ...CommentFields
      }
    }
  `,
  [CommentFields],
);

export const EditCommentMutation = graphql(
  `
    mutation EditComment($commentId: ID!, $body: String!) {
      editComment(commentId: $commentId, body: $body) {
        ...CommentFields
      }
    }
  `,
  [CommentFields],
);

export const MergeCandidatesQuery = graphql(`
  query MergeCandidates($search: String, $status: [IssueStatus!]) {
    issues(first: 8, filter: { search: $search, status: $status }, orderBy: RECENT_ACTIVITY) {
      totalCount
      edges {
        node {
          id
          title
          status
          supportCount
          originRegion {
            id
            name
          }
        }
      }
    }
  }
`);

export const MergeIssueMutation = graphql(
  `
    mutation MergeIssue($issueId: ID!, $intoIssueId: ID!) {
      mergeIssue(issueId: $issueId, intoIssueId: $intoIssueId) {
        ...IssueDetailFields
      }
    }
  `,
  [IssueDetailFields],
);

/** Open issues like the one being raised (title and description as typed so far). */
export const SimilarIssuesQuery = graphql(`
  query SimilarIssues($title: String!, $description: String) {
    similarIssues(title: $title, description: $description, first: 5) {
      id
      title
      status
      supportCount
      viewerRegionAffected
      affectedRegions {
        id
        name
      }
      canSupport: viewerCan(action: support) {
        allowed
        reason
      }
    }
  }
`);

/** "This is our problem too" from the raise form: supports the issue, with an optional note. */
export const SupportSimilarMutation = graphql(`
  mutation SupportSimilar($issueId: ID!, $note: String) {
    supportIssue(issueId: $issueId, note: $note) {
      id
      title
      supportCount
      regionCount
      viewerHasSupported
    }
  }
`);

/** For the people who merge: pairs of open issues that look alike. */
export const PossibleDuplicatesQuery = graphql(`
  query PossibleDuplicates {
    possibleDuplicates(first: 30) {
      similarity
      issue {
        id
        title
        status
        supportCount
        originRegion {
          id
          name
        }
      }
      duplicate {
        id
        title
        status
        supportCount
        viewerCanMerge
        originRegion {
          id
          name
        }
      }
    }
  }
`);

export const MergePairMutation = graphql(`
  mutation MergePair($issueId: ID!, $intoIssueId: ID!) {
    mergeIssue(issueId: $issueId, intoIssueId: $intoIssueId) {
      id
      status
      viewerCanUnmerge
      mergedInto {
        id
        title
        supportCount
      }
    }
  }
`);

export const UnmergeIssueMutation = graphql(
  `
    mutation UnmergeIssue($issueId: ID!) {
      unmergeIssue(issueId: $issueId) {
        ...IssueDetailFields
      }
    }
  `,
  [IssueDetailFields],
);
