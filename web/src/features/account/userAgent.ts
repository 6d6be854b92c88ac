// A browser's user-agent string, summarized for "Where you're signed in": which browser, on which
// system. Only the common ones; anything else is unknown (shown as such), never guessed.

export type BrowserName = 'Edge' | 'Opera' | 'Firefox' | 'Chrome' | 'Safari';
export type SystemName = 'Windows' | 'macOS' | 'iOS' | 'Android' | 'ChromeOS' | 'Linux';

export interface Device {
  browser: BrowserName | null;
  os: SystemName | null;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", and iOS browsers
// say "like Mac OS X" (and Android "Linux").
const BROWSERS: [RegExp, BrowserName][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, SystemName][] = [
  [/\bWindows\b/, 'Windows'],
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

export function parseUserAgent(userAgent: string | null | undefined): Device {
  const ua = userAgent ?? '';
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    os: SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}
