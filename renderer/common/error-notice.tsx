// A calm, non-alarming error: what happened and what to do next. Announced politely so a
// screen reader user hears it without being interrupted mid-sentence.
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { plainError } from './errors';

export function ErrorNotice({ error, onRetry }: { error: CoreError | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { what, next } = plainError(t, error);
  return (
    <div className="notice" role="status" aria-live="polite">
      <p className="notice-what">{what}</p>
      <p className="notice-next">{next}</p>
      {onRetry ? (
        <button type="button" className="button-quiet" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
