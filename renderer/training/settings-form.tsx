// Trainers and admins set the substantive invitation share from which feedback says "Good open
// questioning" (training.setSettings, 20% to 90%; Hearth's default is 50%).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { NARROW_FIELD } from './types';

export function TrainingSettingsForm() {
  const { t } = useTranslation('trainingUi');
  const client = useClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<CoreError | null>(null);
  const [problem, setProblem] = useState(false);
  const [saved, setSaved] = useState(false);
  // Stored settings no trainer or admin wrote (red team 17, R17-3): Hearth uses its defaults.
  const [untrusted, setUntrusted] = useState<{ version: number; writer?: string } | null>(null);

  useEffect(() => {
    void client.call('training.settings', {}).then((r) => {
      if (!r.ok) return;
      setValue(String(Math.round(r.value.settings.goodInvitationShare * 100)));
      setUntrusted(r.value.settings.untrusted ?? null);
    });
  }, [client]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const percent = Number(value);
    if (!Number.isInteger(percent) || percent < 20 || percent > 90) return setProblem(true);
    setProblem(false);
    setError(null);
    const r = await client.call('training.setSettings', { goodInvitationShare: percent / 100 });
    if (r.ok) {
      setSaved(true);
      setUntrusted(null);
    } else setError(r.error);
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="settings-heading">
      <h3 id="settings-heading">{t('settings.heading')}</h3>
      <ErrorNotice error={error} />
      {untrusted ? (
        <p role="alert" className="quiet-box">
          {t('settings.untrusted', { version: untrusted.version, writer: untrusted.writer ?? '?' })}
        </p>
      ) : null}
      <div className="field" style={NARROW_FIELD}>
        <label htmlFor="good-share">{t('settings.goodShare')}</label>
        <input
          id="good-share"
          inputMode="numeric"
          value={value}
          aria-describedby="good-share-hint"
          aria-invalid={problem || undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <p id="good-share-hint" className="field-hint">
          {problem ? t('settings.range') : t('settings.hint')}
        </p>
      </div>
      <button type="submit" className="button-primary">
        {t('settings.save')}
      </button>
      {saved ? (
        <p role="status" className="quiet-box">
          {t('settings.saved', { value })}
        </p>
      ) : null}
    </form>
  );
}
