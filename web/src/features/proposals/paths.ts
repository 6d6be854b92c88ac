// Addresses of the proposals feature's pages.
export function proposalHref(id: string): string {
  return `/proposals/${encodeURIComponent(id)}`;
}

export function reviseHref(id: string): string {
  return `${proposalHref(id)}/revise`;
}

export function decideHref(id: string): string {
  return `${proposalHref(id)}/decide`;
}

/** The printable case brief (outside the app's frame). */
export function briefHref(id: string): string {
  return `${proposalHref(id)}/brief`;
}

export function draftHref(issueId: string): string {
  return `/issues/${encodeURIComponent(issueId)}/propose`;
}
