// GraphQL documents of the auth feature: who is signed in, how one signs in, signing in and out,
// the saved language.
import { graphql, type ResultOf } from '../../graphql';

/** The signed-in person, with the installation-wide abilities that pages and navigation ask about. */
export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    name
    email
    roles
    locale
    region {
      id
      code
      name
    }
    canRaiseIssue: can(action: raiseIssue) {
      allowed
      reason
    }
    canMergeDuplicates: can(action: mergeDuplicates) {
      allowed
    }
    canScheduleMeeting: can(action: scheduleMeeting) {
      allowed
      reason
    }
    canViewDecisionQueue: can(action: viewDecisionQueue) {
      allowed
      reason
    }
    canInvitePeople: can(action: invitePeople) {
      allowed
    }
    canManagePeople: can(action: managePeople) {
      allowed
    }
    canManageReferenceData: can(action: manageReferenceData) {
      allowed
    }
    canViewAuditLog: can(action: viewAuditLog) {
      allowed
    }
    canSetVotingRule: can(action: setVotingRule) {
      allowed
    }
    canSetAgendaTimeboxes: can(action: setAgendaTimeboxes) {
      allowed
    }
    canSetOutcomeDelay: can(action: setOutcomeDelay) {
      allowed
    }
    canReadWorkspace: can(action: readWorkspace) {
      allowed
    }
    canManageDepartments: can(action: manageDepartments) {
      allowed
    }
  }
`);

export const ViewerQuery = graphql(
  `
    query Viewer {
      viewer {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

export type Viewer = ResultOf<typeof ViewerFields>;

/** Password, single sign-on, or both: answered before anyone is signed in. */
export const SignInMethodsQuery = graphql(`
  query SignInMethods {
    signInMethods {
      password
      sso
      ssoLabel
    }
  }
`);

export type SignInMethods = ResultOf<typeof SignInMethodsQuery>['signInMethods'];

export const SignInMutation = graphql(
  `
    mutation SignIn($email: String!, $password: String!) {
      signIn(email: $email, password: $password) {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const SetLocaleMutation = graphql(`
  mutation SetLocale($locale: String!) {
    setLocale(locale: $locale) {
      id
      locale
    }
  }
`);
