// Calling off a planned meeting: a card for those who may (the meeting's `viewerCanCancel`), a
// confirmation that says what will happen (calendars show it as cancelled, the agenda stops
// changing, no undo) with an optional reason for the audit log; and, once cancelled, a notice that
// says so (with a success message right after the facilitator's own cancel).
import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASON_MAX } from '@council/shared';
import { CancelMeetingMutation, MEETING_CONTEXT } from '../documents';
import { errorMessage } from '../../../app/errors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field, FormError } from '../../../ui/Field';

export function CancelMeetingCard({ meetingId, title, onCancelled }: { meetingId: string; title: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, cancel] = useMutation(CancelMeetingMutation);
  const tooLong = reason.trim().length > CANCEL_REASON_MAX;

  async function onConfirm() {
    if (tooLong) return;
    setProblem(null);
    const result = await cancel({ meetingId, reason: reason.trim() || null }, MEETING_CONTEXT);
    setAsking(false);
    if (result.error) setProblem(errorMessage(result.error, t));
    else onCancelled();
  }

  return (
    <section className="card actions meeting-cancel" aria-labelledby="cancel-meeting-heading">
      <h2 id="cancel-meeting-heading" className="card__title">
        {t('meetings.cancel.heading')}
      </h2>
      <p className="actions__hint">{t('meetings.cancel.hint')}</p>
      <button type="button" className="btn btn--block meeting-cancel__button" disabled={fetching} onClick={() => setAsking(true)} data-testid="cancel-meeting">
        {fetching ? t('meetings.cancel.cancelling') : t('meetings.cancel.action')}
      </button>
      <FormError message={problem} />
      <ConfirmDialog
        open={asking}
        title={t('meetings.cancel.confirmTitle', { title })}
        confirmLabel={t('meetings.cancel.action')}
        cancelLabel={t('meetings.cancel.keep')}
        busy={fetching}
        busyLabel={t('meetings.cancel.cancelling')}
        danger
        onConfirm={() => void onConfirm()}
        onCancel={() => setAsking(false)}
        testId="cancel-meeting-dialog"
      >
        <p>{t('meetings.cancel.confirmBody')}</p>
        <Field
          label={t('meetings.cancel.reasonLabel')}
          optionalLabel={t('meetings.cancel.optional')}
          hint={t('meetings.cancel.reasonHint')}
          error={tooLong ? t('meetings.validation.cancelReason') : undefined}
        >
          {(control) => (
            <textarea {...control} className="input" rows={2} maxLength={CANCEL_REASON_MAX + 100} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="cancel-meeting-reason" />
          )}
        </Field>
      </ConfirmDialog>
    </section>
  );
}

/** What a cancelled meeting's page says instead of its agenda; `justCancelled`: the one who cancelled it hears it worked. */
export function CancelledNotice({ title, justCancelled }: { title: string; justCancelled: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card meeting-cancelled" aria-labelledby="meeting-cancelled-heading" data-testid="meeting-cancelled">
      <div aria-live="polite" className="live">
        {justCancelled ? (
          <p className="notice meeting-cancelled__success" role="status" data-testid="meeting-cancelled-success">
            {t('meetings.cancel.done', { title })}
          </p>
        ) : null}
      </div>
      <h2 id="meeting-cancelled-heading" className="card__title">
        {t('meetings.cancel.noticeTitle')}
      </h2>
      <p className="muted">{t('meetings.cancel.noticeBody')}</p>
    </section>
  );
}
