// The signed-in person, available to every page inside the auth guard.
import { createContext, useContext } from 'react';
import type { Role } from '@council/shared';
import type { Viewer } from './documents';

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the auth guard');
  return viewer;
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return viewer.roles.some((r) => roles.includes(r));
}

/** Raising issues, supporting and commenting are for coordinators and facilitators. */
export function canParticipate(viewer: Viewer): boolean {
  return hasRole(viewer, 'COORDINATOR', 'FACILITATOR');
}
