// Dates and numbers for the current language, with Intl (formatters cached per locale).
import { currentLocale } from '../app/i18n';
import { midSentence } from './sentenceCase';

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatNumber(n: number): string {
  const lng = currentLocale();
  return cached(`n:${lng}`, () => new Intl.NumberFormat(lng)).format(n);
}

export function formatDate(iso: string): string {
  const lng = currentLocale();
  return cached(`d:${lng}`, () => new Intl.DateTimeFormat(lng, { dateStyle: 'medium' })).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  const lng = currentLocale();
  return cached(`dt:${lng}`, () => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' })).format(
    new Date(iso),
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * "3 hours ago", "yesterday", "now" — in the current language; `inSentence` when it follows other
 * words ("published yesterday"), so it is not capitalized there.
 */
export function formatRelative(iso: string, now: number = Date.now(), { inSentence = false }: { inSentence?: boolean } = {}): string {
  const lng = currentLocale();
  const rtf = cached(`r:${lng}`, () => new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }));
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  let text = rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      text = rtf.format(Math.round(seconds / size), unit);
      break;
    }
  }
  return inSentence ? midSentence(text, lng) : text;
}

/** "42 %" — a share (0..1) as a whole percentage in the current language. */
export function formatPercent(share: number): string {
  const lng = currentLocale();
  return cached(`p:${lng}`, () => new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/**
 * A moment in full, in the viewer's own time zone and language, naming the zone:
 * "Monday, 1 December 2026 at 17:00 CET". For deadlines, where the hour matters.
 */
export function formatDeadline(iso: string): string {
  const lng = currentLocale();
  return cached(
    `dl:${lng}`,
    () =>
      new Intl.DateTimeFormat(lng, {
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
  ).format(new Date(iso));
}

/** The viewer's time zone, e.g. "Europe/Copenhagen". */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const DURATION_UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days", "5 hours" — a length of time, rounded down to its largest whole unit. */
export function formatDuration(ms: number): string {
  const lng = currentLocale();
  const span = Math.max(0, ms);
  for (const [unit, size] of DURATION_UNITS) {
    if (span >= size || unit === 'minute') {
      return cached(`u:${unit}:${lng}`, () => new Intl.NumberFormat(lng, { style: 'unit', unit, unitDisplay: 'long' })).format(
        Math.floor(span / size),
      );
    }
  }
  return '';
}

/**
 * When something happens, compactly but with the zone: "Tue, 1 Dec 2026, 09:00 CET" — for
 * meetings, which people in several time zones attend.
 */
export function formatWhen(iso: string): string {
  const lng = currentLocale();
  return cached(
    `when:${lng}`,
    () =>
      new Intl.DateTimeFormat(lng, {
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
  ).format(new Date(iso));
}

/** The time of day only: "09:05". */
export function formatTime(iso: string | number): string {
  const lng = currentLocale();
  return cached(`t:${lng}`, () => new Intl.DateTimeFormat(lng, { hour: 'numeric', minute: '2-digit' })).format(new Date(iso));
}

/** A stopwatch reading: "4:05", "1:02:09" (never negative). */
export function formatStopwatch(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A Date as the value of a datetime-local input (local time, to the minute). */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
