// Verify a received bundle against the sender's public key, with a plain-language result.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { ScreenHeading } from '../common/heading';
import { optional, type MyKey, type Optional, type VerifyResult } from './optional-channel';
import { NotAvailable } from './unavailable';

export function VerifyBundle() {
  const { t } = useTranslation();
  const client = useClient();
  const [path, setPath] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Optional<VerifyResult> | null>(null);
  const [keyProblem, setKeyProblem] = useState<Optional<MyKey> | null>(null);

  // The key a prosecutor pins is the centre's, not the signed-in user's (a colleague's bundle is
  // certified by the centre too).
  const useMine = async () => {
    const mine = optional<MyKey>(await client.callAny('keys.centrePublicKey', {}));
    if (mine.state === 'ok') {
      setPublicKey(mine.value.publicKey);
      setKeyProblem(null);
    } else setKeyProblem(mine);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setOutcome(optional<VerifyResult>(await client.callAny('export.verify', { path, publicKey })));
    setBusy(false);
  };

  return (
    <section className="screen narrow-screen">
      <ScreenHeading>{t('verify.title')}</ScreenHeading>
      <p className="lead">{t('verify.intro')}</p>
      <form className="panel" onSubmit={(e) => void submit(e)}>
        <Field
          label={t('verify.path')}
          hint={t('verify.pathHint')}
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <div className="field">
          <label htmlFor="verify-key">{t('verify.publicKey')}</label>
          <textarea
            id="verify-key"
            rows={3}
            value={publicKey}
            aria-describedby="verify-key-hint"
            onChange={(e) => setPublicKey(e.target.value)}
          />
          <p id="verify-key-hint" className="field-hint">
            {t('verify.publicKeyHint')}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="button-quiet" onClick={() => void useMine()}>
            {t('verify.useMine')}
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || path.trim() === '' || publicKey.trim() === ''}
          >
            {t('verify.run')}
          </button>
        </div>
        {keyProblem?.state === 'unavailable' ? <NotAvailable /> : null}
        {keyProblem?.state === 'error' ? <ErrorNotice error={keyProblem.error} /> : null}
      </form>
      {outcome?.state === 'unavailable' ? <NotAvailable /> : null}
      {outcome?.state === 'error' ? <ErrorNotice error={outcome.error} /> : null}
      {outcome?.state === 'ok' ? (
        <section className="panel" role="status" data-testid="verify-result">
          {outcome.value.valid ? (
            <>
              <h2>{t('verify.validTitle')}</h2>
              <p>{t('verify.validText')}</p>
              {outcome.value.signer ? (
                <p className="fingerprint">
                  {t('verify.signer')} {outcome.value.signer.displayName}{' '}
                  <code>{outcome.value.signer.fingerprint}</code>
                </p>
              ) : null}
            </>
          ) : (
            <>
              <h2>{t('verify.invalidTitle')}</h2>
              <p>{t('verify.invalidText')}</p>
              {outcome.value.failure ? (
                <p>{t(`verify.failures.${outcome.value.failure}`)}</p>
              ) : outcome.value.reason ? (
                // The core's reason is English-only: shown only when there is no code for it.
                <p className="field-hint">{outcome.value.reason}</p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}
