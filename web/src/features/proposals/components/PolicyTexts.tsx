// The policy change: current and proposed text side by side (rendered Markdown), and below
// them what changes, word by word.
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../ui/Markdown';
import { TextDiff } from '../../../ui/TextDiff';

export function PolicyTexts({ current, proposed }: { current: string; proposed: string }) {
  const { t } = useTranslation();
  return (
    <section className="card policy-texts" aria-labelledby="policy-texts-heading" data-testid="policy-texts">
      <h2 id="policy-texts-heading" className="card__title">
        {t('proposals.texts.heading')}
      </h2>
      <div className="side-by-side">
        <div className="side-by-side__col">
          <h3 className="side-by-side__title">{t('proposals.texts.current')}</h3>
          <Markdown source={current} />
        </div>
        <div className="side-by-side__col">
          <h3 className="side-by-side__title">{t('proposals.texts.proposed')}</h3>
          <Markdown source={proposed} />
        </div>
      </div>
      <h3 className="policy-texts__diff-title">{t('proposals.texts.changes')}</h3>
      <TextDiff before={current} after={proposed} testId="proposal-diff" />
    </section>
  );
}
