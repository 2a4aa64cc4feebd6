// Cases: a searchable, paged list (reference, alias, age, last session, status), create and
// edit, archive. The core pages the cases (newest first) and matches the search over what it
// decrypted: references never leave the core and the vault stores them only encrypted. The last
// session of each case comes from one sessions.list call for the cases of the page shown, so a
// decade of cases costs one page, not the whole vault (issue #22).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../bridge/client';
import { useClient } from '../bridge/context';
import { useApp } from '../app/app-context';
import { ErrorNotice } from '../common/error-notice';
import { formatDateTime } from '../common/format';
import { nextPlannedSession } from '../common/next-session';
import { ScreenHeading } from '../common/heading';
import { CaseForm } from './case-form';
import type { CaseSummary, SessionSummary } from './types';

type Editing = { mode: 'create' } | { mode: 'edit'; caseId: string } | null;

/** Cases per page of the list. */
export const CASES_PAGE_SIZE = 50;

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
  const [total, setTotal] = useState(0);
  const [anyCase, setAnyCase] = useState(false);
  const [offset, setOffset] = useState(0);
  const [sessions, setSessions] = useState<Map<string, SessionSummary>>(new Map());
  // Interviews of the shown cases that could not be read (altered outside Hearth, R25-1):
  // named in a notice, never silently left out.
  const [unreadableSessions, setUnreadableSessions] = useState(0);
  // …and how many of them each case holds, so its own row says so: a case whose only interview
  // cannot be read must not read as a case never interviewed.
  const [unreadableByCase, setUnreadableByCase] = useState<Record<string, number>>({});
  // Case records the core could not read or place (altered or planted outside Hearth, R25-2,
  // R25-6): counted in a notice beside the cases it could list.
  const [unreadableCases, setUnreadableCases] = useState(0);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<CoreError | null>(null);

  const load = useCallback(async () => {
    const q = query.trim();
    const result = await client.call('cases.list', {
      includeArchived: showArchived,
      ...(q ? { query: q } : {}),
      offset,
      limit: CASES_PAGE_SIZE,
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    const page = result.value;
    if (page.cases.length === 0 && offset > 0 && page.total > 0) {
      // The page emptied (cases archived meanwhile): go back to the last page there is.
      setOffset(Math.floor((page.total - 1) / CASES_PAGE_SIZE) * CASES_PAGE_SIZE);
      return;
    }
    setCases(page.cases);
    setTotal(page.total);
    setUnreadableCases(page.unreadable.length);
    if (page.total > 0 || (q === '' && showArchived)) setAnyCase(page.total > 0);
    else if (q === '') {
      const any = await client.call('cases.list', { includeArchived: true, limit: 1 });
      setAnyCase(any.ok && any.value.total > 0);
    }
    // Sessions may not be available in every build: the list still works without them.
    if (page.cases.length === 0) return setSessions(new Map());
    const list = await client.call('sessions.list', {
      caseIds: page.cases.map((c) => c.caseId),
      mode: 'live',
      limit: 1000,
    });
    if (list.ok) {
      setSessions(latestSessionByCase(list.value.sessions));
      setUnreadableSessions(list.value.unreadable?.length ?? 0);
      setUnreadableByCase(list.value.unreadableByCase ?? {});
    }
  }, [client, query, showArchived, offset]);

  useEffect(() => {
    // Typing waits a moment before asking the core, so each keystroke is not a vault read.
    const timer = setTimeout(() => void load(), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  const visible = cases ?? [];
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + CASES_PAGE_SIZE, total);

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
            onChange={(e) => {
              setQuery(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        <div className="check">
          <input
            id="show-archived"
            type="checkbox"
            checked={showArchived}
            onChange={(e) => {
              setShowArchived(e.target.checked);
              setOffset(0);
            }}
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
      {unreadableCases > 0 ? (
        <p className="notice" role="status">
          {t('cases.casesUnreadable', { count: unreadableCases })}
        </p>
      ) : null}
      {unreadableSessions > 0 ? (
        <p className="notice" role="status">
          {t('cases.sessionsUnreadable', { count: unreadableSessions })}
        </p>
      ) : null}
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
        <p className="empty">{anyCase ? t('cases.noMatch') : t('cases.none')}</p>
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
              // The latest session is sealed session k of n: "Plan session k+1" leads the row.
              const next = last ? nextPlannedSession(last, [last]) : null;
              const unreadableHere = unreadableByCase[c.caseId] ?? 0;
              return (
                <tr key={c.caseId}>
                  <th scope="row">{c.reference}</th>
                  <td>{c.childAlias}</td>
                  <td className="app-words">{t('cases.ageYears', { count: c.childAgeYears })}</td>
                  <td>
                    {last ? (
                      <button type="button" className="link" onClick={() => openSession(last)}>
                        {formatDateTime(last.startedAt, i18n.language)} ·{' '}
                        {last.extended ? `${t('cases.sessionPlace', last.extended)} · ` : ''}
                        {t(`session.status.${last.status}`)}
                      </button>
                    ) : unreadableHere === 0 ? (
                      '–'
                    ) : null}
                    {unreadableHere > 0 ? (
                      <span className="row-warning">
                        {last ? ' ' : ''}
                        {t('cases.rowSessionsUnreadable', { count: unreadableHere })}
                      </span>
                    ) : null}
                  </td>
                  <td className="app-words">
                    {c.archived ? t('cases.archived') : t('cases.open')}
                  </td>
                  <td className="row-actions">
                    {!c.archived && last && next ? (
                      <button
                        type="button"
                        className="button-primary small"
                        onClick={() =>
                          go({ name: 'plan', caseId: c.caseId, continueFrom: last.sessionId })
                        }
                        aria-label={t('cases.planNextFor', {
                          index: next.index,
                          reference: c.reference,
                        })}
                      >
                        {t('cases.planNext', { index: next.index })}
                      </button>
                    ) : null}
                    {!c.archived ? (
                      <button
                        type="button"
                        className={next ? 'button-quiet small' : 'button-primary small'}
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
      {total > CASES_PAGE_SIZE ? (
        <nav className="pager" aria-label={t('cases.pages')}>
          <button
            type="button"
            className="button-quiet small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - CASES_PAGE_SIZE))}
          >
            {t('cases.previous')}
          </button>
          <span aria-live="polite">
            {t('cases.showing', {
              first: first.toLocaleString(i18n.language),
              last: last.toLocaleString(i18n.language),
              total: total.toLocaleString(i18n.language),
            })}
          </span>
          <button
            type="button"
            className="button-quiet small"
            disabled={last >= total}
            onClick={() => setOffset(offset + CASES_PAGE_SIZE)}
          >
            {t('cases.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
