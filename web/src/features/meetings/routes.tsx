// Routes of the meetings feature: the list, scheduling, one meeting (planning, running, minutes)
// inside the signed-in layout, and the printable page outside it (no navigation on paper).
import type { RouteObject } from 'react-router-dom';

export const meetingRoutes: RouteObject[] = [
  { path: 'meetings', lazy: async () => ({ Component: (await import('./MeetingsPage')).MeetingsPage }) },
  { path: 'meetings/new', lazy: async () => ({ Component: (await import('./ScheduleMeetingPage')).ScheduleMeetingPage }) },
  { path: 'meetings/:id', lazy: async () => ({ Component: (await import('./MeetingPage')).MeetingPage }) },
];

export const meetingPrintRoutes: RouteObject[] = [
  { path: 'meetings/:id/print', lazy: async () => ({ Component: (await import('./PrintMeetingPage')).PrintMeetingPage }) },
];
