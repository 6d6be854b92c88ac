// GraphQL documents of the policy register: every policy with its versions, each linked to the
// proposal and the decision behind it.
import { graphql, type ResultOf } from '../../graphql';

export const PolicyRegisterQuery = graphql(`
  query PolicyRegister {
    policyChangesRollingOut {
      id
      title
      status
      policy {
        id
        title
      }
      rollouts {
        status
      }
    }
    policies {
      id
      title
      currentVersion
      updatedAt
      category {
        id
        name
      }
      current {
        version
        text
        effectiveFrom
      }
      versions {
        version
        text
        previousText
        effectiveFrom
        createdAt
        proposal {
          id
          title
        }
        decision {
          outcome
          decidedAt
          decidedBy {
            id
            name
          }
        }
      }
    }
  }
`);
export type PolicyData = ResultOf<typeof PolicyRegisterQuery>['policies'][number];
export type PolicyChangeData = ResultOf<typeof PolicyRegisterQuery>['policyChangesRollingOut'][number];
