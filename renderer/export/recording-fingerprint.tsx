// The CAC's video recording is the primary evidence: before sealing, its SHA-256 goes into the
// session record (channel sessions.addRecordingFingerprint, the same as `hearth sessions
// add-recording`): the core hashes the file by streaming, with progress, and stores only the
// fingerprint, the size and an optional neutral label, never the file name (a video's file name
// can hold the child's name).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';
import { groupedHex } from './fingerprint';

type Added = ChannelResponse<'sessions.addRecordingFingerprint'>;

/** Whether a typed path is absolute (POSIX "/..." or Windows "C:\..." / "\\server\..."). */
export function isAbsolutePath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path.trim());
}

export function RecordingFingerprint({
  sessionId,
  onAdded,
}: {
  sessionId: string;
  onAdded?: (added: Added) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [path, setPath] = useState('');
  const [label, setLabel] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [error, setError] = useState<CoreError | null>(null);

  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'progress' && e.channel === 'sessions.addRecordingFingerprint')
          setPercent(e.percent);
      }),
    [client],
  );

  const relative = path.trim() !== '' && !isAbsolutePath(path);
  const run = async () => {
    setError(null);
    setAdded(null);
    setPercent(0);
    const result = await client.call('sessions.addRecordingFingerprint', {
      sessionId,
      path: path.trim(),
      ...(label.trim() ? { label: label.trim() } : {}),
    });
    setPercent(null);
    if (result.ok) {
      setAdded(result.value);
      onAdded?.(result.value);
    } else setError(result.error);
  };

  return (
    <section className="panel" aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t('recording.heading')}</h2>
      <p>{t('recording.explain')}</p>
      <Field
        label={t('recording.path')}
        hint={t('recording.pathHint')}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      {relative ? (
        <p className="notice" role="alert" data-testid="recording-problem">
          {t('recording.problemRelative')}
        </p>
      ) : null}
      <Field
        label={t('recording.label')}
        hint={t('recording.labelHint')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      {percent !== null ? (
        <div className="field">
          <label htmlFor="recording-progress">{t('recording.progress')}</label>
          <progress id="recording-progress" max={100} value={percent} />
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {added ? (
        <p data-testid="recording-added" role="status">
          {t('recording.added', { seq: added.seq, bytes: added.bytes.toLocaleString() })}{' '}
          <code>{groupedHex(added.sha256)}</code>
        </p>
      ) : null}
      <button
        type="button"
        disabled={path.trim() === '' || relative || percent !== null}
        onClick={() => void run()}
      >
        {t('recording.add')}
      </button>
    </section>
  );
}
