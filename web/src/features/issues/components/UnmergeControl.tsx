// For the people who merge, on a merged issue: undo the merge, after a confirmation that says
// what comes back (its status, supporters with their notes, comments) and what stays.
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UnmergeIssueMutation, type IssueDetail } from '../documents';
import { errorMessage } from '../../../app/errors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import '../duplicates.css';

const UNMERGE_CONTEXT = { additionalTypenames: ['Issue', 'Comment', 'Support'] };

export function UnmergeControl({ issue, onUndone }: { issue: IssueDetail; onUndone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, unmerge] = useMutation(UnmergeIssueMutation);
  const into = issue.mergedInto?.title ?? '';

  async function onConfirm() {
    setError(null);
    const result = await unmerge({ issueId: issue.id }, UNMERGE_CONTEXT);
    setConfirming(false);
    if (result.error) {
      setError(errorMessage(result.error, t));
      return;
    }
    onUndone();
  }

  return (
    <section className="card merge" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('duplicates.unmerge.heading')}
      </h2>
      <p className="muted">{t('duplicates.unmerge.lead')}</p>
      <button type="button" className="btn" onClick={() => setConfirming(true)} data-testid="unmerge-open">
        {t('duplicates.unmerge.button')}
      </button>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('duplicates.unmerge.confirm', { from: issue.title, into })}
        confirmLabel={t('duplicates.unmerge.confirmButton')}
        cancelLabel={t('ui.back')}
        busy={fetching}
        busyLabel={t('duplicates.unmerge.undoing')}
        onCancel={() => setConfirming(false)}
        onConfirm={onConfirm}
        testId="unmerge"
      >
        <p>{t('duplicates.unmerge.consequence', { into })}</p>
      </ConfirmDialog>
    </section>
  );
}
