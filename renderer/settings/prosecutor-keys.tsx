// Settings → Keys: what a prosecutor's office needs from the centre, and only
// that. The centre key (the one key they pin: show, copy, save as a minisign .pub file) and the
// centre-signed staff key list (for checks with stock minisign). The signed-in user's own key is
// not offered here: a bundle checked against one staff key proves nothing about the others.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { formatDateTime } from '../common/format';
import { optional, type Optional } from '../export/optional-channel';
import { NotAvailable } from '../export/unavailable';

type CentreKey = ChannelResponse<'keys.centrePublicKey'>;
type StaffList = ChannelResponse<'keys.staffList'>;

function SaveTo({
  id,
  label,
  hint,
  save,
}: {
  id: string;
  label: string;
  hint: string;
  save: (outPath: string) => Promise<{ ok: true; path: string } | { ok: false; error: CoreError }>;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(path.trim()).then((r) => {
          if (r.ok) {
            setSaved(r.path);
            setError(null);
          } else setError(r.error);
        });
      }}
    >
      <Field
        id={id}
        label={label}
        hint={hint}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <button type="submit" className="button-quiet" disabled={path.trim() === ''}>
        {t('settings.prosecutorKeys.save')}
      </button>
      {saved !== null ? (
        <p role="status">
          {t('settings.prosecutorKeys.savedTo')} <code>{saved}</code>
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </form>
  );
}

/**
 * The keys a prosecutor's office needs (the centre key and the staff key list): show, copy and
 * save. Rendered inside Settings → Keys, before the user's own key and the trusted recipients,
 * so that every key has one home and one name.
 */
export function ProsecutorKeys() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [centre, setCentre] = useState<Optional<CentreKey> | null>(null);
  const [staff, setStaff] = useState<Optional<StaffList> | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    void client.callAny('keys.centrePublicKey', {}).then((r) => setCentre(optional<CentreKey>(r)));
    void client.callAny('keys.staffList', {}).then((r) => setStaff(optional<StaffList>(r)));
  }, [client]);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  const staffCount =
    staff?.state === 'ok'
      ? staff.value.text.split('\n').filter((l) => l.startsWith('RW')).length
      : 0;
  return (
    <>
      <p>{t('settings.prosecutorKeys.intro')}</p>
      <h3>{t('settings.prosecutorKeys.centre')}</h3>
      {centre?.state === 'ok' ? (
        <>
          <p className="fingerprint">
            {t('settings.prosecutorKeys.fingerprint')}{' '}
            <code data-testid="centre-fingerprint">{centre.value.fingerprint}</code>
          </p>
          <div className="field">
            <label htmlFor="centre-key-text">{t('settings.prosecutorKeys.keyText')}</label>
            <textarea id="centre-key-text" rows={2} readOnly value={centre.value.publicKey} />
          </div>
          {/* Its own row: "Copy the key" sat flush against the next field's label. */}
          <div className="copy-row">
            <button
              type="button"
              className="button-quiet"
              onClick={() => void copy(centre.value.publicKey)}
            >
              {t('settings.prosecutorKeys.copy')}
            </button>
            {copied === 'yes' ? <p role="status">{t('settings.prosecutorKeys.copied')}</p> : null}
            {copied === 'no' ? (
              <p role="status">{t('settings.prosecutorKeys.copyFailed')}</p>
            ) : null}
          </div>
          <SaveTo
            id="centre-key-path"
            label={t('settings.prosecutorKeys.savePath')}
            hint={t('settings.prosecutorKeys.savePathHint')}
            save={async (outPath) => {
              const r = await client.callAny('keys.centrePublicKey', { outPath });
              return r.ok
                ? { ok: true, path: (r.value as CentreKey).path ?? outPath }
                : { ok: false, error: r.error };
            }}
          />
        </>
      ) : null}
      {centre?.state === 'unavailable' ? <NotAvailable /> : null}
      {centre?.state === 'error' ? <ErrorNotice error={centre.error} /> : null}
      <h3>{t('settings.prosecutorKeys.staff')}</h3>
      {staff?.state === 'ok' ? (
        <>
          <p>
            {t('settings.prosecutorKeys.staffSummary', {
              count: staffCount,
              date: formatDateTime(staff.value.issuedAt, i18n.language),
            })}
          </p>
          <SaveTo
            id="staff-list-path"
            label={t('settings.prosecutorKeys.staffPath')}
            hint={t('settings.prosecutorKeys.staffPathHint')}
            save={async (outPath) => {
              const r = await client.callAny('keys.staffList', { outPath });
              return r.ok
                ? { ok: true, path: (r.value as StaffList).path ?? outPath }
                : { ok: false, error: r.error };
            }}
          />
        </>
      ) : null}
      {staff?.state === 'unavailable' ? <NotAvailable /> : null}
      {staff?.state === 'error' ? <ErrorNotice error={staff.error} /> : null}
    </>
  );
}
