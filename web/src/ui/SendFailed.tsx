// A send that failed, in a form: what happened (see app/errors.ts) and, when sending the same again
// may work (offline, server unreachable, server error), that the text is kept and a retry button.
import { useTranslation } from 'react-i18next';
import { failureMessage, isRetryable, type Failure } from '../app/errors';

export function SendFailed({ failure, onRetry, retrying = false }: { failure: Failure | null; onRetry: () => void; retrying?: boolean }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" className="live">
      {failure ? (
        <div className="notice notice--error" role="alert" data-testid="send-failed" data-kind={failure.kind}>
          <p>
            {failureMessage(failure, t)}
            {isRetryable(failure) ? ` ${t('forgiving.send.kept')}` : null}
          </p>
          {isRetryable(failure) ? (
            <button type="button" className="btn" onClick={onRetry} disabled={retrying} data-testid="send-retry">
              {t('forgiving.send.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
