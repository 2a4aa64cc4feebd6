// First run: create the vault and its first administrator. Nothing else is reachable until
// the recovery kit has been stored (see RecoveryKit).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguageField } from '../common/ui-language-field';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import type { SignedInUser } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { NewPassphraseFields, newPassphraseProblem } from '../common/new-passphrase';
import { ScreenHeading } from '../common/heading';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function FirstRun({
  onCreated,
}: {
  onCreated: (recoveryKey: string, user: SignedInUser) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!USERNAME.test(username)) return setProblem(t('firstRun.problemUsername'));
    if (displayName.trim() === '') return setProblem(t('firstRun.problemDisplayName'));
    const passphraseProblem = newPassphraseProblem(passphrase, confirm);
    if (passphraseProblem) return setProblem(t(passphraseProblem));
    setProblem(null);
    setBusy(true);
    const result = await client.call('vault.create', { username, displayName, passphrase });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onCreated(result.value.recoveryKey, {
      username,
      role: 'admin',
      displayName: displayName.trim(),
    });
  };

  return (
    <main className="centre narrow">
      <UiLanguageField id="first-run-language" compact />
      <ScreenHeading>{t('firstRun.title')}</ScreenHeading>
      <p className="lead">{t('firstRun.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('firstRun.username')}
          hint={t('firstRun.usernameHint')}
          value={username}
          autoComplete="username"
          onChange={(e) => setUsername(e.target.value.toLowerCase())}
        />
        <Field
          label={t('firstRun.displayName')}
          value={displayName}
          autoComplete="name"
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <NewPassphraseFields
          label={t('firstRun.passphrase')}
          hint={t('firstRun.passphraseHint')}
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
        />
        {problem ? (
          <p className="notice" role="status">
            {problem}
          </p>
        ) : null}
        <ErrorNotice error={error} />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('firstRun.creating') : t('firstRun.create')}
        </button>
      </form>
    </main>
  );
}
