// Addresses of the account feature.
export const ACCOUNT_HREF = '/account';
