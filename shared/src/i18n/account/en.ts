// Account part of the English catalog (the reference for the other languages' account part):
// the account page (profile, language, notification preferences, digest hour) and the
// notification list's grouping by subject.
export const enAccount = {
  account: {
    headerLink: 'Your account',
    title: 'Your account',
    lead: 'Who you are in Council, your language, and how you hear about what happens.',
    loading: 'Loading your account…',
    profile: {
      heading: 'Profile',
      name: 'Name',
      email: 'Email',
      region: 'Region',
      noRegion: 'No region',
      language: 'Language',
    },
    notifications: {
      heading: 'Notifications',
      lead: 'For each kind of notification, choose whether it shows in the app and whether you get an email at once, in a daily digest, or not at all.',
      kind: 'Notification',
      inApp: 'In the app',
      email: 'Email',
      status: 'Status',
      delivery: {
        IMMEDIATE: 'At once',
        DAILY_DIGEST: 'Daily digest',
        OFF: 'Off',
      },
      saving: 'Saving…',
      saved: 'Saved',
      kinds: {
        VOTING_OPENED: { name: 'Voting opened', description: 'Voting opened on a proposal you may vote on.' },
        VOTE_CLOSING_SOON: { name: 'Vote closing soon', description: 'Voting closes within 24 hours and you have not voted yet.' },
        VOTING_CLOSED: { name: 'Voting closed', description: 'Voting closed on a proposal you wrote or voted on, or whose issue you raised or support.' },
        PROPOSAL_ON_MY_ISSUE: { name: 'Proposal on your issue', description: 'A proposal was drafted for an issue you raised or support.' },
        DECISION_MADE: { name: 'Decision made', description: 'Management decided on a proposal you wrote or voted on, or whose issue you raised or support.' },
        CHANGES_REQUESTED: { name: 'Changes requested', description: 'Management asked for changes to a proposal you wrote.' },
        ROLLOUT_DUE: { name: 'Rollout due', description: 'A rollout in your region was opened or is due within 7 days.' },
        ROLLOUT_OVERDUE: { name: 'Rollout overdue', description: 'A rollout in your region is past its due date.' },
        AGENDA_PUBLISHED: { name: 'Agenda published', description: 'The agenda of a meeting you attend was published, or changed after it was published.' },
        ACTION_ITEM_ASSIGNED: { name: 'Action item assigned', description: 'An action item was assigned to you.' },
        ACTION_ITEM_DUE: { name: 'Action item due', description: 'One of your action items is due within 2 days or overdue.' },
        MENTIONED: { name: 'Mentioned', description: 'Someone @mentioned you in a comment.' },
        REPLY: { name: 'Replies', description: 'Someone commented on an issue or proposal you raised, wrote or commented on.' },
      },
      digest: {
        label: 'Daily digest at',
        hint: 'Time zone: {{zone}}. The digest collects the kinds set to “Daily digest”.',
        noRegion: 'UTC (you have no region)',
      },
      unread: 'Unread',
      subject: {
        Issue: 'Issue',
        Proposal: 'Proposal',
        Meeting: 'Meeting',
      },
    },
  },
};
