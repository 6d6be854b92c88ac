// The demo's proposals: one story per lifecycle state, each driven through the real services
// with timestamps in the past, so tallies, decisions, rollouts, the register and history are real.
export type DemoVote = [email: string, choice: 'FOR' | 'AGAINST' | 'ABSTAIN', reason?: string];

export interface DemoProposal {
  issueKey: string;
  author: string;
  title: string;
  currentPolicy: string;
  proposedPolicy: string;
  rationale: string;
  expectedImpact?: string;
  requiresApproval: boolean;
  draftedDaysAgo: number;
  /** Voting: opened this many days ago, closing after `votingDays`. */
  voting?: { openedDaysAgo: number; votingDays: number; votes: DemoVote[]; close?: boolean };
  submit?: boolean;
  decision?: { outcome: 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED'; rationale: string; conditions?: string; daysAgo: number };
  /** Region code → rollout status, for approved (or self-authorised) changes. */
  rollouts?: Record<string, 'IN_PROGRESS' | 'DONE'>;
  /** Regions whose rollout was due some days ago and is not done. */
  overdue?: { regions: string[]; dueDaysAgo: number };
  withdrawDaysAgo?: number;
  comments?: { by: string; body: string; daysAgo: number }[];
}

const c = (n: number) => `coordinator${n}@council.test`;
const EVERYONE_FOR: DemoVote[] = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [c(n), 'FOR']);
const ALL_REGIONS = ['NORD', 'DACH', 'IBER', 'UKI', 'BNLX', 'SEA', 'NAE', 'LATAM'];

export const demoProposals: DemoProposal[] = [
  {
    issueKey: 'macros-not-localised',
    author: c(6),
    title: 'Every macro ships in all five languages',
    currentPolicy: 'Macros are written in English by the central team. Regions translate them locally if they find the time.',
    proposedPolicy:
      'A macro is published only when it exists in English, German, Danish, Spanish and Vietnamese.\n\nEach region names one reviewer who checks new macros in their language within **3 working days**.',
    rationale: 'Agents rewrite English macros on the fly, which costs time and produces inconsistent answers.',
    expectedImpact: 'About 4 minutes saved per non-English contact that uses a macro.',
    requiresApproval: false,
    draftedDaysAgo: 70,
    voting: { openedDaysAgo: 65, votingDays: 7, votes: EVERYONE_FOR.slice(0, 7), close: true },
    rollouts: Object.fromEntries(ALL_REGIONS.map((r) => [r, 'DONE'])),
  },
  {
    issueKey: 'refunds-delayed-finance-batch',
    author: c(2),
    title: 'Refunds are paid out daily, not in a weekly batch',
    currentPolicy: 'Finance pays approved refunds in one batch every Thursday.',
    proposedPolicy: 'Finance pays approved refunds every working day. A refund approved by customer service before 14:00 leaves the same day.',
    rationale: 'Customers wait up to 9 days for a refund and call us several times in between; the batch has no reason left since the new payment platform.',
    expectedImpact: 'Roughly 1,100 fewer "where is my refund" contacts a month across regions.',
    requiresApproval: true,
    draftedDaysAgo: 60,
    voting: { openedDaysAgo: 55, votingDays: 7, votes: [...EVERYONE_FOR.slice(0, 6), [c(7), 'ABSTAIN', 'North America already pays daily.']], close: true },
    submit: true,
    decision: { outcome: 'APPROVED', rationale: 'Finance confirmed the platform supports daily runs at no extra cost.', daysAgo: 44 },
    rollouts: Object.fromEntries(ALL_REGIONS.map((r) => [r, 'DONE'])),
  },
  {
    issueKey: 'returns-window-holiday-gifts',
    author: c(1),
    title: 'Extended return window for holiday purchases',
    currentPolicy: 'Returns are accepted within 30 days of delivery.',
    proposedPolicy:
      'Returns are accepted within 30 days of delivery.\n\nPurchases delivered between **1 November and 24 December** may be returned until **31 January** of the following year. Web orders include a gift receipt on request.',
    rationale: 'Gift recipients are refused returns in January, and every region improvises its own exceptions.',
    expectedImpact: 'Fewer goodwill exceptions; one clear answer for agents in every region.',
    requiresApproval: true,
    draftedDaysAgo: 30,
    voting: {
      openedDaysAgo: 27,
      votingDays: 7,
      votes: [
        [c(1), 'FOR'],
        [c(2), 'FOR', 'We already do this informally.'],
        [c(3), 'FOR', 'Must cover 6 January for Iberia.'],
        [c(4), 'FOR'],
        [c(5), 'FOR'],
        [c(6), 'ABSTAIN'],
        [c(7), 'AGAINST', 'Worried about revenue recognition in Q4.'],
      ],
      close: true,
    },
    submit: true,
    decision: { outcome: 'APPROVED', rationale: 'Consistency for customers outweighs the small revenue shift; finance agreed on the accounting.', conditions: 'Review return rates after the first season.', daysAgo: 14 },
    rollouts: { NORD: 'DONE', DACH: 'DONE', IBER: 'DONE', UKI: 'IN_PROGRESS', BNLX: 'IN_PROGRESS' },
    overdue: { regions: ['BNLX', 'UKI'], dueDaysAgo: 3 },
    comments: [{ by: c(4), body: 'UK & Ireland: the store tills need an update first; IT promised it for next week.', daysAgo: 5 }],
  },
  {
    issueKey: 'duplicate-charges-payment-provider',
    author: c(3),
    title: 'Automatic refund of duplicate charges within 24 hours',
    currentPolicy: 'Agents open a ticket with the payment team, who investigate each duplicate charge (5–10 days).',
    proposedPolicy: 'When the payment provider reports a timeout and two identical captures exist, the second is refunded automatically within 24 hours and the customer is told by email.',
    rationale: 'Duplicates follow a known provider fault; investigating each by hand wastes everyone\'s time.',
    requiresApproval: true,
    draftedDaysAgo: 20,
    voting: { openedDaysAgo: 16, votingDays: 7, votes: [...EVERYONE_FOR.slice(0, 5), [c(6), 'FOR'], [c(8), 'AGAINST', 'Fraud checks must come first.']], close: true },
    submit: true,
    comments: [{ by: 'facilitator@council.test', body: 'Submitted to management; the payment team has seen the figures.', daysAgo: 8 }],
  },
  {
    issueKey: 'damaged-parcel-claim-form',
    author: c(5),
    title: 'Damaged parcels: photo upload instead of the claim form',
    currentPolicy: 'Customers fill in the carrier\'s 4-page claim form and post it back.',
    proposedPolicy: 'Customers upload two photos in the help centre; agents file the carrier claim for them.',
    rationale: 'Half the customers give up on the paper form and call us instead.',
    requiresApproval: true,
    draftedDaysAgo: 15,
    voting: { openedDaysAgo: 12, votingDays: 5, votes: [[c(5), 'FOR'], [c(1), 'FOR'], [c(2), 'FOR'], [c(4), 'FOR'], [c(8), 'AGAINST']], close: true },
  },
  {
    issueKey: 'price-match-rules-differ',
    author: c(7),
    title: 'One price-match rule for all regions',
    currentPolicy: 'Each region decides which competitors it matches and for how long after purchase.',
    proposedPolicy: 'We match the price of the five named national retailers per region, within 14 days of purchase, for identical items in stock.',
    rationale: 'Customers compare regions online and accuse us of unfair treatment.',
    requiresApproval: true,
    draftedDaysAgo: 6,
    voting: { openedDaysAgo: 2, votingDays: 5, votes: [[c(7), 'FOR'], [c(2), 'FOR', 'Fine if the list is per region.'], [c(3), 'AGAINST', 'Iberian competitors change too often.']] },
    comments: [{ by: c(3), body: 'Could the list of retailers be reviewed quarterly?', daysAgo: 1 }],
  },
  {
    issueKey: 'seasonal-staff-onboarding',
    author: 'facilitator@council.test',
    title: 'Two-week buddy scheme for seasonal agents',
    currentPolicy: 'Seasonal agents get one day of classroom training.',
    proposedPolicy: 'Every seasonal agent is paired with an experienced agent for their first two weeks and handles only chat in week one.',
    rationale: 'Seasonal agents\' first-contact resolution is 20 points below average in their first month.',
    requiresApproval: false,
    draftedDaysAgo: 3,
  },
  {
    issueKey: 'b2b-invoices-wrong-vat',
    author: c(2),
    title: 'Business customers can correct VAT details themselves',
    currentPolicy: 'Invoice corrections go through a form to the billing department.',
    proposedPolicy: 'Business customers edit their VAT number in their account; new invoices are issued automatically.',
    rationale: 'Most corrections are typos in VAT numbers.',
    requiresApproval: true,
    draftedDaysAgo: 40,
    voting: { openedDaysAgo: 36, votingDays: 6, votes: EVERYONE_FOR.slice(1, 7), close: true },
    submit: true,
    decision: { outcome: 'CHANGES_REQUESTED', rationale: 'Legal requires a check of the VAT number against the EU register before a new invoice is issued. Please add that step.', daysAgo: 25 },
  },
  {
    issueKey: 'web-vs-store-price',
    author: c(4),
    title: 'Stores always honour the web price',
    currentPolicy: 'Stores charge the shelf price; web prices may differ.',
    proposedPolicy: 'Stores charge the lower of the shelf price and the web price shown on the customer\'s phone.',
    rationale: 'Customers feel cheated when the web is cheaper than the shelf.',
    requiresApproval: true,
    draftedDaysAgo: 50,
    voting: { openedDaysAgo: 47, votingDays: 7, votes: [[c(4), 'FOR'], [c(5), 'FOR'], [c(6), 'FOR'], [c(1), 'AGAINST'], [c(7), 'FOR']], close: true },
    submit: true,
    decision: { outcome: 'REJECTED', rationale: 'Store margins cannot absorb web-only campaigns; pricing will align campaigns instead.', daysAgo: 35 },
  },
  {
    issueKey: 'parcel-locker-size-limits',
    author: c(1),
    title: 'Offer parcel lockers only for parcels that fit',
    currentPolicy: 'Checkout offers lockers for every order.',
    proposedPolicy: 'Checkout offers lockers only when the order\'s dimensions fit the locker network\'s largest box.',
    rationale: 'Oversized parcels bounce back to the depot.',
    requiresApproval: false,
    draftedDaysAgo: 45,
    voting: { openedDaysAgo: 42, votingDays: 7, votes: [[c(1), 'FOR'], [c(5), 'FOR']], close: true },
  },
  {
    issueKey: 'weekend-chat-backlog',
    author: c(8),
    title: 'Close chat on Sunday nights',
    currentPolicy: 'Chat is open 8:00–22:00 every day.',
    proposedPolicy: 'Chat closes at 18:00 on Sundays; messages after that are answered first thing Monday.',
    rationale: 'The Sunday evening backlog overwhelms the Monday team.',
    requiresApproval: true,
    draftedDaysAgo: 25,
    voting: { openedDaysAgo: 22, votingDays: 10, votes: [[c(8), 'FOR'], [c(2), 'AGAINST', 'Sunday evening is our busiest hour.']] },
    withdrawDaysAgo: 18,
    comments: [{ by: c(8), body: 'Withdrawing: we will try a weekend rota first and come back with figures.', daysAgo: 18 }],
  },
];
