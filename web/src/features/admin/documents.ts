// GraphQL documents of the admin area: people and invitations, regions, categories, the voting
// rule and agenda time boxes, and the audit log.
import { graphql, type ResultOf } from '../../graphql';

// ---------- people ----------

export const AdminPeopleQuery = graphql(`
  query AdminPeople {
    people(includeInactive: true) {
      id
      name
      email
      roles
      active
      region {
        id
        name
      }
    }
    regions {
      id
      code
      name
    }
  }
`);
export type AdminPerson = ResultOf<typeof AdminPeopleQuery>['people'][number];
export type RegionChoice = ResultOf<typeof AdminPeopleQuery>['regions'][number];

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      id
      name
      roles
      active
      region {
        id
        name
      }
    }
  }
`);

// ---------- invitations ----------

const InvitationFields = graphql(`
  fragment InvitationFields on Invitation {
    id
    email
    name
    roles
    locale
    region {
      id
      name
    }
    invitedBy {
      id
      name
    }
    expiresAt
    acceptedAt
    revokedAt
  }
`);

export const InvitationsQuery = graphql(
  `
    query Invitations {
      mailEnabled
      invitations {
        ...InvitationFields
      }
      regions {
        id
        code
        name
      }
    }
  `,
  [InvitationFields],
);
export type InvitationData = ResultOf<typeof InvitationFields>;

export const InvitePersonMutation = graphql(
  `
    mutation InvitePerson($input: InvitePersonInput!) {
      invitePerson(input: $input) {
        ...InvitationFields
        link
      }
    }
  `,
  [InvitationFields],
);

export const RevokeInvitationMutation = graphql(
  `
    mutation RevokeInvitation($invitationId: ID!) {
      revokeInvitation(invitationId: $invitationId) {
        ...InvitationFields
      }
    }
  `,
  [InvitationFields],
);

// ---------- regions and categories ----------

export const AdminRegionsQuery = graphql(`
  query AdminRegions {
    regions {
      id
      code
      name
      timeZone
    }
  }
`);
export type AdminRegion = ResultOf<typeof AdminRegionsQuery>['regions'][number];

export const CreateRegionMutation = graphql(`
  mutation CreateRegion($input: RegionInput!) {
    createRegion(input: $input) {
      id
      code
      name
      timeZone
    }
  }
`);

export const UpdateRegionMutation = graphql(`
  mutation UpdateRegion($regionId: ID!, $input: RegionInput!) {
    updateRegion(regionId: $regionId, input: $input) {
      id
      code
      name
      timeZone
    }
  }
`);

const CategoryFields = graphql(`
  fragment AdminCategoryFields on Category {
    id
    name
    translations {
      en
      de
      da
      es
      vi
    }
  }
`);

export const AdminCategoriesQuery = graphql(
  `
    query AdminCategories {
      categories {
        ...AdminCategoryFields
      }
    }
  `,
  [CategoryFields],
);
export type AdminCategory = ResultOf<typeof CategoryFields>;

export const CreateCategoryMutation = graphql(
  `
    mutation CreateCategory($input: CategoryInput!) {
      createCategory(input: $input) {
        ...AdminCategoryFields
      }
    }
  `,
  [CategoryFields],
);

export const UpdateCategoryMutation = graphql(
  `
    mutation UpdateCategory($categoryId: ID!, $input: CategoryInput!) {
      updateCategory(categoryId: $categoryId, input: $input) {
        ...AdminCategoryFields
      }
    }
  `,
  [CategoryFields],
);

// ---------- settings ----------

export const VotingRuleQuery = graphql(`
  query AdminVotingRule {
    votingRule {
      quorum
      threshold
    }
  }
`);

export const SetVotingRuleMutation = graphql(`
  mutation SetVotingRule($quorum: Float!, $threshold: Float!) {
    setVotingRule(quorum: $quorum, threshold: $threshold) {
      quorum
      threshold
    }
  }
`);

export const TimeboxesQuery = graphql(`
  query AdminTimeboxes {
    agendaTimeboxes {
      OPENING
      CARRY_OVER
      REPORT_BACK
      PROPOSAL
      ISSUE
      ROLLOUT
      OUTCOME_REVIEW
      REFERRAL
      OTHER
      CLOSING
    }
  }
`);

export const SetTimeboxesMutation = graphql(`
  mutation SetTimeboxes($input: AgendaTimeboxesInput!) {
    setAgendaTimeboxes(input: $input) {
      OPENING
      CARRY_OVER
      REPORT_BACK
      PROPOSAL
      ISSUE
      ROLLOUT
      OUTCOME_REVIEW
      REFERRAL
      OTHER
      CLOSING
    }
  }
`);

// ---------- audit log ----------

/** The filters' choices: everyone (deactivated people too, where the viewer may list them) and the actions the log holds. */
export const AuditFiltersQuery = graphql(`
  query AuditFilters($includeInactive: Boolean!) {
    people(includeInactive: $includeInactive) {
      id
      name
      active
    }
    auditActions
    regions {
      id
      code
      name
    }
    departments {
      id
      name
    }
  }
`);

export const AUDIT_PAGE_SIZE = 30;

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int!, $after: String, $actorId: ID, $action: String) {
    auditLog(first: $first, after: $after, actorId: $actorId, action: $action) {
      edges {
        cursor
        node {
          action
          at
          actor {
            id
            name
          }
          subjectType
          subject {
            __typename
            id
            ... on Issue {
              title
            }
            ... on Proposal {
              title
            }
            ... on Meeting {
              title
            }
            ... on Policy {
              title
            }
            ... on User {
              name
            }
            ... on Region {
              name
            }
            ... on Category {
              name
            }
            ... on Invitation {
              name
              email
            }
            ... on Department {
              name
            }
            ... on Referral {
              issue {
                id
                title
              }
              department {
                id
                name
              }
            }
          }
          changes {
            field
            before
            after
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
export type AuditEventData = ResultOf<typeof AuditLogQuery>['auditLog']['edges'][number]['node'];

// ---------- departments ----------

const DepartmentFields = graphql(`
  fragment AdminDepartmentFields on Department {
    id
    name
    contacts {
      id
      name
      email
    }
  }
`);
export type AdminDepartment = ResultOf<typeof DepartmentFields>;

/** The departments with their contacts, and the active people who can be chosen as contacts. */
export const AdminDepartmentsQuery = graphql(
  `
    query AdminDepartments {
      departments {
        ...AdminDepartmentFields
      }
      people {
        id
        name
        email
      }
    }
  `,
  [DepartmentFields],
);
export type ContactChoice = ResultOf<typeof AdminDepartmentsQuery>['people'][number];

export const CreateDepartmentMutation = graphql(
  `
    mutation CreateDepartment($name: String!, $contactIds: [ID!]) {
      createDepartment(name: $name, contactIds: $contactIds) {
        ...AdminDepartmentFields
      }
    }
  `,
  [DepartmentFields],
);

export const UpdateDepartmentMutation = graphql(
  `
    mutation UpdateDepartment($departmentId: ID!, $name: String, $contactIds: [ID!]) {
      updateDepartment(departmentId: $departmentId, name: $name, contactIds: $contactIds) {
        ...AdminDepartmentFields
      }
    }
  `,
  [DepartmentFields],
);

export const OutcomeDelayQuery = graphql(`
  query AdminOutcomeDelay {
    outcomeDelayDays
  }
`);

export const SetOutcomeDelayMutation = graphql(`
  mutation SetOutcomeDelay($days: Int!) {
    setOutcomeDelay(days: $days)
  }
`);
