// The signed-in person, available to every page inside the auth guard. What they may do comes
// from the server's policies (`can…` fields of the viewer, `viewerCan…` of each object): the
// web shows or hides actions by those answers and never decides from roles itself.
import { createContext, useContext } from 'react';
import type { Viewer } from './documents';

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the auth guard');
  return viewer;
}
