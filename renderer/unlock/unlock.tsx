// Unlock with user name and passphrase. After repeated failures the core answers RATE_LIMITED
// with retryAfterMs; we count down calmly and keep what was typed.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguageField } from '../common/ui-language-field';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import type { SignedInUser } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { formatDuration } from '../common/format';
import { ScreenHeading } from '../common/heading';
import { Recover } from './recover';

export type LockReason = 'user' | 'idle' | 'system';

export function Unlock({
  reason,
  onUnlocked,
  onRecovered,
}: {
  reason?: LockReason;
  onUnlocked: (user: SignedInUser) => void;
  onRecovered: (recoveryKey: string, user: SignedInUser) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [recovering, setRecovering] = useState(false);

  useEffect(() => {
    if (waitUntil === null) return undefined;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= waitUntil) setWaitUntil(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  const remaining = waitUntil === null ? 0 : Math.max(0, waitUntil - now);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || remaining > 0) return;
    setBusy(true);
    setError(null);
    const result = await client.call('vault.unlock', { username, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      return onUnlocked(result.value);
    }
    setError(result.error);
    if (result.error.code === 'RATE_LIMITED' && result.error.retryAfterMs) {
      setNow(Date.now());
      setWaitUntil(Date.now() + result.error.retryAfterMs);
    }
  };

  return (
    <main className="centre narrow">
      <UiLanguageField id="unlock-language" compact />
      <ScreenHeading focus={false}>{t('unlock.title')}</ScreenHeading>
      {reason === 'idle' || reason === 'system' ? (
        <p className="lead">{t(`unlock.reason.${reason}`)}</p>
      ) : (
        <p className="lead">{t('unlock.intro')}</p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('unlock.username')}
          value={username}
          autoComplete="username"
          autoFocus
          onChange={(e) => setUsername(e.target.value)}
        />
        <Field
          label={t('unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {remaining > 0 ? (
          <p className="notice" role="timer" aria-live="off" data-testid="backoff">
            {/* A countdown rounds up: it never shows 0:00 (or 0:19 at 19.9 s) while the user still waits. */}
            {t('unlock.wait', { time: formatDuration(Math.ceil(remaining / 1000) * 1000) })}
          </p>
        ) : (
          <ErrorNotice error={error} />
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || remaining > 0}>
            {busy ? t('unlock.unlocking') : t('unlock.submit')}
          </button>
          <button type="button" className="link" onClick={() => setRecovering(true)}>
            {t('unlock.forgot')}
          </button>
        </div>
      </form>
      {recovering ? (
        <Recover onRecovered={onRecovered} onCancel={() => setRecovering(false)} />
      ) : null}
    </main>
  );
}
