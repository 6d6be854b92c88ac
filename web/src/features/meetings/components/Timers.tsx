// Clocks of a running meeting: the time spent on the current item against its time box, and
// the meeting's own time against its length. Both count up from the server's start times.
import { useTranslation } from 'react-i18next';
import { formatNumber, formatStopwatch } from '../../../ui/format';
import { useNow } from '../../../ui/useNow';

export function ItemTimer({ startedAt, minutes }: { startedAt: string; minutes: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const elapsed = Math.max(0, now - new Date(startedAt).getTime());
  const box = minutes * 60_000;
  const over = elapsed > box;
  return (
    <div className={over ? 'timer timer--over' : 'timer'} data-testid="item-timer">
      <p className="timer__text">
        <span className="visually-hidden">{t('meetings.run.timerLabel')} </span>
        <span className="timer__clock" role="timer">
          {formatStopwatch(elapsed)}
        </span>
        <span className="timer__of">{t('meetings.run.timeBox', { formatted: formatNumber(minutes) })}</span>
        {over ? (
          <span className="timer__over">
            <span aria-hidden="true">! </span>
            {t('meetings.run.overtime', { time: formatStopwatch(elapsed - box) })}
          </span>
        ) : null}
      </p>
      <div className="timer__bar" aria-hidden="true">
        <div className="timer__fill" style={{ width: `${Math.min(100, Math.round((elapsed / box) * 100))}%` }} />
      </div>
    </div>
  );
}

export function MeetingClock({ startedAt, duration }: { startedAt: string; duration: number }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const minutes = Math.max(0, Math.floor((now - new Date(startedAt).getTime()) / 60_000));
  return (
    <p className={minutes > duration ? 'meeting-clock meeting-clock--over' : 'meeting-clock'}>
      {t('meetings.run.meetingClock', { elapsed: formatNumber(minutes), duration: formatNumber(duration) })}
    </p>
  );
}
