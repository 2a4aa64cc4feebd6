// Cases: a searchable list (reference, alias, age, last session, status), create and edit,
// archive. Search runs in memory over what the vault decrypted: references are never sent
// anywhere else, and the vault only stores them encrypted.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { formatDateTime } from '../common/format';
import { ScreenHeading } from '../common/heading';
import { CaseForm } from './case-form';
import type { CaseSummary, SessionSummary } from './types';

type Editing = { mode: 'create' } | { mode: 'edit'; caseId: string } | null;

export function latestSessionByCase(sessions: SessionSummary[]): Map<string, SessionSummary> {
  const latest = new Map<string, SessionSummary>();
  for (const s of sessions) {
    if (!s.caseId) continue;
    const seen = latest.get(s.caseId);
    if (!seen || seen.startedAt < s.startedAt) latest.set(s.caseId, s);
  }
  return latest;
}

export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { go } = useApp();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [sessions, setSessions] = useState<Map<string, SessionSummary>>(new Map());
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<CoreError | null>(null);

  const load = useCallback(async () => {
    const result = await client.call('cases.list', { includeArchived: true });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCases(result.value.cases);
    // Sessions may not be available in every build: the list still works without them.
    // Filtered here rather than with { mode: 'live' }, which the core does not honour yet.
    const list = await client.call('sessions.list', {});
    if (list.ok)
      setSessions(latestSessionByCase(list.value.sessions.filter((s) => s.mode === 'live')));
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (cases ?? []).filter(
      (c) =>
        (showArchived || !c.archived) &&
        (q === '' ||
          c.reference.toLocaleLowerCase().includes(q) ||
          c.childAlias.toLocaleLowerCase().includes(q)),
    );
  }, [cases, query, showArchived]);

  const archive = async (c: CaseSummary) => {
    const result = await client.call('cases.archive', { caseId: c.caseId, archived: !c.archived });
    if (!result.ok) return setError(result.error);
    await load();
  };

  const openSession = (s: SessionSummary) =>
    go(
      s.status === 'active'
        ? { name: 'live', sessionId: s.sessionId }
        : { name: 'finish', sessionId: s.sessionId },
    );

  return (
    <section className="screen">
      <ScreenHeading>{t('cases.title')}</ScreenHeading>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="case-search">{t('cases.search')}</label>
          <input
            id="case-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="check">
          <input
            id="show-archived"
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          <label htmlFor="show-archived">{t('cases.showArchived')}</label>
        </div>
        <button
          type="button"
          className="button-primary"
          onClick={() => setEditing({ mode: 'create' })}
        >
          {t('cases.new')}
        </button>
      </div>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {editing ? (
        <CaseForm
          key={editing.mode === 'edit' ? editing.caseId : 'new'}
          {...(editing.mode === 'edit' ? { caseId: editing.caseId } : {})}
          onDone={() => {
            setEditing(null);
            void load();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {cases === null ? (
        <p>{t('common.loading')}</p>
      ) : visible.length === 0 ? (
        <p className="empty">{cases.length === 0 ? t('cases.none') : t('cases.noMatch')}</p>
      ) : (
        <table className="cases-table">
          <caption className="visually-hidden">{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{t('cases.alias')}</th>
              <th scope="col">{t('cases.age')}</th>
              <th scope="col">{t('cases.lastSession')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((c) => {
              const last = sessions.get(c.caseId);
              return (
                <tr key={c.caseId}>
                  <th scope="row">{c.reference}</th>
                  <td>{c.childAlias}</td>
                  <td>{t('cases.ageYears', { count: c.childAgeYears })}</td>
                  <td>
                    {last ? (
                      <button type="button" className="link" onClick={() => openSession(last)}>
                        {formatDateTime(last.startedAt, i18n.language)} ·{' '}
                        {t(`session.status.${last.status}`)}
                      </button>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>{c.archived ? t('cases.archived') : t('cases.open')}</td>
                  <td className="row-actions">
                    {!c.archived ? (
                      <button
                        type="button"
                        className="button-primary small"
                        onClick={() => go({ name: 'plan', caseId: c.caseId })}
                        aria-label={t('cases.planFor', { reference: c.reference })}
                      >
                        {t('cases.plan')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="button-quiet small"
                      onClick={() => setEditing({ mode: 'edit', caseId: c.caseId })}
                      aria-label={t('cases.editFor', { reference: c.reference })}
                    >
                      {t('cases.edit')}
                    </button>
                    <button
                      type="button"
                      className="button-quiet small"
                      onClick={() => void archive(c)}
                      aria-label={t(c.archived ? 'cases.restoreFor' : 'cases.archiveFor', {
                        reference: c.reference,
                      })}
                    >
                      {c.archived ? t('cases.restore') : t('cases.archive')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
