// GraphQL documents of notifications: the unread count for the header's bell, the latest
// messages (already in the viewer's language) with their subject, and marking them read.
import { graphql, type ResultOf } from '../../graphql';

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** The unread count, now and each time it changes. */
export const UnreadCountSubscription = graphql(`
  subscription UnreadNotificationCountChanged {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int!) {
    unreadNotificationCount
    notifications(first: $first) {
      id
      kind
      message
      read
      createdAt
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
      }
    }
  }
`);
export type NotificationData = ResultOf<typeof NotificationsQuery>['notifications'][number];

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead {
    markNotificationsRead
  }
`);
