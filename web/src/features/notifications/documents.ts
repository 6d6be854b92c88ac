// GraphQL documents of notifications: the unread count for the header's bell, the latest
// messages (already in the viewer's language) with their subject, and marking them read.
import { graphql, type ResultOf } from '../../graphql';

/** Queries of notifications are refetched after any mutation that names the Notification type. */
export const NOTIFICATIONS_CONTEXT = { additionalTypenames: ['Notification'] };

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
        ... on Policy {
          title
        }
      }
    }
  }
`);
export type NotificationData = ResultOf<typeof NotificationsQuery>['notifications'][number];

/** Marks the given notifications read, or all of the viewer's when `ids` is left out. */
export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
