// Saving a setting as soon as it changes: "Saving…", then "Saved" or the server's error, for
// the latest change only (an earlier one answered late does not overwrite its status).
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { errorMessage } from '../../app/errors';

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

/** `save(work)`: runs `work` (a mutation, giving its error if any); true when saved, false when it failed, null when a later save superseded it. */
export function useSaving(): [SaveState, (work: () => Promise<CombinedError | undefined>) => Promise<boolean | null>] {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const latest = useRef(0);
  const save = useCallback(
    async (work: () => Promise<CombinedError | undefined>) => {
      const id = ++latest.current;
      setStatus({ state: 'saving' });
      const error = await work();
      if (id !== latest.current) return null;
      setStatus(error ? { state: 'failed', message: errorMessage(error, t) } : { state: 'saved' });
      return !error;
    },
    [t],
  );
  return [status, save];
}

/** The status of one setting; the live region is always there, so each change is announced. */
export function SaveStatus({ status, testId }: { status: SaveState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="save-status" role="status" data-testid={testId} data-state={status.state}>
        {status.state === 'saving' ? t('account.notifications.saving') : null}
        {status.state === 'saved' ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('account.notifications.saved')}
          </>
        ) : null}
      </span>
      {status.state === 'failed' ? (
        <span className="save-status save-status--error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {status.message}
        </span>
      ) : null}
    </>
  );
}
