// Addresses of the admin area, and which of its sections the signed-in person may open — decided
// by the server's abilities on the viewer (`can…`), never by reading roles. The header's "Admin"
// link uses this file, so it stays free of the pages' code.
import type { Viewer } from '../auth/documents';

export const ADMIN_SECTIONS = ['people', 'regions', 'categories', 'departments', 'settings', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export const ADMIN_HREF = '/admin';

export function adminHref(section: AdminSection): string {
  return `${ADMIN_HREF}/${section}`;
}

/** The audit log filtered by a person or an action ("user.rolesChanged", or a family: "user"). */
export function auditHref(filter: { actor?: string; action?: string } = {}): string {
  const query = new URLSearchParams();
  if (filter.actor) query.set('actor', filter.actor);
  if (filter.action) query.set('action', filter.action);
  const search = query.toString();
  return search ? `${adminHref('audit')}?${search}` : adminHref('audit');
}

type Abilities = Pick<
  Viewer,
  'canInvitePeople' | 'canManagePeople' | 'canManageReferenceData' | 'canViewAuditLog' | 'canSetVotingRule' | 'canSetAgendaTimeboxes' | 'canSetOutcomeDelay' | 'canManageDepartments'
>;

/** Whether the person may open a section: people (invite or manage), regions and categories, departments, settings (either rule), audit. */
export function canOpen(viewer: Abilities, section: AdminSection): boolean {
  switch (section) {
    case 'people':
      return viewer.canInvitePeople.allowed || viewer.canManagePeople.allowed;
    case 'regions':
    case 'categories':
      return viewer.canManageReferenceData.allowed;
    case 'departments':
      return viewer.canManageDepartments.allowed;
    case 'settings':
      return viewer.canSetVotingRule.allowed || viewer.canSetAgendaTimeboxes.allowed || viewer.canSetOutcomeDelay.allowed;
    case 'audit':
      return viewer.canViewAuditLog.allowed;
  }
}

/** The sections the person may open, in the sub-navigation's order; empty: no admin area for them. */
export function adminSections(viewer: Abilities): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => canOpen(viewer, s));
}
