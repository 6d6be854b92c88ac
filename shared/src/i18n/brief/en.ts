// Case-brief part of the English catalog (the reference for the other languages' part): the
// one-page brief of a proposal for management (page, Markdown export) and the executives' mail
// when a proposal is submitted.
export const enBrief = {
  brief: {
    kind: 'Case brief',
    documentTitle: 'Case brief: {{title}}',
    meta: 'Proposal by {{author}}, version {{version}}',
    submitted: 'submitted {{date}}',
    status: 'Status: {{status}}',
    sections: {
      problem: 'The problem',
      regions: 'Regions affected',
      vote: 'The vote',
      discussion: 'Key discussion points',
      referrals: 'Answers from other departments',
      change: 'The change',
      impact: 'Expected impact',
    },
    problem: {
      raisedBy: 'Raised by {{name}} in {{region}} on {{date}}.',
      evidence: 'Evidence',
    },
    regions: {
      summary: '{{count}} of {{total}} regions',
      origin: 'raised here',
      supporters_one: '{{count}} supporter',
      supporters_other: '{{count}} supporters',
      note: '“{{note}}” — {{author}}',
      detail: '({{detail}})',
    },
    vote: {
      counts: 'For {{for}} · Against {{against}} · Abstain {{abstain}}',
      quorumReached: 'Quorum reached: {{voted}} of {{total}} regions voted ({{quorum}} needed).',
      quorumMissed: 'Quorum not reached: {{voted}} of {{total}} regions voted ({{quorum}} needed).',
      threshold: '{{share}} of the votes for or against are for (more than {{threshold}} needed).',
      passing: 'The proposal passes.',
      failing: 'The proposal does not pass.',
      reasons: 'Reasons given',
      noReasons: 'No voter gave a reason.',
      choice: '{{choice}}:',
      reasonLine: '“{{reason}}” — {{voter}}, {{region}}',
      moreReasons_one: '… and {{count}} more reason on the proposal’s page.',
      moreReasons_other: '… and {{count}} more reasons on the proposal’s page.',
    },
    discussion: {
      selection: 'The latest comment from each region, most recent first (at most {{max}}).',
      onIssue: 'on the issue',
      onProposal: 'on the proposal',
      none: 'Nobody has commented yet.',
    },
    referrals: {
      none: 'No other department has answered a question on this issue.',
      questionLine: 'Question: {{question}}',
      answerLine: 'Answer: {{answer}}',
      by: '({{who}})',
      answeredBy: '{{name}}, {{date}}',
    },
    change: {
      current: 'Current policy',
      proposed: 'Proposed policy',
      rationale: 'Rationale',
    },
    impact: {
      none: 'The proposal does not state its expected impact.',
    },
    page: {
      open: 'Case brief',
      back: 'Back to the proposal',
      backToDecision: 'Back to the decision',
      print: 'Print',
      download: 'Download Markdown',
      loading: 'Loading the case brief…',
    },
    message: {
      submitted: '“{{title}}” was submitted to management for your decision.',
    },
    mail: {
      summary: 'The case in brief',
      problem: 'Problem',
      regions: 'Regions affected',
      vote: 'Vote',
      impact: 'Expected impact',
      decide: 'Decide',
      brief: 'Read and print the case brief',
    },
  },
};
