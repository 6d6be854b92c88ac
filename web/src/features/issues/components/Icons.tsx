// Small inline icons (decorative: always next to text that says the same).
const common = { 'aria-hidden': true, width: 16, height: 16, viewBox: '0 0 20 20', className: 'icon' } as const;

export function SupportIcon() {
  return (
    <svg {...common}>
      <path d="M7 9V17H4V9zM7 9l3.5-6a2 2 0 0 1 2.3 2.6L12 8h4a1.5 1.5 0 0 1 1.5 1.8l-1.2 5.6A2 2 0 0 1 14.3 17H7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

export function RegionIcon() {
  return (
    <svg {...common}>
      <path d="M10 18s-6-5.3-6-10a6 6 0 0 1 12 0c0 4.7-6 10-6 10z" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="10" cy="8" r="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function CommentIcon() {
  return (
    <svg {...common}>
      <path d="M3 4h14v9H8l-4 3v-3H3z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

export function ClockIcon() {
  return (
    <svg {...common}>
      <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10 6v4l3 2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg {...common}>
      <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
