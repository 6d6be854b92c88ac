// GraphQL documents of departments and referrals on the web: an issue's questions to other
// departments (asked, answered, closed), the departments one can ask, and the home's lists.
import { graphql, type ResultOf } from '../../graphql';

/** One referral as the issue page shows it, with what the viewer may do with it. */
export const ReferralFields = graphql(`
  fragment ReferralFields on Referral {
    id
    question
    answer
    status
    dueOn
    overdue
    createdAt
    answeredAt
    closedAt
    department {
      id
      name
    }
    referredBy {
      id
      name
    }
    answeredBy {
      id
      name
    }
    closedBy {
      id
      name
    }
    canAnswer: viewerCan(action: answer) {
      allowed
      reason
    }
    canClose: viewerCan(action: close) {
      allowed
      reason
    }
  }
`);
export type ReferralData = ResultOf<typeof ReferralFields>;

/** What the issue page asks about an issue's referrals. */
export const IssueReferralsFields = graphql(
  `
    fragment IssueReferralsFields on Issue {
      id
      referrals {
        ...ReferralFields
      }
      viewerCanRefer {
        allowed
        reason
      }
      viewerIsReferredContact
    }
  `,
  [ReferralFields],
);
export type IssueReferralsData = ResultOf<typeof IssueReferralsFields>;

/** The departments one can ask (read when the form opens). */
export const ReferDepartmentsQuery = graphql(`
  query ReferDepartments {
    departments {
      id
      name
    }
  }
`);

export const ReferIssueMutation = graphql(
  `
    mutation ReferIssue($input: ReferIssueInput!) {
      referIssue(input: $input) {
        ...ReferralFields
        issue {
          id
          lastActivityAt
          referrals {
            id
          }
        }
      }
    }
  `,
  [ReferralFields],
);

export const AnswerReferralMutation = graphql(
  `
    mutation AnswerReferral($referralId: ID!, $answer: String!) {
      answerReferral(referralId: $referralId, answer: $answer) {
        ...ReferralFields
      }
    }
  `,
  [ReferralFields],
);

export const CloseReferralMutation = graphql(
  `
    mutation CloseReferral($referralId: ID!) {
      closeReferral(referralId: $referralId) {
        ...ReferralFields
      }
    }
  `,
  [ReferralFields],
);

/** A referral as a home list shows it: the issue it is about, the department, the question, when it is due. */
export const HomeReferralEntry = graphql(`
  fragment HomeReferralEntry on Referral {
    id
    question
    status
    dueOn
    overdue
    createdAt
    issue {
      id
      title
    }
    department {
      id
      name
    }
    referredBy {
      id
      name
    }
  }
`);
export type HomeReferral = ResultOf<typeof HomeReferralEntry>;
