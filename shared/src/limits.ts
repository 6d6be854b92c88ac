// Sizes that inputs may have; the zod schemas and the UI's counters read them from here.
export const LIMITS = {
  issueTitle: { min: 5, max: 140 },
  issueDescription: { min: 10, max: 20_000 },
  issueEvidence: { max: 2_000 },
  comment: { min: 1, max: 10_000 },
  supportNote: { max: 500 },
  search: { max: 200 },
  pageSize: { default: 20, max: 100 },
  password: { min: 10, max: 200 },
  name: { min: 1, max: 120 },
} as const;
