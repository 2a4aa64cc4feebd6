// "Forgot your passphrase?": the recovery key from the printed kit sets a new passphrase. The
// vault then issues a NEW recovery key (the old one stops working), shown once like the first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import type { SignedInUser } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { NewPassphraseFields, newPassphraseProblem } from '../common/new-passphrase';

export function Recover({
  onRecovered,
  onCancel,
}: {
  onRecovered: (recoveryKey: string, user: SignedInUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [username, setUsername] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const passphraseProblem = newPassphraseProblem(passphrase, confirm);
    if (passphraseProblem) return setProblem(t(passphraseProblem));
    setProblem(null);
    setBusy(true);
    const result = await client.call('vault.recover', {
      username: username.trim(),
      recoveryKey: recoveryKey.trim(),
      newPassphrase: passphrase,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onRecovered(result.value.recoveryKey, {
      username: result.value.username,
      role: result.value.role,
    });
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('recover.title')}</h2>
      <p className="field-hint">{t('recover.intro')}</p>
      <Field
        label={t('unlock.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Field
        label={t('recover.key')}
        value={recoveryKey}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setRecoveryKey(e.target.value)}
      />
      <NewPassphraseFields
        label={t('recover.newPassphrase')}
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
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('recover.submit')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
