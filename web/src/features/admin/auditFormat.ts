// How the audit log reads: an action's family ("user" of "user.rolesChanged"), the families the
// filter offers, which recorded fields changed, and each recorded value made readable (roles and
// statuses by name, a region or person by name rather than id, yes/no, dates) — falling back to the
// raw value, never hiding it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The row id inside the API's global id (base64 of "Type:id"), which is what the log records. */
export function localId(globalId: string): string {
  try {
    const raw = atob(globalId);
    const colon = raw.indexOf(':');
    return colon > 0 ? raw.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}

/** The fields an event shows: those it changed, or recorded once (a creation's values); not those it repeats unchanged. */
export function changedFields<C extends { before: string | null; after: string | null }>(changes: readonly C[]): C[] {
  return changes.filter((c) => c.before === null || c.before !== c.after);
}

/** "user" of "user.rolesChanged"; the action itself when it has no dot. */
export function actionFamily(action: string): string {
  const dot = action.indexOf('.');
  return dot < 0 ? action : action.slice(0, dot);
}

/** The families of the given actions, each once, in order of first appearance (the actions come sorted). */
export function familiesOf(actions: readonly string[]): string[] {
  return [...new Set(actions.filter((a) => a.includes('.')).map(actionFamily))];
}

/** What the formatter may look up; each answers null when it does not know the value. */
export interface ValueLabels {
  none: string;
  yes: string;
  no: string;
  role: (role: string) => string | null;
  /** A region by its code (the log records some regions so). */
  region: (code: string) => string | null;
  /** A person or region by its row id. */
  named: (id: string) => string | null;
  status: (status: string) => string | null;
  language: (locale: string) => string | null;
  dateTime: (iso: string) => string;
}

const MAX_LENGTH = 300;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function parsed(raw: string): unknown {
  if (!/^[[{]|^(true|false)$/.test(raw)) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function one(field: string, value: unknown, labels: ValueLabels): string {
  if (value === null || value === undefined || value === '') return labels.none;
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => one(field, v, labels)).join(', ') : labels.none;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? entries.map(([k, v]) => `${k}: ${one(k, v, labels)}`).join(', ') : labels.none;
  }
  const text = String(value);
  const known =
    (field === 'roles' || field === 'role' ? labels.role(text) : null) ??
    (field === 'region' || field === 'regionId' ? labels.region(text) : null) ??
    (field === 'status' || field === 'toStatus' || field === 'fromStatus' ? labels.status(text) : null) ??
    (field === 'locale' ? labels.language(text) : null);
  if (known) return known;
  if (UUID.test(text)) return labels.named(text) ?? text;
  if (ISO_MOMENT.test(text) && !Number.isNaN(Date.parse(text))) return labels.dateTime(text);
  return text;
}

/** A recorded value ("before" or "after" of one field) as a person reads it. */
/** What an event's subject names, by row id: itself (an issue's title, …) and, for a referral, its issue. */
export interface SubjectNames {
  id: string;
  title?: string | null;
  name?: string | null;
  issue?: { id: string; title: string } | null;
}

/**
 * `labels` that also name what the event's own subject names: a referral's event records its issue
 * by id, and the subject already holds that issue's title. Ids the page knows (people, regions,
 * departments) come first.
 */
export function withSubjectNames(labels: ValueLabels, subject: SubjectNames | null | undefined): ValueLabels {
  if (!subject) return labels;
  const names = new Map<string, string>();
  const title = subject.title ?? subject.name;
  if (title) names.set(localId(subject.id), title);
  if (subject.issue) names.set(localId(subject.issue.id), subject.issue.title);
  if (!names.size) return labels;
  return { ...labels, named: (id) => labels.named(id) ?? names.get(id) ?? null };
}

export function formatValue(field: string, raw: string | null, labels: ValueLabels): string {
  if (raw === null) return labels.none;
  const text = one(field, parsed(raw), labels);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
