// Small inline icons of the proposals feature (decorative: always next to text that says the same).
import type { RolloutStatus } from '@council/shared';

const common = { 'aria-hidden': true, width: 16, height: 16, viewBox: '0 0 20 20', className: 'icon' } as const;

/** Pending: an empty circle; in progress: a half-filled one; done: a tick in a filled one. */
export function RolloutStatusIcon({ status }: { status: RolloutStatus }) {
  if (status === 'DONE') {
    return (
      <svg {...common}>
        <circle cx="10" cy="10" r="7.5" fill="currentColor" />
        <path d="M6.5 10.2l2.4 2.4 4.6-5" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  if (status === 'IN_PROGRESS') {
    return (
      <svg {...common}>
        <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10 3a7 7 0 0 1 0 14z" fill="currentColor" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.5 2" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg {...common}>
      <path d="M10 2.5l8 14.5H2z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M10 8v4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="10" cy="14.6" r="1" fill="currentColor" />
    </svg>
  );
}

export function CalendarIcon() {
  return (
    <svg {...common}>
      <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
