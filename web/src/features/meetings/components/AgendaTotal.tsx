// The running total of the agenda against the meeting's length: "55 of 60 min", how much is left
// or how far over it is (in words and with a mark, not only in colour), and a bar.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format';

export function AgendaTotal({ planned, duration }: { planned: number; duration: number }) {
  const { t } = useTranslation();
  const over = planned - duration;
  const share = duration > 0 ? Math.min(1, planned / duration) : 0;
  return (
    <div className={over > 0 ? 'agenda-total agenda-total--over' : 'agenda-total'}>
      <p className="agenda-total__text">
        <strong data-testid="agenda-total">
          {t('meetings.agenda.total', { planned: formatNumber(planned), duration: formatNumber(duration) })}
        </strong>
        <span className="agenda-total__state">
          {over > 0 ? (
            <>
              <span className="agenda-total__mark" aria-hidden="true">
                !
              </span>
              {t('meetings.agenda.over', { formatted: formatNumber(over) })}
            </>
          ) : over === 0 ? (
            t('meetings.agenda.full')
          ) : (
            t('meetings.agenda.left', { formatted: formatNumber(-over) })
          )}
        </span>
      </p>
      <div className="agenda-total__bar" aria-hidden="true">
        <div className="agenda-total__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
