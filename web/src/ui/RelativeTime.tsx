// A <time> showing "2 hours ago", with the full date and time as its tooltip; refreshes each minute.
// `inSentence` where it follows other words ("updated 2 hours ago"): no capital letter there.
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from './format';
import { useNow } from './useNow';

export function RelativeTime({ iso, inSentence = false }: { iso: string; inSentence?: boolean }) {
  useTranslation(); // re-render when the language changes
  const now = useNow(60_000);
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now, { inSentence })}
    </time>
  );
}
