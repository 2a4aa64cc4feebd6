// Settings → Vault check: when the check reports AUDIT_START_UNCONFIRMED, an admin confirms
// where signed audit starts from a backup file (`vault.confirmAuditStart {backupFile}`), the
// same step as `hearth vault confirm-audit-start --backup FILE`. The core reads the backup read
// only and takes the start from it, never from the vault file (red team rounds 5 F0 and 6
// R6-1). Hearth's file fields take a full path (like Backup and Verify): the renderer never
// reads the file system itself. Every refusal is worded by its `reason` in the reader's language
// with a next step (settings.confirmStart.errors); anything else falls back to plainError.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { plainError, type PlainError } from '../common/errors';
import { Field } from '../common/field';

/**
 * The confirm step's own words for a refusal: by the core's `reason` (NOT_A_VAULT, OTHER_VAULT,
 * BACKUP_TOO_EARLY, LOG_REWRITTEN, ...), else by code (FORBIDDEN: not an admin), else the
 * general text for the code.
 */
export function confirmStartError(
  t: TFunction,
  exists: (key: string) => boolean,
  error: CoreError,
): PlainError {
  for (const name of [error.reason, error.code]) {
    const key = name ? `settings.confirmStart.errors.${name}` : null;
    if (key && exists(`${key}.what`)) return { what: t(`${key}.what`), next: t(`${key}.next`) };
  }
  return plainError(t, error);
}

/** The confirm form: a backup path, the outcome, or the refusal with its next step. */
export function ConfirmAuditStart() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [path, setPath] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<CoreError | null>(null);
  const [done, setDone] = useState<{ auditSignedFrom: number; unsignedEntries: number } | null>(
    null,
  );
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    setRunning(true);
    const r = await client.call('vault.confirmAuditStart', { backupFile: path.trim() });
    setRunning(false);
    if (!r.ok) return setError(r.error);
    setDone(r.value);
  };
  const empty = path.trim() === '';
  const refusal = error ? confirmStartError(t, (key) => i18n.exists(key), error) : null;
  return (
    <form
      className="panel-inner"
      aria-labelledby="confirm-start-heading"
      onSubmit={(e) => void confirm(e)}
    >
      <h3 id="confirm-start-heading">{t('settings.confirmStart.title')}</h3>
      <p className="field-hint">{t('settings.confirmStart.hint')}</p>
      <Field
        label={t('settings.confirmStart.path')}
        hint={t('settings.confirmStart.pathHint')}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      {refusal ? (
        <div className="notice" role="alert">
          <p className="notice-what">{refusal.what}</p>
          <p className="notice-next">{refusal.next}</p>
        </div>
      ) : null}
      {done ? (
        <p role="status">
          {t('settings.confirmStart.done', {
            from: done.auditSignedFrom,
            count: done.unsignedEntries,
          })}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button-quiet"
          disabled={empty || running}
          aria-describedby={empty ? 'confirm-start-why-disabled' : undefined}
        >
          {t('settings.confirmStart.run')}
        </button>
        {/* A disabled button says why (newcomer 7, finding 11). */}
        {empty ? (
          <p id="confirm-start-why-disabled" className="field-hint">
            {t('settings.confirmStart.needPath')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
