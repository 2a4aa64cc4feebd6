// Said after sign-in when the core left out unsent notes that someone other than their owner
// wrote (red team 18, R18-1: a colleague replaced a pending draft with a leading question; the
// core no longer hands it back as the interviewer's own). Calm and short: what happened and what
// to do. It never names the writer or shows the text (the core sends only a count). Stays until
// dismissed or the next lock.
import { useTranslation } from 'react-i18next';

export function DraftsWithheldNotice({
  count,
  onDismiss,
}: {
  count: number;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <p className="idle-notice" role="status" data-testid="drafts-withheld">
      {t('lockGuard.draftsWithheld', { count })}{' '}
      <button type="button" className="button-quiet small" onClick={onDismiss}>
        {t('lockGuard.dismiss')}
      </button>
    </p>
  );
}
