// Training (practice against a simulated child, trainee progress) arrives with the training
// channels. This is its place in the app; practice data never mixes with case data.
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../common/heading';

export function TrainingScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen narrow-screen">
      <ScreenHeading>{t('training.title')}</ScreenHeading>
      <p className="lead">{t('training.intro')}</p>
      <p className="quiet-box" role="status">
        {t('common.notAvailable')}
      </p>
    </section>
  );
}
