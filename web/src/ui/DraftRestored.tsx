// "Draft restored · Discard": shown above a form whose text came back from a saved draft.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './useDraft';
import './forgiving.css';

export function DraftRestored({ draft }: { draft: Pick<Draft<unknown>, 'restored' | 'discard'> }) {
  const { t } = useTranslation();
  const [discarded, setDiscarded] = useState(false);
  return (
    <div className="live" aria-live="polite">
      {draft.restored ? (
        <p className="draft-note" data-testid="draft-restored">
          <span>{t('forgiving.draft.restored')}</span>
          <span aria-hidden="true"> · </span>
          <button
            type="button"
            className="btn btn--link draft-note__discard"
            aria-label={t('forgiving.draft.discardLabel')}
            onClick={() => {
              draft.discard();
              setDiscarded(true);
            }}
            data-testid="draft-discard"
          >
            {t('forgiving.draft.discard')}
          </button>
        </p>
      ) : discarded ? (
        <p className="visually-hidden">{t('forgiving.draft.discarded')}</p>
      ) : null}
    </div>
  );
}
