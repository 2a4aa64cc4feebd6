// Said after sign-in to a user whose profile once held her passphrase (sec46: the first admin of
// a vault made before the fix). Calm and short: what happened, why older copies matter, and the
// next step. Shown until dismissed or the next lock; it comes back at every sign-in until she
// changes her passphrase.
import { useTranslation } from 'react-i18next';

export function PassphraseExposedNotice({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="idle-notice" role="status" data-testid="passphrase-exposed">
      {t('lockGuard.passphraseExposed')}{' '}
      <button type="button" className="button-quiet small" onClick={onDismiss}>
        {t('lockGuard.dismiss')}
      </button>
    </p>
  );
}
