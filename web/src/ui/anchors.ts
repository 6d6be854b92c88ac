// The ids of items a link may point into (`…#comment-<id>`): one place for the format, used by the
// items themselves and by the search results that link to them.
export const commentAnchor = (commentId: string): string => `comment-${commentId}`;
export const referralAnchor = (referralId: string): string => `referral-${referralId}`;
