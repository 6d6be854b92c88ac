// "My region too" on an issue, from the home page: supports it for the viewer's region in one
// click; the entry then says it is marked until the list is read again (and leaves it).
import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { HomeSupportIssueMutation } from '../documents';
import { errorMessage } from '../../../app/errors';

const SUPPORT_CONTEXT = { additionalTypenames: ['Issue'] };

export function MarkMine({ issue, onMarked }: { issue: { id: string; title: string }; onMarked: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, support] = useMutation(HomeSupportIssueMutation);
  const [error, setError] = useState<string | null>(null);
  const [marked, setMarked] = useState(false);

  async function mark() {
    setError(null);
    const result = await support({ issueId: issue.id }, SUPPORT_CONTEXT);
    if (result.error) {
      setError(errorMessage(result.error, t));
      return;
    }
    setMarked(true);
    onMarked();
  }

  if (marked) {
    return (
      <p className="home-marked" data-testid="home-marked">
        <span aria-hidden="true">✓ </span>
        {t('home.unmarked.marked')}
      </p>
    );
  }
  return (
    <>
      <button type="button" className="btn btn--small" disabled={fetching} onClick={() => void mark()} data-testid="home-mark-mine">
        {fetching ? t('home.unmarked.marking') : t('home.unmarked.mine')}
        <span className="visually-hidden">: {issue.title}</span>
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
