// The recovery kit is shown exactly once. The interviewer must confirm it was printed or
// stored before going on: without it, a forgotten passphrase loses every case in the vault.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../app/app-context';
import { formatDateTime } from '../common/format';
import { ScreenHeading } from '../common/heading';

/**
 * Groups are easier to copy by hand and to read aloud. A key the vault already grouped (with
 * dashes) is shown exactly as issued; otherwise it is split into groups of four.
 */
export function groupKey(key: string): string {
  if (/[-\s]/.test(key.trim())) return key.trim();
  return key.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The kit as a page that stands on its own once printed: whose key it is (display and user
 * name: the key only unlocks that user's slot), which vault (a line to write the computer's
 * name on: the page cannot know where it will be filed), when it was issued (a newer kit
 * replaces it), and how to use it, step by step.
 */
export function RecoveryKit({
  recoveryKey,
  user,
  onStored,
}: {
  recoveryKey: string;
  user: SignedInUser;
  onStored: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [stored, setStored] = useState(false);
  const [issued] = useState(() => new Date().toISOString());
  return (
    <main className="centre narrow recovery-kit">
      <ScreenHeading>{t('recoveryKit.title')}</ScreenHeading>
      <p className="lead">{t('recoveryKit.intro')}</p>
      <section className="kit-card" aria-labelledby="kit-key-label">
        <h2 id="kit-key-label">{t('recoveryKit.keyLabel')}</h2>
        <p className="kit-key" data-testid="recovery-key">
          {groupKey(recoveryKey)}
        </p>
        <dl className="kit-facts">
          <dt>{t('recoveryKit.user')}</dt>
          <dd>{user.displayName ? `${user.displayName} (${user.username})` : user.username}</dd>
          <dt>{t('recoveryKit.vault')}</dt>
          <dd>
            {t('recoveryKit.vaultHere')} <span className="kit-blank" aria-hidden="true" />
          </dd>
          <dt>{t('recoveryKit.issued')}</dt>
          <dd>{formatDateTime(issued, i18n.language)}</dd>
        </dl>
        <h2 id="kit-how">{t('recoveryKit.howTitle')}</h2>
        <ol className="kit-how" aria-labelledby="kit-how">
          <li>{t('recoveryKit.how1')}</li>
          <li>{t('recoveryKit.how2', { username: user.username })}</li>
          <li>{t('recoveryKit.how3')}</li>
        </ol>
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
