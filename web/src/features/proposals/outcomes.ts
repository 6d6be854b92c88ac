// GraphQL documents of outcomes checked: a proposal's outcome by region (shown on the issue, the
// proposal and the register), the home's entries of outcomes to report, and the report itself.
import { graphql, type ResultOf } from '../../graphql';

export const OutcomeViewFields = graphql(`
  fragment OutcomeViewFields on Proposal {
    id
    status
    outcomeDueOn
    outcomeReopenedIssue
    outcomeReports {
      id
      verdict
      note
      createdAt
      region {
        id
        name
      }
      reportedBy {
        id
        name
      }
    }
  }
`);
export type OutcomeView = ResultOf<typeof OutcomeViewFields>;

/** An implemented change on a coordinator's home whose outcome their region has to report. */
export const OutcomeToReportEntry = graphql(`
  fragment OutcomeToReportEntry on Proposal {
    id
    title
    outcomeDueOn
  }
`);
export type OutcomeToReport = ResultOf<typeof OutcomeToReportEntry>;

export const ReportOutcomeMutation = graphql(
  `
    mutation ReportOutcome($proposalId: ID!, $regionId: ID!, $verdict: OutcomeVerdict!, $note: String) {
      reportOutcome(proposalId: $proposalId, regionId: $regionId, verdict: $verdict, note: $note) {
        ...OutcomeViewFields
        viewerCanReportOutcome
        viewerOutcomeReport {
          id
          verdict
        }
      }
    }
  `,
  [OutcomeViewFields],
);
