// Settings → Users and roles (admins): the users, adding one, removing one (withdraws their
// certificate, deletes their key slot and rotates every key they could reach: the core does it
// and audits it), and revealing an allegation-blind case's allegation to one colleague (the core
// wraps that case's allegation key for them and audits it). Both ask for confirmation first,
// saying what cannot be undone.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse, CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ConfirmBox } from '../common/confirm-box';
import { ErrorNotice } from '../common/error-notice';
import { Field } from '../common/field';

type User = ChannelResponse<'users.list'>['users'][number];
type CaseSummary = ChannelResponse<'cases.list'>['cases'][number];
const ROLES = ['admin', 'interviewer', 'trainer', 'reviewer', 'advocate'] as const;
type Role = (typeof ROLES)[number];
/** Roles that read case data and so can be given an allegation (admins already read it). */
const REVEAL_ROLES: ReadonlySet<string> = new Set(['interviewer', 'reviewer']);

export function UsersSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [users, setUsers] = useState<User[]>([]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [error, setError] = useState<CoreError | null>(null);

  const load = useCallback(async () => {
    const r = await client.call('users.list', {});
    if (r.ok) {
      setUsers(r.value.users);
      setUnreadable(r.value.unreadable ?? []);
    } else setError(r.error);
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="settings-users">
      <h2 id="settings-users">{t('settings.users')}</h2>
      <UsersTable users={users} onChanged={load} />
      {unreadable.length > 0 ? (
        // A user with a key slot whose profile cannot be read (R24-10): named, not left out.
        <p className="field-hint" role="alert">
          {t('settings.usersUnreadable', {
            names: unreadable.join(', '),
            count: unreadable.length,
          })}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      <AddUserForm onAdded={load} />
      <RevealAllegationForm users={users} />
    </section>
  );
}

function UsersTable({ users, onChanged }: { users: User[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const client = useClient();
  const { user: me } = useApp();
  const [confirming, setConfirming] = useState<User | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const remove = async (u: User) => {
    const r = await client.call('users.remove', { username: u.username });
    setConfirming(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone(t('settings.removeDone', { name: u.displayName, count: r.value.rotatedKeys }));
    await onChanged();
  };

  return (
    <>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{t('settings.username')}</th>
            <th scope="col">{t('settings.displayName')}</th>
            <th scope="col">{t('settings.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>
                {u.username === me.username ? null : (
                  <button
                    type="button"
                    className="button-quiet small"
                    aria-label={t('settings.removeUserNamed', { name: u.displayName })}
                    onClick={() => {
                      setDone(null);
                      setConfirming(u);
                    }}
                  >
                    {t('settings.removeUser')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming ? (
        <ConfirmBox
          id="remove-user"
          title={t('settings.removeConfirmTitle', { name: confirming.displayName })}
          body={t('settings.removeConfirmBody')}
          confirmLabel={t('settings.removeConfirm', { name: confirming.displayName })}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {done ? (
        <p className="field-hint" role="status">
          {done}
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </>
  );
}

function AddUserForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const client = useClient();
  const [error, setError] = useState<CoreError | null>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('interviewer');
  const [passphrase, setPassphrase] = useState('');

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client.call('users.add', { username, displayName, role, passphrase });
    if (!r.ok) return setError(r.error);
    setError(null);
    setUsername('');
    setDisplayName('');
    setPassphrase('');
    await onAdded();
  };

  return (
    <form onSubmit={(e) => void add(e)}>
      <h3>{t('settings.addUser')}</h3>
      <div className="grid-2">
        <Field
          label={t('settings.username')}
          value={username}
          onChange={(e) => setUsername(e.target.value.toLowerCase())}
        />
        <Field
          label={t('settings.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <div className="field">
          <label htmlFor="new-user-role">{t('settings.role')}</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('settings.initialPassphrase')}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      <ErrorNotice error={error} />
      <button type="submit" className="button-quiet">
        {t('settings.addUser')}
      </button>
    </form>
  );
}

/** The allegation-blind cases (first 1,000, newest first), for the reveal form. */
function useBlindCases(): CaseSummary[] {
  const client = useClient();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  useEffect(() => {
    void client.call('cases.list', { limit: 1000 }).then((r) => {
      if (r.ok) setCases(r.value.cases.filter((c) => c.allegationBlind));
    });
  }, [client]);
  return cases;
}

function RevealAllegationForm({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const cases = useBlindCases();
  const readers = users.filter((u) => REVEAL_ROLES.has(u.role));
  const [caseId, setCaseId] = useState('');
  const [username, setUsername] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<CoreError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const chosenCase = cases.find((c) => c.caseId === caseId);
  const chosenUser = readers.find((u) => u.username === username);
  // Why the reveal button is disabled, said beside it.
  const missing =
    !chosenCase && !chosenUser
      ? 'settings.revealNeedsBoth'
      : !chosenCase
        ? 'settings.revealNeedsCase'
        : !chosenUser
          ? 'settings.revealNeedsUser'
          : null;

  const reveal = async () => {
    setConfirming(false);
    if (!chosenCase || !chosenUser) return;
    const r = await client.call('cases.revealAllegationTo', { caseId, username });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone(
      t('settings.revealDone', { name: chosenUser.displayName, reference: chosenCase.reference }),
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        if (chosenCase && chosenUser) setConfirming(true);
      }}
    >
      <h3>{t('settings.revealTitle')}</h3>
      <p className="field-hint">{t('settings.revealHint')}</p>
      {cases.length === 0 ? (
        <p className="field-hint">{t('settings.revealNoCases')}</p>
      ) : (
        <div className="grid-2">
          <div className="field">
            <label htmlFor="reveal-case">{t('settings.revealCase')}</label>
            <select id="reveal-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">{t('settings.choose')}</option>
              {cases.map((c) => (
                <option key={c.caseId} value={c.caseId}>
                  {c.reference} ({c.childAlias})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="reveal-user">{t('settings.revealUser')}</label>
            <select id="reveal-user" value={username} onChange={(e) => setUsername(e.target.value)}>
              <option value="">{t('settings.choose')}</option>
              {readers.map((u) => (
                <option key={u.username} value={u.username}>
                  {u.displayName} ({t(`roles.${u.role}`)})
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {confirming && chosenCase && chosenUser ? (
        <ConfirmBox
          id="reveal"
          titleLevel={4}
          title={t('settings.revealConfirmTitle', {
            name: chosenUser.displayName,
            reference: chosenCase.reference,
          })}
          body={t('settings.revealConfirmBody', { name: chosenUser.displayName })}
          confirmLabel={t('settings.revealConfirm')}
          onConfirm={() => void reveal()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {done ? (
        <p className="field-hint" role="status">
          {done}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {cases.length > 0 ? (
        <>
          {/* Disabled while the confirm box is open, so that only its own button can reveal. */}
          <button
            type="submit"
            className="button-quiet"
            disabled={!chosenCase || !chosenUser || confirming}
            aria-describedby={missing ? 'reveal-missing' : undefined}
          >
            {t('settings.revealButton')}
          </button>
          {missing ? (
            <p id="reveal-missing" className="field-hint">
              {t(missing)}
            </p>
          ) : null}
        </>
      ) : null}
    </form>
  );
}
