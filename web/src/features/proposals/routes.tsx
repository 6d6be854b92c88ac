// Routes of the proposals feature (drafting from an issue, the list, one proposal, revising,
// the executives' queue and decision, the rollout board), mounted inside the signed-in layout,
// and the printable case brief outside it.
import type { RouteObject } from 'react-router-dom';

export const proposalRoutes: RouteObject[] = [
  { path: 'issues/:id/propose', lazy: async () => ({ Component: (await import('./ProposalFormPages')).DraftProposalPage }) },
  { path: 'proposals', lazy: async () => ({ Component: (await import('./ProposalsPage')).ProposalsPage }) },
  { path: 'proposals/:id', lazy: async () => ({ Component: (await import('./ProposalPage')).ProposalPage }) },
  { path: 'proposals/:id/revise', lazy: async () => ({ Component: (await import('./ProposalFormPages')).ReviseProposalPage }) },
  { path: 'proposals/:id/decide', lazy: async () => ({ Component: (await import('./DecidePage')).DecidePage }) },
  { path: 'decisions', lazy: async () => ({ Component: (await import('./DecisionQueuePage')).DecisionQueuePage }) },
  { path: 'rollouts', lazy: async () => ({ Component: (await import('./RolloutBoardPage')).RolloutBoardPage }) },
];

/** The printable case brief: signed in, but without the app's frame (nothing but the page on paper). */
export const proposalPrintRoutes: RouteObject[] = [
  { path: 'proposals/:id/brief', lazy: async () => ({ Component: (await import('./BriefPage')).BriefPage }) },
];
