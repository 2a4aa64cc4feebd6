// The verify screen's address book of pinned centre keys (storage in pinned-keys.ts): pick a
// pinned key to fill the key field, pin the key in the field under a name, or remove one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupedHex } from './fingerprint';
import { loadPinnedKeys, minisignKeyId, pinKey, unpinKey, type PinProblem } from './pinned-keys';

/** `publicKey`: the key field's text; `onPick` fills it with a pinned key's text. */
export function PinnedKeys({
  publicKey,
  onPick,
}: {
  publicKey: string;
  onPick: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [keys, setKeys] = useState(loadPinnedKeys);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<PinProblem | undefined>(undefined);
  const fieldId = minisignKeyId(publicKey);
  const current = keys.find((k) => k.keyId === fieldId);

  const pin = () => {
    const result = pinKey(name, publicKey, new Date());
    if (typeof result === 'string') setProblem(result);
    else {
      setKeys(result);
      setName('');
      setProblem(undefined);
    }
  };

  return (
    <fieldset data-testid="pinned-keys">
      <legend>{t('verify.pinned.legend')}</legend>
      <p className="field-hint">{t('verify.pinned.hint')}</p>
      {keys.length > 0 ? (
        <div className="field">
          <label htmlFor="pinned-key-choice">{t('verify.pinned.choose')}</label>
          <select
            id="pinned-key-choice"
            value={current?.keyId ?? ''}
            onChange={(e) => {
              const chosen = keys.find((k) => k.keyId === e.target.value);
              if (chosen) onPick(chosen.publicKey);
            }}
          >
            <option value="">{t('verify.pinned.none')}</option>
            {keys.map((k) => (
              <option key={k.keyId} value={k.keyId}>
                {`${k.name} (${groupedHex(k.keyId)})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {current ? (
        <p data-testid="pinned-current">
          {t('verify.pinned.isPinned', { name: current.name })}{' '}
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setKeys(unpinKey(current.keyId));
              onPick('');
            }}
          >
            {t('verify.pinned.remove', { name: current.name })}
          </button>
        </p>
      ) : fieldId ? (
        <div className="field">
          <label htmlFor="pinned-key-name">{t('verify.pinned.name')}</label>
          <input
            id="pinned-key-name"
            value={name}
            aria-describedby={problem ? 'pinned-key-problem' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="button" className="button-quiet" onClick={pin}>
            {t('verify.pinned.pin')}
          </button>
          {problem ? (
            <p id="pinned-key-problem" className="notice" role="alert">
              {t(`verify.pinned.problems.${problem}`)}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
