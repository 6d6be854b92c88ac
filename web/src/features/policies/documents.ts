// GraphQL documents of the policy register: every policy with its versions, each linked to the
// proposal and the decision behind it, and who has confirmed reading the current version (per
// region); the confirmation itself, and the home's entries (policies to confirm, regions behind).
import { graphql, type ResultOf } from '../../graphql';
import { OutcomeViewFields } from '../proposals/outcomes';

export const PolicyRegisterQuery = graphql(
  `
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
          proposal {
            ...OutcomeViewFields
          }
        }
        viewerHasAcknowledged
        viewerCanAcknowledge
        viewerMustAcknowledge
        acknowledgementsByRegion {
          acknowledged
          total
          region {
            id
            name
          }
          acknowledgedBy {
            id
            name
          }
          missing {
            id
            name
          }
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
  `,
  [OutcomeViewFields],
);
export type PolicyData = ResultOf<typeof PolicyRegisterQuery>['policies'][number];
export type PolicyChangeData = ResultOf<typeof PolicyRegisterQuery>['policyChangesRollingOut'][number];
export type PolicyRegionAcknowledgements = PolicyData['acknowledgementsByRegion'][number];

export const AcknowledgePolicyMutation = graphql(`
  mutation AcknowledgePolicy($policyId: ID!, $version: Int!) {
    acknowledgePolicy(policyId: $policyId, version: $version) {
      id
      currentVersion
      viewerHasAcknowledged
      viewerMustAcknowledge
      acknowledgementsByRegion {
        acknowledged
        total
        region {
          id
          name
        }
        acknowledgedBy {
          id
          name
        }
        missing {
          id
          name
        }
      }
    }
  }
`);

/** A policy on a coordinator's home: its current version and the text it replaced, for "what changed". */
export const PolicyToConfirmEntry = graphql(`
  fragment PolicyToConfirmEntry on Policy {
    id
    title
    currentVersion
    current {
      version
      text
      previousText
      effectiveFrom
      createdAt
    }
  }
`);
export type PolicyToConfirm = ResultOf<typeof PolicyToConfirmEntry>;

/** A region behind on confirmations, on a facilitator's home. */
export const RegionBehindEntry = graphql(`
  fragment RegionBehindEntry on RegionBehindOnPolicies {
    missing
    people
    policies
    region {
      id
      name
    }
  }
`);
export type RegionBehind = ResultOf<typeof RegionBehindEntry>;
