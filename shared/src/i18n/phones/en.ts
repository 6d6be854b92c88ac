// Phones and register part of the English catalog (the reference for the other languages' part):
// the compact header's menu, the feed's collapsed filters, and approved policy changes rolling out.
export const enPhones = {
  phones: {
    menu: {
      open: 'Menu',
    },
    vote: {
      jump: 'Vote now',
    },
    filters: {
      toggle: 'Filters',
      active_one: '{{formatted}} active',
      active_other: '{{formatted}} active',
    },
  },
  policyChanges: {
    heading: 'Approved, rolling out',
    lead: 'Approved changes are listed here at once; each becomes the current version when every region has rolled it out.',
    rollingOut: 'Approved, rolling out ({{done}} of {{total}} regions)',
    approved: 'Approved, rollout not started',
    newPolicy: 'New policy',
    changeOf: 'Changes: {{title}}',
    pendingForPolicy: 'A change is approved:',
    proposal: 'Proposal:',
  },
};
