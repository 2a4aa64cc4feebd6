// The privacy curtain: one key (Alt+H, or the button) covers the whole window with a neutral
// screen, for when someone walks in or the child looks at the laptop. Nothing behind it is
// unmounted, so a half-typed note is still there when the curtain lifts.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function isCurtainKey(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyH';
}

export function useCurtainKey(toggle: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isCurtainKey(e)) {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [toggle]);
}

export function PrivacyCurtain({ onLift }: { onLift: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="curtain" data-testid="privacy-curtain">
      <p className="curtain-title">{t('curtain.title')}</p>
      <button type="button" className="button-quiet curtain-lift" onClick={onLift} autoFocus>
        {t('curtain.lift')}
      </button>
    </div>
  );
}
