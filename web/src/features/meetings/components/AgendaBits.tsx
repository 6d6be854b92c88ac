// Small pieces every agenda view shares: an item's kind as a tag, its title (a link to the issue,
// proposal or meeting it is about, when there is one) and the reason it is on the agenda.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AgendaItemData } from '../documents';
import { subjectHref } from '../paths';

export function KindTag({ kind }: { kind: AgendaItemData['kind'] }) {
  const { t } = useTranslation();
  return <span className={`agenda-kind agenda-kind--${kind.toLowerCase().replace('_', '-')}`}>{t(`meetings.kind.${kind}`)}</span>;
}

/** The item's title only (tests and screen readers read it as such); linked to its subject. */
export function ItemTitle({ item }: { item: Pick<AgendaItemData, 'title' | 'subject'> }) {
  const href = subjectHref(item.subject);
  return href ? (
    <Link to={href} className="agenda-item__title" data-testid="agenda-item-title">
      {item.title}
    </Link>
  ) : (
    <span className="agenda-item__title" data-testid="agenda-item-title">
      {item.title}
    </span>
  );
}

export function ItemReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <p className="agenda-item__reason" data-testid="agenda-item-reason">
      <span className="visually-hidden">{t('meetings.agenda.why')} </span>
      {reason}
    </p>
  );
}

/** Each item's planned start: the meeting's start plus the minutes of the items before it. */
export function plannedStarts(startsAt: string, items: readonly { minutes: number }[]): number[] {
  let at = new Date(startsAt).getTime();
  return items.map((item) => {
    const start = at;
    at += item.minutes * 60_000;
    return start;
  });
}
