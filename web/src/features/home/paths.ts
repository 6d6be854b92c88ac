// Addresses of the home page and of the list pages its sections lead on to.
export const HOME_HREF = '/';
export const ISSUES_HREF = '/issues';
export const PROPOSALS_HREF = '/proposals';
export const ROLLOUTS_HREF = '/rollouts';
export const NOTIFICATIONS_HREF = '/notifications';
