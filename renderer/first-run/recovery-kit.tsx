// The recovery kit is shown exactly once. The interviewer must confirm it was printed or
// stored before going on: without it, a forgotten passphrase loses every case in the vault.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../common/heading';

/**
 * Groups are easier to copy by hand and to read aloud. A key the vault already grouped (with
 * dashes) is shown exactly as issued; otherwise it is split into groups of four.
 */
export function groupKey(key: string): string {
  if (/[-\s]/.test(key.trim())) return key.trim();
  return key.replace(/(.{4})(?=.)/g, '$1 ');
}

export function RecoveryKit({
  recoveryKey,
  onStored,
}: {
  recoveryKey: string;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <main className="centre narrow recovery-kit">
      <ScreenHeading>{t('recoveryKit.title')}</ScreenHeading>
      <p className="lead">{t('recoveryKit.intro')}</p>
      <section className="kit-card" aria-labelledby="kit-key-label">
        <h2 id="kit-key-label">{t('recoveryKit.keyLabel')}</h2>
        <p className="kit-key" data-testid="recovery-key">
          {groupKey(recoveryKey)}
        </p>
        <p className="kit-where">{t('recoveryKit.where')}</p>
      </section>
      <div className="actions no-print">
        <button type="button" className="button-quiet" onClick={() => window.print()}>
          {t('recoveryKit.print')}
        </button>
      </div>
      <div className="check no-print">
        <input
          id="kit-stored"
          type="checkbox"
          checked={stored}
          onChange={(e) => setStored(e.target.checked)}
        />
        <label htmlFor="kit-stored">{t('recoveryKit.confirm')}</label>
      </div>
      <button
        type="button"
        className="button-primary no-print"
        disabled={!stored}
        onClick={onStored}
      >
        {t('recoveryKit.continue')}
      </button>
    </main>
  );
}
