// First-time guidance, on an empty home and an empty feed: how an issue becomes a rolled-out
// change, in six steps, and the one thing to do first (raise an issue), when the viewer may.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/viewer';
import '../../../ui/forgiving.css';

const STEPS = ['issue', 'support', 'proposal', 'vote', 'decision', 'rollout'] as const;

export function FlowGuide() {
  const { t } = useTranslation();
  const viewer = useViewer();
  return (
    <section className="guide" aria-labelledby="flow-guide-title" data-testid="flow-guide">
      <h2 id="flow-guide-title" className="guide__title">
        {t('forgiving.guide.title')}
      </h2>
      <p className="muted">{t('forgiving.guide.lead')}</p>
      <ol className="guide__steps">
        {STEPS.map((step) => (
          <li key={step}>{t(`forgiving.guide.${step}`)}</li>
        ))}
      </ol>
      {viewer.canRaiseIssue.allowed ? (
        <p>
          {t('forgiving.guide.start')}{' '}
          <Link to="/issues/new" className="btn btn--primary" data-testid="flow-guide-raise">
            {t('forgiving.guide.action')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
