// GraphQL documents of the meetings feature: the list, one meeting with its agenda, candidates,
// changes since publication, current item and action items; the people who can own an action;
// and the mutations that plan, publish, run and close a meeting.
import { graphql, type ResultOf } from '../../graphql';

/**
 * The typenames a meeting's page depends on: an empty list of action items carries no
 * `ActionItem`, yet adding the first one must refresh the page.
 */
export const MEETING_CONTEXT = { additionalTypenames: ['Meeting', 'AgendaItem', 'ActionItem'] };

export const AgendaItemFields = graphql(`
  fragment AgendaItemFields on AgendaItem {
    id
    position
    kind
    title
    minutes
    reason
    reasonKey
    scheduled
    done
    notes
    outcome
    startedAt
    subject {
      __typename
      id
      ... on Issue {
        title
      }
      ... on Proposal {
        title
        status
      }
      ... on Meeting {
        title
      }
    }
  }
`);
export type AgendaItemData = ResultOf<typeof AgendaItemFields>;

export const ActionItemFields = graphql(`
  fragment ActionItemFields on ActionItem {
    id
    title
    dueOn
    status
    agendaItemTitle
    createdAt
    viewerCanSetStatus
    owner {
      id
      name
      region {
        id
        name
      }
    }
  }
`);
export type ActionItemData = ResultOf<typeof ActionItemFields>;

export const MeetingSummaryFields = graphql(`
  fragment MeetingSummaryFields on Meeting {
    id
    title
    startsAt
    durationMinutes
    status
    agendaGeneratedAt
    agendaPublishedAt
    plannedMinutes
    viewerCanManage
    viewerCanReadAgenda
    facilitator {
      id
      name
    }
  }
`);
export type MeetingSummary = ResultOf<typeof MeetingSummaryFields>;

export const MeetingListQuery = graphql(
  `
    query MeetingList {
      upcoming: meetings(upcoming: true) {
        ...MeetingSummaryFields
      }
      past: meetings(upcoming: false) {
        ...MeetingSummaryFields
      }
    }
  `,
  [MeetingSummaryFields],
);

export const MeetingDetailFields = graphql(
  `
    fragment MeetingDetailFields on Meeting {
      id
      title
      startsAt
      durationMinutes
      status
      agendaGeneratedAt
      agendaPublishedAt
      plannedMinutes
      startedAt
      closedAt
      timeZone
      viewerCanManage
      viewerCanReadAgenda
      viewerCanReopen
      viewerCanEditMinutes
      viewerCanCancel
      attendees {
        id
        name
      }
      facilitator {
        id
        name
        region {
          id
          name
        }
      }
      previousMeeting {
        id
        title
      }
      agenda {
        ...AgendaItemFields
      }
      unscheduled {
        ...AgendaItemFields
      }
      changesSincePublication {
        kind
        title
        detail
      }
      currentItem {
        id
      }
      actionItems {
        ...ActionItemFields
      }
    }
  `,
  [AgendaItemFields, ActionItemFields],
);
export type MeetingDetail = ResultOf<typeof MeetingDetailFields>;

export const MeetingPageQuery = graphql(
  `
    query MeetingPage($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Meeting {
          ...MeetingDetailFields
        }
      }
    }
  `,
  [MeetingDetailFields],
);

/**
 * The meeting page's meeting, pushed after every change (the current item, the agenda, notes,
 * action items): the same shape as MeetingPageQuery's node, so the page shows whichever came last.
 */
export const MeetingChangedSubscription = graphql(
  `
    subscription MeetingChanged($id: ID!) {
      meetingChanged(id: $id) {
        __typename
        id
        ...MeetingDetailFields
      }
    }
  `,
  [MeetingDetailFields],
);

/** Everyone who can own an action item. */
export const PeopleQuery = graphql(`
  query People {
    people {
      id
      name
      region {
        id
        name
      }
    }
  }
`);
export type Person = ResultOf<typeof PeopleQuery>['people'][number];

export const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
      status
    }
  }
`);

/** What every agenda-changing mutation sends back: enough for the document cache to refresh. */
const MeetingChanged = graphql(`
  fragment MeetingChanged on Meeting {
    id
    status
    plannedMinutes
    agendaGeneratedAt
    agendaPublishedAt
  }
`);

export const GenerateAgendaMutation = graphql(
  `
    mutation GenerateAgenda($meetingId: ID!) {
      generateAgenda(meetingId: $meetingId) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const PublishAgendaMutation = graphql(
  `
    mutation PublishAgenda($meetingId: ID!) {
      publishAgenda(meetingId: $meetingId) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const MoveAgendaItemMutation = graphql(
  `
    mutation MoveAgendaItem($itemId: ID!, $position: Int!) {
      moveAgendaItem(itemId: $itemId, position: $position) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const ScheduleAgendaItemMutation = graphql(
  `
    mutation ScheduleAgendaItem($itemId: ID!, $replaceItemId: ID) {
      scheduleAgendaItem(itemId: $itemId, replaceItemId: $replaceItemId) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const UnscheduleAgendaItemMutation = graphql(
  `
    mutation UnscheduleAgendaItem($itemId: ID!) {
      unscheduleAgendaItem(itemId: $itemId) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const AddAgendaItemMutation = graphql(
  `
    mutation AddAgendaItem($meetingId: ID!, $title: String!, $minutes: Int!) {
      addAgendaItem(meetingId: $meetingId, title: $title, minutes: $minutes) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const RemoveAgendaItemMutation = graphql(
  `
    mutation RemoveAgendaItem($itemId: ID!) {
      removeAgendaItem(itemId: $itemId) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const UpdateAgendaItemMutation = graphql(`
  mutation UpdateAgendaItem($itemId: ID!, $input: UpdateAgendaItemInput!) {
    updateAgendaItem(itemId: $itemId, input: $input) {
      id
      title
      minutes
      notes
      outcome
      done
    }
  }
`);

export const StartMeetingMutation = graphql(
  `
    mutation StartMeeting($meetingId: ID!) {
      startMeeting(meetingId: $meetingId) {
        ...MeetingChanged
        currentItem {
          id
        }
      }
    }
  `,
  [MeetingChanged],
);

export const SetCurrentItemMutation = graphql(
  `
    mutation SetCurrentItem($meetingId: ID!, $itemId: ID, $finishCurrent: Boolean, $fromItemId: ID) {
      setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId, finishCurrent: $finishCurrent, fromItemId: $fromItemId) {
        ...MeetingChanged
        currentItem {
          id
        }
      }
    }
  `,
  [MeetingChanged],
);

export const CloseMeetingMutation = graphql(
  `
    mutation CloseMeeting($meetingId: ID!) {
      closeMeeting(meetingId: $meetingId) {
        ...MeetingChanged
      }
    }
  `,
  [MeetingChanged],
);

export const CancelMeetingMutation = graphql(
  `
    mutation CancelMeeting($meetingId: ID!, $reason: String) {
      cancelMeeting(meetingId: $meetingId, reason: $reason) {
        ...MeetingChanged
        viewerCanCancel
        viewerCanReadAgenda
        currentItem {
          id
        }
      }
    }
  `,
  [MeetingChanged],
);

export const ReopenMeetingMutation = graphql(
  `
    mutation ReopenMeeting($meetingId: ID!) {
      reopenMeeting(meetingId: $meetingId) {
        ...MeetingChanged
        currentItem {
          id
        }
      }
    }
  `,
  [MeetingChanged],
);

export const CreateActionItemMutation = graphql(
  `
    mutation CreateActionItem($input: CreateActionItemInput!) {
      createActionItem(input: $input) {
        ...ActionItemFields
        meeting {
          id
        }
      }
    }
  `,
  [ActionItemFields],
);

export const UpdateActionItemMutation = graphql(
  `
    mutation UpdateActionItem($actionItemId: ID!, $input: UpdateActionItemInput!) {
      updateActionItem(actionItemId: $actionItemId, input: $input) {
        ...ActionItemFields
        meeting {
          id
        }
      }
    }
  `,
  [ActionItemFields],
);
