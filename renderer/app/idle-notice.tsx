// Said quietly instead of locking in the middle of an interview: Hearth noticed the idle time
// and did not lock. One line, no sound, no motion; it goes away when dismissed or the screen
// is left.
import { useTranslation } from 'react-i18next';

export function IdleNotice({ minutes, onDismiss }: { minutes: number; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="idle-notice" role="status">
      {t('lockGuard.idleNotice', { count: minutes })}{' '}
      <button type="button" className="button-quiet small" onClick={onDismiss}>
        {t('lockGuard.dismiss')}
      </button>
    </p>
  );
}
