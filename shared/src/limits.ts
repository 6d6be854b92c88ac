// Sizes that inputs may have; the zod schemas and the UI's counters read them from here.
export const LIMITS = {
  issueTitle: { min: 5, max: 140 },
  issueDescription: { min: 10, max: 20_000 },
  issueEvidence: { max: 2_000 },
  comment: { min: 1, max: 10_000 },
  supportNote: { max: 500 },
  search: { max: 200 },
  pageSize: { default: 20, max: 100 },
  password: { min: 12, max: 200 },
  name: { min: 1, max: 120 },
  departmentName: { min: 2, max: 120 },
  referralQuestion: { min: 5, max: 5_000 },
  referralAnswer: { min: 2, max: 10_000 },
} as const;

export const PROPOSAL_LIMITS = {
  title: { min: 5, max: 140 },
  policyText: { min: 1, max: 20_000 },
  rationale: { min: 10, max: 10_000 },
  expectedImpact: { max: 5_000 },
  voteReason: { max: 1_000 },
  decisionRationale: { min: 10, max: 10_000 },
  decisionConditions: { max: 5_000 },
  rolloutNote: { max: 1_000 },
  /** A region's outcome report: optional figures, e.g. complaints a week before and after. */
  outcomeNote: { max: 2_000 },
  /** Days after implementation when the regions are asked about the outcome. */
  outcomeDelayDays: { min: 1, max: 365 },
  /** The longest a vote may stay open. */
  votingDays: { max: 60 },
} as const;

export const MEETING_LIMITS = {
  title: { min: 3, max: 140 },
  duration: { min: 15, max: 480 },
  itemTitle: { min: 2, max: 200 },
  itemMinutes: { min: 1, max: 240 },
  notes: { max: 20_000 },
  actionTitle: { min: 2, max: 300 },
} as const;

/** Dates people enter (meetings, due dates, effective dates) lie within this many years of today. */
export const DATE_LIMITS = { years: 5 } as const;
