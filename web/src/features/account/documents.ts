// GraphQL documents of the account page: who the viewer is (name, email, region and its time
// zone, their own time zone, where they are signed in), their notification preferences per kind
// and digest hour, and saving those.
import { graphql, type ResultOf } from '../../graphql';

export const AccountQuery = graphql(`
  query Account {
    viewer {
      id
      name
      email
      locale
      region {
        id
        name
        timeZone
      }
      timeZone
      chosenTimeZone
      sessions {
        id
        createdAt
        userAgent
        current
      }
      digestHour
      notificationPreferences {
        kind
        inApp
        email
      }
    }
  }
`);
export type AccountData = NonNullable<ResultOf<typeof AccountQuery>['viewer']>;
export type PreferenceData = AccountData['notificationPreferences'][number];
export type SessionData = AccountData['sessions'][number];

/** The person's own name and time zone (an empty zone follows their region's again). */
export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($name: String, $timeZone: String) {
    updateProfile(name: $name, timeZone: $timeZone) {
      id
      name
      timeZone
      chosenTimeZone
    }
  }
`);

/** Ends every other session of the person; answers how many ended. */
export const SignOutElsewhereMutation = graphql(`
  mutation SignOutElsewhere {
    signOutElsewhere
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($kind: NotificationKind!, $email: Delivery!, $inApp: Boolean) {
    setNotificationPreference(kind: $kind, email: $email, inApp: $inApp) {
      kind
      inApp
      email
    }
  }
`);

export const SetDigestHourMutation = graphql(`
  mutation SetDigestHour($hour: Int!) {
    setDigestHour(hour: $hour) {
      id
      digestHour
    }
  }
`);

/** Accepting an invitation, resetting a password: both sign in (the session cookie) and answer as that person. */
export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      id
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      id
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
