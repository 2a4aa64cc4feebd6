// Settings: language, auto-lock, users and roles (admin), my signing key, trusted recipients,
// backup. Sections that need a channel this build lacks say so calmly.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { savedFileError } from '../common/errors';
import { ProgressBar, useProgress } from '../common/progress';
import { Field } from '../common/field';
import { NewPassphraseFields, newPassphraseProblem } from '../common/new-passphrase';
import { ScreenHeading } from '../common/heading';
import { UiLanguageField } from '../common/ui-language-field';
import { optional, type MyKey, type Optional, type Recipient } from '../export/optional-channel';
import { NotAvailable } from '../export/unavailable';
import { ProsecutorKeys } from './prosecutor-keys';
import { UsersSection } from './users-panel';
import {
  checkFindingSummary,
  checkFindingText,
  findingCount,
  formatCount,
  shownGroups,
  type CheckFinding,
} from './check-findings';
import { ConfirmAuditStart } from './confirm-audit-start';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { user } = useApp();
  return (
    <section className="screen narrow-screen">
      <ScreenHeading>{t('settings.title')}</ScreenHeading>
      <section className="panel" aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.general')}</h2>
        <UiLanguageField id="settings-language" />
        <IdleLockField />
      </section>
      <PassphraseSection />
      {user.role === 'admin' ? <UsersSection /> : null}
      <KeysSection />
      <BackupSection />
      {user.role === 'admin' ? <CheckSection /> : null}
    </section>
  );
}

/**
 * The idle lock is the computer's (the desktop app keeps it for every user), so only an
 * administrator changes it; everyone sees what it is and what it does during an interview.
 */
function IdleLockField() {
  const { t } = useTranslation();
  const { user, idleLock, setIdleLock } = useApp();
  const [error, setError] = useState<CoreError | null>(null);
  const [saved, setSaved] = useState(false);
  const canChange = idleLock.owner === 'app' || user.role === 'admin';
  const choices = idleLock.choices.includes(idleLock.minutes)
    ? idleLock.choices
    : [...idleLock.choices, idleLock.minutes].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor="settings-autolock">{t('settings.autoLock')}</label>
      <select
        id="settings-autolock"
        value={idleLock.minutes}
        disabled={!canChange}
        aria-describedby="settings-autolock-hint"
        onChange={(e) => {
          setSaved(false);
          void setIdleLock(Number(e.target.value)).then((problem) => {
            setError(problem);
            setSaved(problem === null);
          });
        }}
      >
        {choices.map((m) => (
          <option key={m} value={m}>
            {t('settings.minutes', { count: m })}
          </option>
        ))}
      </select>
      <p id="settings-autolock-hint" className="field-hint">
        {t('settings.autoLockHint')}{' '}
        {idleLock.owner === 'shell'
          ? canChange
            ? t('lockGuard.computerWide')
            : t('lockGuard.adminOnly')
          : t('lockGuard.thisWindow')}
      </p>
      {saved ? (
        <p className="field-hint" role="status">
          {t('lockGuard.saved', { count: idleLock.minutes })}
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </div>
  );
}

/**
 * Settings → Keys: every key in one place, named as the export wizard names them: the centre key
 * and the staff key list (for prosecutors), your own signing key, and the trusted recipients.
 */
function KeysSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [mine, setMine] = useState<Optional<MyKey> | null>(null);
  const [recipients, setRecipients] = useState<Optional<Recipient[]> | null>(null);
  const [label, setLabel] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [addError, setAddError] = useState<CoreError | null>(null);
  const loadRecipients = useCallback(async () => {
    const o = optional<{ recipients: Recipient[] }>(await client.callAny('recipients.list', {}));
    setRecipients(o.state === 'ok' ? { state: 'ok', value: o.value.recipients } : o);
  }, [client]);
  useEffect(() => {
    void client.callAny('keys.myPublicKey', {}).then((r) => setMine(optional<MyKey>(r)));
    void loadRecipients();
  }, [client, loadRecipients]);
  const addRecipient = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client.callAny('recipients.add', { label, publicKey });
    if (!r.ok) return setAddError(r.error);
    setAddError(null);
    setLabel('');
    setPublicKey('');
    await loadRecipients();
  };
  return (
    <section className="panel" aria-labelledby="settings-keys">
      <h2 id="settings-keys">{t('settings.keys')}</h2>
      <ProsecutorKeys />
      <h3>{t('settings.myKey')}</h3>
      {mine?.state === 'ok' ? (
        <p className="fingerprint">
          <code>{mine.value.fingerprint}</code>
        </p>
      ) : null}
      {mine?.state === 'unavailable' ? <NotAvailable /> : null}
      {mine?.state === 'error' ? <ErrorNotice error={mine.error} /> : null}
      <h3>{t('settings.recipients')}</h3>
      {recipients?.state === 'ok' ? (
        recipients.value.length === 0 ? (
          <p className="field-hint">{t('settings.noRecipients')}</p>
        ) : (
          <ul className="plain-list">
            {recipients.value.map((r, i) => (
              <li key={r.recipientId ?? i}>
                {r.label} <code>{r.fingerprint}</code>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {recipients?.state === 'unavailable' ? <NotAvailable /> : null}
      {recipients?.state === 'error' ? <ErrorNotice error={recipients.error} /> : null}
      {recipients?.state === 'ok' ? (
        <form onSubmit={(e) => void addRecipient(e)}>
          <h3>{t('settings.addRecipient')}</h3>
          <Field
            label={t('settings.recipientLabel')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <div className="field">
            <label htmlFor="recipient-key">{t('settings.recipientKey')}</label>
            <textarea
              id="recipient-key"
              rows={3}
              value={publicKey}
              onChange={(e) => setPublicKey(e.target.value)}
            />
          </div>
          <ErrorNotice error={addError} />
          <button
            type="submit"
            className="button-quiet"
            disabled={label.trim() === '' || publicKey.trim() === ''}
          >
            {t('settings.addRecipient')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function BackupSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [path, setPath] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [running, setRunning] = useState(false);
  const progress = useProgress('vault.backup', running);
  const backup = async (e: FormEvent) => {
    e.preventDefault();
    // A new attempt clears the last result: a stale "saved" line never sits beside an error.
    setDone(null);
    setError(null);
    setRunning(true);
    const r = await client.call('vault.backup', { path: path.trim() });
    setRunning(false);
    if (!r.ok) return setError(r.error);
    setDone(r.value.path);
  };
  return (
    <form className="panel" aria-labelledby="settings-backup" onSubmit={(e) => void backup(e)}>
      <h2 id="settings-backup">{t('settings.backup')}</h2>
      <p className="field-hint">{t('settings.backupHint')}</p>
      <Field
        label={t('settings.backupPath')}
        hint={t('settings.backupPathHint')}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <ErrorNotice error={error ? savedFileError(error) : null} />
      {running ? <ProgressBar id="backup-progress" progress={progress} /> : null}
      {done ? (
        <p role="status">
          {t('settings.backupDone')} <code>{done}</code>
        </p>
      ) : null}
      <button type="submit" className="button-quiet" disabled={path.trim() === '' || running}>
        {t('settings.backupRun')}
      </button>
    </form>
  );
}

/** A check finding in the reader's language; the core's English, marked as such, if uncoded. */
function FindingText({ finding }: { finding: CheckFinding }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const { text, worded } = checkFindingText(finding, t, exists);
  const summary = worded ? checkFindingSummary(finding, t, exists) : null;
  if (summary)
    return (
      <>
        {summary}
        <details className="finding-details">
          <summary>{t('settings.checkDetails')}</summary>
          <p>{text}</p>
        </details>
      </>
    );
  if (worded || i18n.language === 'en') return <>{text}</>;
  return (
    <>
      <span lang="en">{text}</span> <span className="field-hint">{t('settings.checkUncoded')}</span>
    </>
  );
}

/**
 * The check's findings by code, largest group first (perf22): a code found more than once gets a
 * line with its exact count, and only its first examples are listed (the core keeps 20 of each),
 * so 200,000 planted junk rows read as one line and 20 examples, not 200,000 list items.
 */
function FindingGroupsList({ result }: { result: ChannelResponse<'vault.check'> }) {
  const { t, i18n } = useTranslation();
  const example = (p: CheckFinding, at: number) => (
    <li key={`${p.kind}:${p.id}:${at}`}>
      <code>{p.id}</code>: <FindingText finding={p} />
    </li>
  );
  return (
    <ul className="check-groups">
      {shownGroups(result).map(({ group, examples }) =>
        group.count === 1 ? (
          examples.map(example)
        ) : (
          <li key={`group:${group.code ?? group.kind}`} className="check-group">
            <p>
              <strong>
                <code>{group.code ?? group.kind}</code> × {formatCount(group.count, i18n.language)}
              </strong>
              {': '}
              {group.listed < group.count
                ? t('settings.checkGroupFirst', {
                    listed: formatCount(group.listed, i18n.language),
                    more: formatCount(group.count - group.listed, i18n.language),
                  })
                : t('settings.checkGroupAll')}
            </p>
            <ul>{examples.map(example)}</ul>
          </li>
        ),
      )}
    </ul>
  );
}

/** Admins: the whole-vault integrity check, with its progress (it reads every record). */
function CheckSection() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ChannelResponse<'vault.check'> | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const progress = useProgress('vault.check', running);
  const run = async () => {
    setRunning(true);
    setResult(null);
    const r = await client.call('vault.check', {});
    setRunning(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setResult(r.value);
  };
  return (
    <section className="panel" aria-labelledby="settings-check">
      <h2 id="settings-check">{t('settings.check')}</h2>
      <p className="field-hint">{t('settings.checkHint')}</p>
      <ErrorNotice error={error} />
      {running ? <ProgressBar id="check-progress" progress={progress} /> : null}
      {result ? (
        <div role="status">
          <p>
            {result.ok
              ? t('settings.checkOk')
              : t('settings.checkProblems', {
                  count: findingCount(result),
                  shown: formatCount(findingCount(result), i18n.language),
                })}
          </p>
          {result.ok ? null : <FindingGroupsList result={result} />}
          {result.problems.some((p) => p.code === 'AUDIT_START_UNCONFIRMED') ? (
            <ConfirmAuditStart />
          ) : null}
          {result.notices && result.notices.length > 0 ? (
            <>
              <h3>{t('settings.checkNotices')}</h3>
              <p className="field-hint">{t('settings.checkNoticesHint')}</p>
              <ul>
                {result.notices.map((n) => (
                  <li key={`${n.kind}:${n.id}`}>
                    <FindingText finding={n} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <button type="button" className="button-quiet" disabled={running} onClick={() => void run()}>
        {t('settings.checkRun')}
      </button>
    </section>
  );
}

function PassphraseSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [done, setDone] = useState(false);
  const change = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const passphraseProblem = newPassphraseProblem(next, confirm);
    if (passphraseProblem) return setProblem(t(passphraseProblem));
    setProblem(null);
    const r = await client.call('vault.changePassphrase', {
      currentPassphrase: current,
      newPassphrase: next,
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
  };
  return (
    <form className="panel" aria-labelledby="settings-passphrase" onSubmit={(e) => void change(e)}>
      <h2 id="settings-passphrase">{t('settings.passphrase')}</h2>
      <div className="grid-2">
        <Field
          label={t('settings.currentPassphrase')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <NewPassphraseFields
          label={t('recover.newPassphrase')}
          passphrase={next}
          confirm={confirm}
          onPassphrase={setNext}
          onConfirm={setConfirm}
        />
      </div>
      {problem ? (
        <p className="notice" role="status">
          {problem}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {done ? <p role="status">{t('settings.passphraseChanged')}</p> : null}
      <button type="submit" className="button-quiet" disabled={current === '' || next === ''}>
        {t('settings.changePassphrase')}
      </button>
    </form>
  );
}
