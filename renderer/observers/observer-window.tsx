// The observer window (issue #19, "the team behind the glass"): a second window, on the
// observation room's screen, where observers send suggested questions to the interviewer's
// queue. It shows nothing of the interview record (no notes, no queue, no other suggestion):
// only the form and how many this window has sent. The interviewer decides at the break, on
// the main window. The core stays device-agnostic: this is one more caller of
// observers.suggest, as a second device would be.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguageField } from '../common/ui-language-field';
import { SuggestForm } from './observer-panel';

export function ObserverWindow({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('team');
  const [sent, setSent] = useState(0);
  return (
    <main className="centre narrow observer-window">
      <UiLanguageField id="observer-language" compact />
      <h1>{t('observerWindow.title')}</h1>
      <p className="lead">{t('observerWindow.intro')}</p>
      <SuggestForm sessionId={sessionId} onSent={() => setSent((n) => n + 1)} />
      <p role="status" className="field-hint">
        {t('observerWindow.sentCount', { count: sent })}
      </p>
      <p className="source-note">{t('observers.source')}</p>
    </main>
  );
}
